import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { certificateCodeFor, formatCode, normalizeCode, verifyCertificate } from "./verification.server";

describe("certificate verification", () => {
  const db = getDb();
  const unit = createUnit(db, "Bevisafdelingen");
  const person = createEmployee(db, unit, { name: "Zeynep Yıldız-Şahin Łukasiewicz" });
  const gdpr = db.select().from(schema.course).where(eq(schema.course.code, "gdpr")).get();
  const done = db
    .insert(schema.completion)
    .values({
      employeeId: person.id,
      courseId: gdpr?.id ?? -1,
      completedOn: "2026-01-15",
      courseVersion: "1.0",
      source: "manual",
      reason: "Test",
      recordedAt: 1,
    })
    .returning()
    .get();

  it("gives a completion one random code and confirms it, and only what the certificate says", () => {
    const code = certificateCodeFor(done.id);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(certificateCodeFor(done.id)).toBe(code);
    const verified = verifyCertificate(formatCode(code).toLowerCase(), "2026-06-01");
    expect(verified).toEqual({
      name: "Zeynep Yıldız-Şahin Łukasiewicz",
      courseTitle: gdpr?.title,
      completedOn: "2026-01-15",
      validUntil: "2027-01-15",
      stillValid: true,
    });
    expect(verifyCertificate(code, "2027-01-15")?.stillValid).toBe(false);
  });

  it("finds nothing for an unknown or malformed code", () => {
    expect(verifyCertificate("ABCD-EFGH-JKMN-PQRS")).toBeNull();
    expect(verifyCertificate("x")).toBeNull();
    expect(normalizeCode("abcd-efgh ijkl-mnop")).toBe("ABCDEFGH1JK1MN0P");
  });

  it("confirms nothing once HR has annulled the completion", () => {
    const other = db
      .insert(schema.completion)
      .values({
        employeeId: person.id,
        courseId: gdpr?.id ?? -1,
        completedOn: "2026-02-01",
        courseVersion: "1.0",
        source: "manual",
        reason: "Test",
        recordedAt: 2,
      })
      .returning()
      .get();
    const code = certificateCodeFor(other.id);
    expect(verifyCertificate(code, "2026-06-01")).not.toBeNull();
    db.insert(schema.annulment)
      .values({ completionId: other.id, reason: "Forkert person", annulledAt: 3 })
      .run();
    expect(verifyCertificate(code, "2026-06-01")).toBeNull();
  });
});
