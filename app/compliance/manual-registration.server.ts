// HR registers a completion or an exemption by hand, always with a reason, visible in the
// employee's history as registered by that person. A mistake is corrected by an annulment: a new
// row that cancels the earlier one (history keeps both; the status rule ignores the annulled row).

import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { versionOn } from "~/courses/version-on";
import { getDb, schema } from "~/db.server";
import { listCourses } from "./courses.server";
import { type Day, isDay, today as todayInDenmark } from "./day";
import { refreshKeptStatus } from "./kept-status.server";
import { notAnnulledCompletion, notAnnulledExemption } from "./status-inputs.server";

const { completion, exemption, annulment } = schema;

const reason = z
  .string()
  .trim()
  .min(5, "Skriv en begrundelse (mindst 5 tegn).")
  .max(500, "Begrundelsen er for lang.");
const day = (message: string) => z.string().trim().refine(isDay, message);
// "completion:12" or "exemption:5": the row to annul, as the picker on the employee page sends it.
const annulTarget = z
  .string()
  .regex(/^(completion|exemption):[1-9]\d{0,14}$/, "Vælg den registrering, du vil annullere.")
  .transform((v) => {
    const [kind, id] = v.split(":");
    return { kind: kind as "completion" | "exemption", id: Number(id) };
  });

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
  z.object({ intent: z.literal("annul"), target: annulTarget, reason }),
]);

export type ManualRegistrationInput = z.infer<typeof ManualRegistration>;
export type Intent = ManualRegistrationInput["intent"];

export type RegistrationResult = { ok: true } | { ok: false; error: string; field: string };

const refuse = (error: string, field = ""): RegistrationResult => ({ ok: false, error, field });
const recordedToday = (at: number, today: Day) => todayInDenmark(new Date(at)) === today;

/**
 * Registers or annuls for `employeeId` on behalf of HR user `actor`. HR never registers or annuls
 * on their own record (a second HR user must), and the same registration twice on one day is
 * refused (the usual cause is a second click).
 */
export function registerManually(
  input: ManualRegistrationInput,
  employeeId: number,
  actor: { id: number; employeeId: number | null },
  today: Day,
): RegistrationResult {
  if (actor.employeeId === employeeId) {
    return refuse(
      "Du kan ikke registrere eller annullere på din egen medarbejder. Bed en anden i HR om det.",
    );
  }
  if (input.intent === "annul") return annul(input.target, input.reason, employeeId, actor.id);
  const course = listCourses().find((c) => c.code === input.course);
  if (!course) return refuse("Kurset findes ikke.", "course");
  const now = Date.now();
  return getDb().transaction(
    (tx): RegistrationResult => {
      if (input.intent === "completion") {
        if (input.completedOn > today) return refuse("Datoen må ikke ligge i fremtiden.", "completedOn");
        const same = tx
          .select({ recordedAt: completion.recordedAt })
          .from(completion)
          .where(
            and(
              eq(completion.employeeId, employeeId),
              eq(completion.courseId, course.id),
              eq(completion.completedOn, input.completedOn),
              eq(completion.source, "manual"),
              notAnnulledCompletion,
            ),
          )
          .all();
        if (same.some((r) => recordedToday(r.recordedAt, today))) {
          return refuse(
            "Den samme gennemførelse er allerede registreret i dag. Se listen over gennemførelser nedenfor.",
            "completedOn",
          );
        }
        tx.insert(completion)
          .values({
            employeeId,
            courseId: course.id,
            completedOn: input.completedOn,
            courseVersion: versionOn(course.versions, input.completedOn),
            source: "manual",
            reason: input.reason,
            recordedByUserId: actor.id,
            recordedAt: now,
          })
          .run();
      } else {
        const validUntil = input.validUntil || null;
        const same = tx
          .select({ createdAt: exemption.createdAt })
          .from(exemption)
          .where(
            and(
              eq(exemption.employeeId, employeeId),
              eq(exemption.courseId, course.id),
              eq(exemption.validFrom, input.validFrom),
              validUntil === null ? isNull(exemption.validUntil) : eq(exemption.validUntil, validUntil),
              notAnnulledExemption,
            ),
          )
          .all();
        if (same.some((r) => recordedToday(r.createdAt, today))) {
          return refuse(
            "Den samme fritagelse er allerede registreret i dag. Se listen over fritagelser nedenfor.",
            "validFrom",
          );
        }
        tx.insert(exemption)
          .values({
            employeeId,
            courseId: course.id,
            reason: input.reason,
            validFrom: input.validFrom,
            validUntil,
            grantedByUserId: actor.id,
            createdAt: now,
          })
          .run();
      }
      refreshKeptStatus(tx, [employeeId]);
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

function annul(
  target: { kind: "completion" | "exemption"; id: number },
  reason: string,
  employeeId: number,
  actorUserId: number,
): RegistrationResult {
  const isCompletion = target.kind === "completion";
  return getDb().transaction(
    (tx): RegistrationResult => {
      const owner = isCompletion
        ? tx
            .select({ employeeId: completion.employeeId })
            .from(completion)
            .where(eq(completion.id, target.id))
            .get()
        : tx
            .select({ employeeId: exemption.employeeId })
            .from(exemption)
            .where(eq(exemption.id, target.id))
            .get();
      // Only rows of the person on the page: an id from another record is refused like a missing one.
      if (owner?.employeeId !== employeeId) return refuse("Registreringen findes ikke.", "target");
      const already = tx
        .select({ id: annulment.id })
        .from(annulment)
        .where(isCompletion ? eq(annulment.completionId, target.id) : eq(annulment.exemptionId, target.id))
        .get();
      if (already) return refuse("Registreringen er allerede annulleret.", "target");
      tx.insert(annulment)
        .values({
          completionId: isCompletion ? target.id : null,
          exemptionId: isCompletion ? null : target.id,
          reason,
          annulledByUserId: actorUserId,
          annulledAt: Date.now(),
        })
        .run();
      refreshKeptStatus(tx, [employeeId]);
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}
