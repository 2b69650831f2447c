// Session tokens as Lucia's authors now teach them (lucia-auth/lucia, code/auth_session.ts):
// the token is "<id>.<secret>"; the database keeps the id and only SHA-256 of the secret, so a
// leaked database cannot be replayed as cookies. Pure functions, no I/O.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** Idle timeout: a session ends this long after it was last used. */
export const SESSION_IDLE_MS = 10 * 24 * 60 * 60 * 1000;
/** Absolute cap: even a session in constant use ends this long after login. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** Bump `lastVerifiedAt` at most this often, so a busy user causes one write an hour. */
export const SESSION_REFRESH_MS = 60 * 60 * 1000;

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
): SessionVerdict {
  if (now - session.lastVerifiedAt >= SESSION_IDLE_MS) return "expired";
  if (now - session.createdAt >= SESSION_ABSOLUTE_MS) return "expired";
  return now - session.lastVerifiedAt >= SESSION_REFRESH_MS ? "refresh" : "valid";
}
