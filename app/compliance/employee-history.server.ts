// One employee's full record for managers (in scope) and HR: status, completions, attempts,
// exemptions and attestations.
import { data } from "@remix-run/node";
import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { CurrentUser } from "~/auth/guard.server";
import { canViewUnit } from "~/auth/scope";
import { getDb, schema } from "~/db.server";
import { listCourses } from "./courses.server";
import type { Day } from "./day";
import { courseStatus } from "./status";
import { unitPathLabels } from "./units.server";

const { employee, orgUnit, completion, exemption, quizAttempt, attestation, userAccount, course, annulment } =
  schema;
const annulledBy = alias(userAccount, "annulled_by");

/** 404 when there is no such employee, 403 when they are outside the viewer's scope. */
export function loadEmployeeHistory(viewer: CurrentUser, employeeId: number, asOf: Day) {
  return readEmployeeHistory(employeeId, asOf, (unitPath) => {
    if (!canViewUnit(viewer, unitPath)) {
      throw data({ message: "Du har ikke adgang til denne medarbejder." }, { status: 403 });
    }
  });
}

/** The signed-in person's own record ("Mine data"). */
export function loadOwnHistory(employeeId: number, asOf: Day) {
  return readEmployeeHistory(employeeId, asOf, () => {});
}

function readEmployeeHistory(employeeId: number, asOf: Day, checkAccess: (unitPath: string) => void) {
  const db = getDb();
  const person = db
    .select({ employee, unitPath: orgUnit.path })
    .from(employee)
    .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
    .where(eq(employee.id, employeeId))
    .get();
  if (!person) throw data({ message: "Medarbejderen findes ikke." }, { status: 404 });
  checkAccess(person.unitPath);

  const courses = listCourses();
  const completions = db
    .select({
      completion,
      courseTitle: course.title,
      recordedBy: userAccount.name,
      annulment,
      annulledBy: annulledBy.name,
    })
    .from(completion)
    .innerJoin(course, eq(course.id, completion.courseId))
    .leftJoin(userAccount, eq(userAccount.id, completion.recordedByUserId))
    .leftJoin(annulment, eq(annulment.completionId, completion.id))
    .leftJoin(annulledBy, eq(annulledBy.id, annulment.annulledByUserId))
    .where(eq(completion.employeeId, employeeId))
    .orderBy(desc(completion.completedOn), desc(completion.recordedAt))
    .all();
  const exemptions = db
    .select({
      exemption,
      courseTitle: course.title,
      grantedBy: userAccount.name,
      annulment,
      annulledBy: annulledBy.name,
    })
    .from(exemption)
    .innerJoin(course, eq(course.id, exemption.courseId))
    .leftJoin(userAccount, eq(userAccount.id, exemption.grantedByUserId))
    .leftJoin(annulment, eq(annulment.exemptionId, exemption.id))
    .leftJoin(annulledBy, eq(annulledBy.id, annulment.annulledByUserId))
    .where(eq(exemption.employeeId, employeeId))
    .orderBy(desc(exemption.validFrom))
    .all();
  const attempts = db
    .select({ attempt: quizAttempt, courseTitle: course.title })
    .from(quizAttempt)
    .innerJoin(course, eq(course.id, quizAttempt.courseId))
    .where(eq(quizAttempt.employeeId, employeeId))
    .orderBy(desc(quizAttempt.submittedAt))
    .all();
  const attestations = db
    .select({ attestation, courseTitle: course.title })
    .from(attestation)
    .innerJoin(course, eq(course.id, attestation.courseId))
    .where(eq(attestation.employeeId, employeeId))
    .orderBy(asc(attestation.attestedAt))
    .all();

  const statuses = courses.map((c) => ({
    code: c.code,
    title: c.title,
    status: courseStatus({
      employee: person.employee,
      course: c,
      completions: completions
        .filter((r) => r.completion.courseId === c.id)
        .map((r) => ({ ...r.completion, annulled: r.annulment !== null })),
      exemptions: exemptions
        .filter((r) => r.exemption.courseId === c.id)
        .map((r) => ({ ...r.exemption, annulled: r.annulment !== null })),
      asOf,
    }),
  }));

  return {
    person: person.employee,
    unitLabel: unitPathLabels().get(person.employee.orgUnitId) ?? "",
    statuses,
    completions,
    exemptions,
    attempts,
    attestations,
  };
}
