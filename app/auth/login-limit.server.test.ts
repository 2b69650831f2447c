import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { createAccount } from "~/test-fixtures";
import {
  accountDelayMs,
  FREE_ATTEMPTS_PER_ACCOUNT,
  LOGIN_WINDOW_MS,
  MAX_ATTEMPTS_PER_ADDRESS,
  MAX_DELAY_MS,
  reserveLoginAttempt,
} from "./login-limit.server";
import { hashPassword, passwordLogin, verifyPasswordLogin } from "./password.server";

let n = 0;
const fresh = () => `grænse-${++n}-${Math.random()}@albertslund.test`;
const fail = (email: string, ip: string, now: number) => {
  const slot = reserveLoginAttempt(email, ip, now);
  if (!slot.allowed) throw new Error("blocked");
  slot.finish(false);
};

describe("the password login limit", () => {
  it("300 attempts at once reach the slow verify at most the free number of times", async () => {
    const password = "den-rigtige-adgangskode";
    const account = createAccount(getDb(), "employee", {
      email: fresh(),
      passwordHash: await hashPassword(password),
    });
    let verified = 0;
    const verify: typeof verifyPasswordLogin = (...args) => {
      verified++;
      return verifyPasswordLogin(...args);
    };
    // The right password at position 150, as in the security review. All at the same instant, so
    // a slow machine cannot let the one-second wait pass while the 300 are being started.
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        passwordLogin(account.email, i === 150 ? password : `forkert-${i}`, "10.0.0.1", { verify, now }),
      ),
    );
    expect(verified).toBeLessThanOrEqual(FREE_ATTEMPTS_PER_ACCOUNT);
    expect(verified).toBeGreaterThan(0);
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.filter((r) => !r.ok && r.reason === "wait")).toHaveLength(300 - verified);
  });

  it("slows down instead of locking out: the wait doubles from 1 s up to 30 s", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 20].map(accountDelayMs)).toEqual([
      0, 1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    const email = fresh();
    const t = 1_000_000_000_000;
    for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT; i++) fail(email, `10.1.0.${i}`, t);
    // The sixth attempt, from any address, waits one second after the last failure.
    const early = reserveLoginAttempt(email, "10.1.1.1", t + 500);
    expect(early).toEqual({ allowed: false, retryAfterSeconds: 1 });
    fail(email, "10.1.1.1", t + 1000);
    expect(reserveLoginAttempt(email, "10.1.1.1", t + 2500).allowed).toBe(false);
    // Even after many failures the real person gets a try every 30 seconds at the latest …
    let now = t + 3000;
    for (let i = 0; i < 10; i++) {
      fail(email, "10.1.1.1", now);
      now += MAX_DELAY_MS;
    }
    const slot = reserveLoginAttempt(email, "10.1.1.1", now);
    expect(slot.allowed).toBe(true);
    // … and a success clears the account's count.
    if (slot.allowed) slot.finish(true);
    expect(reserveLoginAttempt(email, "10.1.1.1", now + 1).allowed).toBe(true);
  });

  it("failures older than the window no longer count", () => {
    const email = fresh();
    const t = 1_100_000_000_000;
    for (let i = 0; i < 8; i++) fail(email, "10.2.0.1", t + i * MAX_DELAY_MS);
    const last = t + 7 * MAX_DELAY_MS;
    expect(reserveLoginAttempt(email, "10.2.0.1", last + 1000).allowed).toBe(false);
    expect(reserveLoginAttempt(email, "10.2.0.1", last + LOGIN_WINDOW_MS).allowed).toBe(true);
  });

  it("one address has a ceiling over all accounts", () => {
    const t = 1_200_000_000_000;
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) fail(fresh(), "10.3.0.1", t);
    const blocked = reserveLoginAttempt(fresh(), "10.3.0.1", t + 1000);
    expect(blocked.allowed).toBe(false);
    expect(reserveLoginAttempt(fresh(), "10.3.0.2", t + 1000).allowed).toBe(true);
  });

  it("stores a fixed-size key, not whatever the client sent", () => {
    const email = fresh();
    fail(email, "10.4.0.1", Date.now());
    const rows = getDb()
      .select()
      .from(schema.loginFailure)
      .where(eq(schema.loginFailure.key, `konto:${email}`))
      .all();
    expect(rows).toHaveLength(1);
  });
});
