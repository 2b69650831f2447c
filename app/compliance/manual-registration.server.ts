// HR registers a completion or an exemption by hand, always with a reason, visible in the
// employee's history as registered by that person.
import { z } from "zod";
import { getDb, schema } from "~/db.server";
import { listCourses } from "./courses.server";
import { type Day, isDay } from "./day";

const reason = z
  .string()
  .trim()
  .min(5, "Skriv en begrundelse (mindst 5 tegn).")
  .max(500, "Begrundelsen er for lang.");
const day = (message: string) => z.string().trim().refine(isDay, message);

export const ManualRegistration = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("completion"),
    course: z.string().min(1, "Vælg et kursus."),
    completedOn: day("Skriv den dato, kurset blev gennemført."),
    reason,
  }),
  z
    .object({
      intent: z.literal("exemption"),
      course: z.string().min(1, "Vælg et kursus."),
      validFrom: day("Skriv den dato, fritagelsen gælder fra."),
      validUntil: z.union([z.literal(""), day("Skriv en gyldig slutdato, eller lad feltet stå tomt.")]),
      reason,
    })
    .refine((e) => e.validUntil === "" || e.validUntil >= e.validFrom, {
      message: "Slutdatoen skal ligge efter startdatoen.",
      path: ["validUntil"],
    }),
]);

export type ManualRegistrationInput = z.infer<typeof ManualRegistration>;

/** The version in force on the completion day. */
export function versionOn(versions: readonly { version: string; publishedOn: Day }[], on: Day): string {
  return (versions.filter((v) => v.publishedOn <= on).at(-1) ?? versions[0])?.version ?? "1.0";
}

export function registerManually(
  input: ManualRegistrationInput,
  employeeId: number,
  userId: number,
  today: Day,
): string | null {
  const course = listCourses().find((c) => c.code === input.course);
  if (!course) return "Kurset findes ikke.";
  const now = Date.now();
  if (input.intent === "completion") {
    if (input.completedOn > today) return "Datoen må ikke ligge i fremtiden.";
    getDb()
      .insert(schema.completion)
      .values({
        employeeId,
        courseId: course.id,
        completedOn: input.completedOn,
        courseVersion: versionOn(course.versions, input.completedOn),
        source: "manual",
        reason: input.reason,
        recordedByUserId: userId,
        recordedAt: now,
      })
      .run();
  } else {
    getDb()
      .insert(schema.exemption)
      .values({
        employeeId,
        courseId: course.id,
        reason: input.reason,
        validFrom: input.validFrom,
        validUntil: input.validUntil || null,
        grantedByUserId: userId,
        createdAt: now,
      })
      .run();
  }
  return null;
}
