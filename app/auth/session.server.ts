// Database-backed sessions (see session-token.ts for the token design).
import { eq, sql } from "drizzle-orm";
import { type AppDatabase, getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import {
  EMPLOYEE_SESSION,
  generateSessionToken,
  judgeSession,
  parseSessionToken,
  secretMatches,
  sessionExpiresAt,
  sessionPolicy,
} from "./session-token";

const { session, userAccount } = schema;

const isProduction = config().production;
// `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and Path=/.
export const SESSION_COOKIE = isProduction ? "__Host-albertslund_session" : "albertslund_session";

export type SessionUser = Pick<
  typeof userAccount.$inferSelect,
  "id" | "email" | "name" | "role" | "employeeId"
>;

export function createSession(userId: number, now = Date.now()): string {
  const { id, secretHash, token } = generateSessionToken();
  getDb()
    .insert(session)
    .values({ id, userId, secretHash: Buffer.from(secretHash), createdAt: now, lastVerifiedAt: now })
    .run();
  return token;
}

// Every request with a cookie runs this lookup: it is built once per connection, so a request
// pays only for running it (drizzle's query building cost more than SQLite's work here).
function prepareSessionLookup(db: AppDatabase) {
  return db
    .select({
      session,
      user: {
        id: userAccount.id,
        email: userAccount.email,
        name: userAccount.name,
        role: userAccount.role,
        employeeId: userAccount.employeeId,
        deactivatedAt: userAccount.deactivatedAt,
      },
    })
    .from(session)
    .innerJoin(userAccount, eq(userAccount.id, session.userId))
    .where(eq(session.id, sql.placeholder("id")))
    .prepare();
}
const sessionLookups = new WeakMap<AppDatabase, ReturnType<typeof prepareSessionLookup>>();
function sessionLookup(db: AppDatabase) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  return lookup;
}

/** The user behind a token, or null. Ends expired sessions and slides the idle timeout. */
export function validateSessionToken(
  token: string,
  now = Date.now(),
): { sessionId: string; user: SessionUser; expiresAt: number } | null {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const db = getDb();
  const row = sessionLookup(db).get({ id: parsed.id });
  if (!row || !secretMatches(parsed.secret, row.session.secretHash)) return null;

  const policy = sessionPolicy(row.user.role);
  const verdict = judgeSession(row.session, now, policy);
  if (verdict === "expired" || row.user.deactivatedAt !== null) {
    invalidateSession(parsed.id);
    return null;
  }
  let lastVerifiedAt = row.session.lastVerifiedAt;
  if (verdict === "refresh") {
    db.update(session).set({ lastVerifiedAt: now }).where(eq(session.id, parsed.id)).run();
    lastVerifiedAt = now;
  }
  const { deactivatedAt: _, ...user } = row.user;
  return {
    sessionId: parsed.id,
    user,
    expiresAt: sessionExpiresAt({ ...row.session, lastVerifiedAt }, policy),
  };
}

export function invalidateSession(sessionId: string): void {
  getDb().delete(session).where(eq(session.id, sessionId)).run();
}

/** "Forlæng": slides the idle timeout now, whatever the refresh interval. Returns the new end. */
export function extendSession(sessionId: string, role: string, now = Date.now()): number {
  const row = getDb()
    .update(session)
    .set({ lastVerifiedAt: now })
    .where(eq(session.id, sessionId))
    .returning()
    .get();
  return row ? sessionExpiresAt(row, sessionPolicy(role)) : now;
}

/** Ends every session of a user: on role or scope change, deactivation or leaving. */
export function invalidateUserSessions(userId: number): void {
  getDb().delete(session).where(eq(session.userId, userId)).run();
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}

// The cookie lives as long as the absolute cap; the idle timeout is enforced in the database.
export function sessionCookie(token: string): string {
  const maxAge = Math.floor(EMPLOYEE_SESSION.absoluteMs / 1000);
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${isProduction ? "; Secure" : ""}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${isProduction ? "; Secure" : ""}`;
}
