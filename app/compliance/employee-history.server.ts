// One employee's full record for managers (in scope) and HR: status, completions, attempts,
// exemptions and attestations.
import { data } from "@remix-run/node";
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Viewer } from "~/auth/scope";
import { unitScopeCondition } from "~/auth/scope.server";
import { getDb, schema } from "~/db.server";
import { listCourses } from "./courses.server";
import type { Day } from "./day";
import { courseStatus } from "./status";
import { unitPathLabeler } from "./units.server";

const { employee, orgUnit, completion, exemption, quizAttempt, attestation, userAccount, course, annulment } =
  schema;
const annulledBy = alias(userAccount, "annulled_by");

/**
 * An employee's record for a manager (in scope) or HR. The person is read through the viewer's
 * scope in SQL; when that finds no one, 404 or 403 says only whether the id exists.
 */
export function loadEmployeeHistory(viewer: Viewer, employeeId: number, asOf: Day) {
  const person = findPerson(employeeId, unitScopeCondition(viewer));
  if (!person) {
    const exists = getDb()
      .select({ id: employee.id })
      .from(employee)
      .where(eq(employee.id, employeeId))
      .get();
    if (exists) throw data({ message: "Du har ikke adgang til denne medarbejder." }, { status: 403 });
    throw data({ message: "Medarbejderen findes ikke." }, { status: 404 });
  }
  return readEmployeeHistory(person, asOf);
}

/** The signed-in person's own record ("Mine data"). */
export function loadOwnHistory(employeeId: number, asOf: Day) {
  const person = findPerson(employeeId);
  if (!person) throw data({ message: "Medarbejderen findes ikke." }, { status: 404 });
  return readEmployeeHistory(person, asOf);
}

function findPerson(employeeId: number, scope?: SQL) {
  return getDb()
    .select({ employee, unitPath: orgUnit.path })
    .from(employee)
    .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
    .where(and(eq(employee.id, employeeId), scope))
    .get();
}

function readEmployeeHistory(person: NonNullable<ReturnType<typeof findPerson>>, asOf: Day) {
  const db = getDb();
  const employeeId = person.employee.id;
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
    unitLabel: unitPathLabeler()(person.employee.orgUnitId),
    statuses,
    completions,
    exemptions,
    attempts,
    attestations,
  };
}
