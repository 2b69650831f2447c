// Password login throttling (OWASP Authentication Cheat Sheet), stored in SQLite so it survives
// restarts. Every attempt takes its slot in one synchronous IMMEDIATE transaction *before* the slow
// Argon2 verify, so attempts sent in parallel cannot all pass the check before any is counted.
//
// Per account the limit slows attempts down instead of locking the account: after FREE_ATTEMPTS
// failures in the window each further attempt must wait 1, 2, 4 … seconds (at most 30) after the
// previous one. Someone who knows a colleague's e-mail can make them wait half a minute, never lock
// them out, and single sign-on and the e-mail link never look at these counts at all.
// Per client address there is a plain ceiling (one machine trying many accounts).
import { and, count, eq, gte, inArray, lt, max } from "drizzle-orm";
import { getDb, schema } from "~/db.server";

const { loginFailure } = schema;

export const LOGIN_WINDOW_MS = 10 * 60 * 1000;
export const FREE_ATTEMPTS_PER_ACCOUNT = 5;
export const MAX_DELAY_MS = 30 * 1000;
export const MAX_ATTEMPTS_PER_ADDRESS = 100;

const accountKey = (email: string) => `konto:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip || "ukendt"}`;

/** How long after the previous failure the next attempt must wait, given the failures so far. */
export function accountDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS_PER_ACCOUNT) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS_PER_ACCOUNT), MAX_DELAY_MS);
}

export type LoginSlot =
  | {
      allowed: true /** Call with the outcome once the password has been checked. */;
      finish(ok: boolean): void;
    }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Takes a slot for one password attempt, or says how long to wait. The slot is counted as a
 * failure until `finish(true)` removes it, so an attempt still being verified counts too.
 */
export function reserveLoginAttempt(email: string, ip: string, now = Date.now()): LoginSlot {
  const account = accountKey(email);
  const address = addressKey(ip);
  const since = now - LOGIN_WINDOW_MS;
  const db = getDb();
  const ids = db.transaction(
    (tx): { wait: number } | { ids: number[] } => {
      const stats = (key: string) =>
        tx
          .select({ n: count(), last: max(loginFailure.at) })
          .from(loginFailure)
          .where(and(eq(loginFailure.key, key), gte(loginFailure.at, since)))
          .get() ?? { n: 0, last: null };
      const byAddress = stats(address);
      if (byAddress.n >= MAX_ATTEMPTS_PER_ADDRESS) {
        return { wait: (byAddress.last ?? now) + LOGIN_WINDOW_MS - now };
      }
      const byAccount = stats(account);
      const waitUntil = (byAccount.last ?? 0) + accountDelayMs(byAccount.n);
      if (byAccount.n >= FREE_ATTEMPTS_PER_ACCOUNT && now < waitUntil) return { wait: waitUntil - now };
      // Old rows are of no use: keep the table small.
      tx.delete(loginFailure).where(lt(loginFailure.at, since)).run();
      return {
        ids: tx
          .insert(loginFailure)
          .values([
            { key: account, at: now },
            { key: address, at: now },
          ])
          .returning({ id: loginFailure.id })
          .all()
          .map((r) => r.id),
      };
    },
    { behavior: "immediate" },
  );
  if ("wait" in ids) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ids.wait / 1000)) };
  return {
    allowed: true,
    finish(ok) {
      // A success clears the account's failures and its own slot (the address keeps its failures).
      if (ok) {
        db.delete(loginFailure).where(eq(loginFailure.key, account)).run();
        db.delete(loginFailure).where(inArray(loginFailure.id, ids.ids)).run();
      }
    },
  };
}

/** Counts a request from this address (e.g. for an e-mail link); false when it has sent too many. */
export function countAddressRequest(ip: string, now = Date.now()): boolean {
  const address = addressKey(ip);
  return getDb().transaction(
    (tx) => {
      const n =
        tx
          .select({ n: count() })
          .from(loginFailure)
          .where(and(eq(loginFailure.key, address), gte(loginFailure.at, now - LOGIN_WINDOW_MS)))
          .get()?.n ?? 0;
      if (n >= MAX_ATTEMPTS_PER_ADDRESS) return false;
      tx.insert(loginFailure).values({ key: address, at: now }).run();
      return true;
    },
    { behavior: "immediate" },
  );
}
