// Login throttling (OWASP Authentication Cheat Sheet): failures are counted per account, so one
// NAT address for the whole municipality does not lock everyone out, and per client address,
// so one machine cannot try many accounts. Stored in SQLite: it survives restarts.
import { and, count, eq, gte, lt } from "drizzle-orm";
import { getDb, schema } from "~/db.server";

const { loginFailure } = schema;

export const LOGIN_WINDOW_MS = 10 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 100;

const accountKey = (email: string) => `konto:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip || "ukendt"}`;

function failuresSince(key: string, since: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(loginFailure)
      .where(and(eq(loginFailure.key, key), gte(loginFailure.at, since)))
      .get()?.n ?? 0
  );
}

/** True when this account or address has failed too often in the last 10 minutes. */
export function isLoginBlocked(email: string, ip: string, now = Date.now()): boolean {
  const since = now - LOGIN_WINDOW_MS;
  return (
    failuresSince(accountKey(email), since) >= MAX_FAILURES_PER_ACCOUNT ||
    failuresSince(addressKey(ip), since) >= MAX_FAILURES_PER_ADDRESS
  );
}

export function recordLoginFailure(email: string, ip: string, now = Date.now()): void {
  const db = getDb();
  db.insert(loginFailure)
    .values([
      { key: accountKey(email), at: now },
      { key: addressKey(ip), at: now },
    ])
    .run();
  // Old rows are of no use: keep the table small.
  db.delete(loginFailure)
    .where(lt(loginFailure.at, now - LOGIN_WINDOW_MS))
    .run();
}

/** A successful login clears the account's count (not the address's). */
export function clearLoginFailures(email: string): void {
  getDb()
    .delete(loginFailure)
    .where(eq(loginFailure.key, accountKey(email)))
    .run();
}
