import { describe, expect, it } from "vitest";
import {
  EMPLOYEE_SESSION,
  generateSessionToken,
  hashSecret,
  judgeSession,
  PRIVILEGED_SESSION,
  parseSessionToken,
  secretMatches,
} from "./session-token";

describe("session tokens", () => {
  it("are unique and carry at least 128 bits of secret", () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const t = generateSessionToken();
      tokens.add(t.token);
      // base32: 5 bits a character.
      expect(t.secret.length * 5).toBeGreaterThanOrEqual(256);
    }
    expect(tokens.size).toBe(2000);
  });

  it("round-trips through parsing and matches only the right secret", () => {
    const t = generateSessionToken();
    const parsed = parseSessionToken(t.token);
    expect(parsed).toEqual({ id: t.id, secret: t.secret });
    expect(secretMatches(t.secret, t.secretHash)).toBe(true);
    const other = generateSessionToken();
    expect(secretMatches(other.secret, t.secretHash)).toBe(false);
  });

  it("stores a hash that is not the secret itself", () => {
    const t = generateSessionToken();
    const hex = Buffer.from(hashSecret(t.secret)).toString("hex");
    expect(hex).not.toContain(t.secret);
    expect(hashSecret(t.secret)).toEqual(t.secretHash);
  });

  it("rejects malformed tokens", () => {
    const t = generateSessionToken();
    for (const bad of [
      "",
      "abc",
      `${t.id}`,
      `${t.id}.`,
      `.${t.secret}`,
      `${t.id}.${t.secret}.x`,
      `${t.id.toUpperCase()}.${t.secret}`,
    ]) {
      expect(parseSessionToken(bad)).toBeNull();
    }
  });
});

const SESSION_IDLE_MS = EMPLOYEE_SESSION.idleMs;
const SESSION_ABSOLUTE_MS = EMPLOYEE_SESSION.absoluteMs;
const SESSION_REFRESH_MS = EMPLOYEE_SESSION.refreshMs;

describe("judgeSession", () => {
  const start = 1_700_000_000_000;
  const fresh = { createdAt: start, lastVerifiedAt: start };

  it("is valid and not refreshed within the hour", () => {
    expect(judgeSession(fresh, start + SESSION_REFRESH_MS - 1)).toBe("valid");
  });

  it("asks for a refresh once an hour has passed", () => {
    expect(judgeSession(fresh, start + SESSION_REFRESH_MS)).toBe("refresh");
  });

  it("expires after the idle timeout, not a moment before", () => {
    expect(judgeSession(fresh, start + SESSION_IDLE_MS - 1)).toBe("refresh");
    expect(judgeSession(fresh, start + SESSION_IDLE_MS)).toBe("expired");
  });

  it("expires at the absolute cap even when in constant use", () => {
    const busy = { createdAt: start, lastVerifiedAt: start + SESSION_ABSOLUTE_MS - 1000 };
    expect(judgeSession(busy, start + SESSION_ABSOLUTE_MS - 1)).toBe("valid");
    expect(judgeSession(busy, start + SESSION_ABSOLUTE_MS)).toBe("expired");
  });

  it("ends a manager's or HR officer's session after 30 idle minutes", () => {
    expect(judgeSession(fresh, start + PRIVILEGED_SESSION.idleMs - 1, PRIVILEGED_SESSION)).toBe("refresh");
    expect(judgeSession(fresh, start + PRIVILEGED_SESSION.idleMs, PRIVILEGED_SESSION)).toBe("expired");
    expect(judgeSession(fresh, start + 30 * 60 * 1000, EMPLOYEE_SESSION)).toBe("valid");
  });
});
