import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isIssuedAttemptId, issueAttemptId } from "./attempt-id.server";

const key = randomBytes(32);
const mine = { employeeId: 7, courseCode: "gdpr", moduleSlug: "principperne" };

describe("quiz attempt ids", () => {
  it("accepts an id issued for the same employee, course and module, and every id is new", () => {
    const a = issueAttemptId(key, mine);
    const b = issueAttemptId(key, mine);
    expect(a).not.toBe(b);
    expect(isIssuedAttemptId(key, a, mine)).toBe(true);
    expect(a).toMatch(/^[\w-]{22}\.[\w-]{22}$/);
  });

  it("refuses an id issued to someone else, for another module or course, or by another installation", () => {
    const id = issueAttemptId(key, mine);
    expect(isIssuedAttemptId(key, id, { ...mine, employeeId: 8 })).toBe(false);
    expect(isIssuedAttemptId(key, id, { ...mine, moduleSlug: "sikkerhedsbrud" })).toBe(false);
    expect(isIssuedAttemptId(key, id, { ...mine, courseCode: "ai" })).toBe(false);
    expect(isIssuedAttemptId(randomBytes(32), id, mine)).toBe(false);
  });

  it("refuses made-up and altered ids", () => {
    const id = issueAttemptId(key, mine);
    const [random = "", mac = ""] = id.split(".");
    const flipped = `${mac.startsWith("A") ? "B" : "A"}${mac.slice(1)}`;
    expect(isIssuedAttemptId(key, `${random}.${flipped}`, mine)).toBe(false);
    expect(isIssuedAttemptId(key, `${issueAttemptId(key, mine).split(".")[0]}.${mac}`, mine)).toBe(false);
    expect(isIssuedAttemptId(key, crypto.randomUUID(), mine)).toBe(false);
    expect(isIssuedAttemptId(key, "", mine)).toBe(false);
    expect(isIssuedAttemptId(key, `${id}x`, mine)).toBe(false);
  });
});
