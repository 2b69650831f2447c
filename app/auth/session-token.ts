// Session tokens as Lucia's authors now teach them (lucia-auth/lucia, code/auth_session.ts):
// the token is "<id>.<secret>"; the database keeps the id and only SHA-256 of the secret, so a
// leaked database cannot be replayed as cookies. Pure functions, no I/O.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

export interface SessionPolicy {
  /** A session ends this long after it was last used. */
  idleMs: number;
  /** Even a session in constant use ends this long after login. */
  absoluteMs: number;
  /** `lastVerifiedAt` is bumped at most this often, so a busy user writes rarely. */
  refreshMs: number;
}

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** Employees see only their own data: long sessions suit a phone between home visits. */
export const EMPLOYEE_SESSION: SessionPolicy = {
  idleMs: 10 * DAY,
  absoluteMs: 30 * DAY,
  refreshMs: 60 * MINUTE,
};
/** Managers, HR and admins see other people's data: short idle time (OWASP ASVS L2). */
export const PRIVILEGED_SESSION: SessionPolicy = {
  idleMs: 30 * MINUTE,
  absoluteMs: 12 * 60 * MINUTE,
  refreshMs: 5 * MINUTE,
};

export function sessionPolicy(role: string): SessionPolicy {
  return role === "employee" ? EMPLOYEE_SESSION : PRIVILEGED_SESSION;
}

/** The moment the session ends unless it is used again. */
export function sessionExpiresAt(
  session: { createdAt: number; lastVerifiedAt: number },
  policy: SessionPolicy,
): number {
  return Math.min(session.lastVerifiedAt + policy.idleMs, session.createdAt + policy.absoluteMs);
}

function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export interface NewSessionToken {
  id: string;
  secret: string;
  secretHash: Uint8Array;
  token: string;
}

export function generateSessionToken(): NewSessionToken {
  const id = randomBase32(15); // 120 bits: public lookup key
  const secret = randomBase32(32); // 256 bits: never stored
  return { id, secret, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  if (!/^[a-z2-7]{24}$/.test(id) || !/^[a-z2-7]{52}$/.test(secret)) return null;
  return { id, secret };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), storedHash);
}

export type SessionVerdict = "valid" | "refresh" | "expired";

/** What to do with a stored session seen at `now`. */
export function judgeSession(
  session: { createdAt: number; lastVerifiedAt: number },
  now: number,
  policy: SessionPolicy = EMPLOYEE_SESSION,
): SessionVerdict {
  if (now >= sessionExpiresAt(session, policy)) return "expired";
  return now - session.lastVerifiedAt >= policy.refreshMs ? "refresh" : "valid";
}
