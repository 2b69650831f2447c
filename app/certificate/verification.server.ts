// The certificate's verification code: random, so nobody can guess another person's, and looked up
// by the public page /bevis/<code>, which confirms the name, the course, the dates and whether the
// completion still counts, and nothing else about the person.
import { and, eq } from "drizzle-orm";
import { listCourses } from "~/compliance/courses.server";
import { type Day, today } from "~/compliance/day";
import { completionExpiry } from "~/compliance/status";
import { notAnnulledCompletion } from "~/compliance/status-inputs.server";
import { getDb, schema } from "~/db.server";

const { certificateCode, completion, employee } = schema;

// Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper cannot be misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 16 characters of 5 bits each: 80 random bits. */
const LENGTH = 16;

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join("");
}

/** "ABCD-EFGH-JKMN-PQRS", as printed. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** What a person typed or a link holds, in the stored form (upper case, no dashes or spaces). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

/** The code of a completion's certificate, made the first time the certificate is fetched. */
export function certificateCodeFor(completionId: number, now = Date.now()): string {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const existing = tx
        .select({ code: certificateCode.code })
        .from(certificateCode)
        .where(eq(certificateCode.completionId, completionId))
        .get();
      if (existing) return existing.code;
      const code = newCode();
      tx.insert(certificateCode).values({ code, completionId, createdAt: now }).run();
      return code;
    },
    { behavior: "immediate" },
  );
}

export interface VerifiedCertificate {
  name: string;
  courseTitle: string;
  completedOn: Day;
  /** The first day it no longer counts (the status rule's validUntil). */
  validUntil: Day;
  stillValid: boolean;
}

export function verifyCertificate(input: string, asOf: Day = today()): VerifiedCertificate | null {
  const code = normalizeCode(input);
  if (code.length !== LENGTH) return null;
  const row = getDb()
    .select({
      name: employee.name,
      courseId: completion.courseId,
      completedOn: completion.completedOn,
      courseVersion: completion.courseVersion,
    })
    .from(certificateCode)
    .innerJoin(completion, eq(completion.id, certificateCode.completionId))
    .innerJoin(employee, eq(employee.id, completion.employeeId))
    // A completion HR annulled never was: its certificate no longer proves anything.
    .where(and(eq(certificateCode.code, code), notAnnulledCompletion))
    .get();
  if (!row) return null;
  const course = listCourses().find((c) => c.id === row.courseId);
  if (!course) return null;
  const validUntil = completionExpiry(row, course);
  return {
    name: row.name,
    courseTitle: course.title,
    completedOn: row.completedOn,
    validUntil,
    stillValid: asOf < validUntil,
  };
}
