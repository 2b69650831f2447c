import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { createAccount, createUnit } from "~/test-fixtures";
import { addScope, setActive, setRole } from "./accounts.server";
import { getCurrentUser } from "./guard.server";
import {
  createSession,
  invalidateSession,
  SESSION_COOKIE,
  sessionCookie,
  validateSessionToken,
} from "./session.server";
import { EMPLOYEE_SESSION, hashSecret, parseSessionToken } from "./session-token";

const SESSION_IDLE_MS = EMPLOYEE_SESSION.idleMs;
const SESSION_REFRESH_MS = EMPLOYEE_SESSION.refreshMs;

const requestWith = (token: string) =>
  new Request("http://localhost/", { headers: { Cookie: `other=1; ${SESSION_COOKIE}=${token}` } });

describe("database sessions", () => {
  it("stores only the id and the hash of the secret", () => {
    const user = createAccount(getDb(), "employee");
    const token = createSession(user.id);
    const { id, secret } = parseSessionToken(token) ?? { id: "", secret: "" };
    const row = getDb().select().from(schema.session).where(eq(schema.session.id, id)).get();
    expect(row?.userId).toBe(user.id);
    expect(Buffer.from(row?.secretHash ?? []).equals(Buffer.from(hashSecret(secret)))).toBe(true);
    const everything = JSON.stringify(getDb().$client.prepare("select * from session").all());
    expect(everything).not.toContain(secret);
  });

  it("validates a token and rejects a tampered one", () => {
    const user = createAccount(getDb(), "employee");
    const token = createSession(user.id);
    expect(validateSessionToken(token)?.user.id).toBe(user.id);
    const tampered = `${token.slice(0, -1)}${token.endsWith("a") ? "b" : "a"}`;
    expect(validateSessionToken(tampered)).toBeNull();
  });

  it("slides the idle timeout at most once an hour and expires an idle session", () => {
    const user = createAccount(getDb(), "employee");
    const t0 = 1_800_000_000_000;
    const token = createSession(user.id, t0);
    const id = parseSessionToken(token)?.id ?? "";
    const lastVerified = () =>
      getDb().select().from(schema.session).where(eq(schema.session.id, id)).get()?.lastVerifiedAt;

    validateSessionToken(token, t0 + SESSION_REFRESH_MS - 1);
    expect(lastVerified()).toBe(t0);
    validateSessionToken(token, t0 + SESSION_REFRESH_MS);
    expect(lastVerified()).toBe(t0 + SESSION_REFRESH_MS);
    // Idle timeout counts from the refresh, so this is still valid …
    expect(validateSessionToken(token, t0 + SESSION_IDLE_MS + 1)).not.toBeNull();
    // … and this is not, and the row is gone.
    const later = t0 + SESSION_IDLE_MS + 1 + SESSION_IDLE_MS;
    expect(validateSessionToken(token, later)).toBeNull();
    expect(lastVerified()).toBeUndefined();
  });

  it("ends the session on logout", () => {
    const user = createAccount(getDb(), "employee");
    const token = createSession(user.id);
    invalidateSession(parseSessionToken(token)?.id ?? "");
    expect(validateSessionToken(token)).toBeNull();
  });

  it("ends all of a user's sessions when role, scope or activity changes", () => {
    const db = getDb();
    const unit = createUnit(db, "Enhed A");
    const changes = [
      (id: number) => setRole(id, "hr"),
      (id: number) => addScope(id, unit.id),
      (id: number) => setActive(id, false),
    ];
    for (const change of changes) {
      const user = createAccount(db, "manager");
      const tokens = [createSession(user.id), createSession(user.id)];
      const bystander = createSession(createAccount(db, "manager").id);
      change(user.id);
      for (const t of tokens) expect(validateSessionToken(t)).toBeNull();
      expect(validateSessionToken(bystander)).not.toBeNull();
    }
  });

  it("reads the user's role and scope fresh from the database on each request", () => {
    const db = getDb();
    const unit = createUnit(db, "Enhed B");
    const user = createAccount(db, "manager");
    db.insert(schema.managerScope).values({ userId: user.id, orgUnitId: unit.id }).run();
    const token = createSession(user.id);
    expect(getCurrentUser(requestWith(token))?.scopePaths).toEqual([unit.path]);
    expect(getCurrentUser(requestWith("not-a-token"))).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax cookie on the whole site", () => {
    const cookie = sessionCookie("abc.def");
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=abc\\.def;`));
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Domain");
  });
});
