// People and their status per course, always filtered by the viewer's scope inside SQL.
import { and, eq, gt, isNull, like, lte, or, type SQL } from "drizzle-orm";
import type { Viewer } from "~/auth/scope";
import { unitScopeCondition } from "~/auth/scope.server";
import { getDb, schema } from "~/db.server";
import { type CourseInfo, listCourses } from "./courses.server";
import type { Day } from "./day";
import { type CourseStatus, courseStatus, type StatusCompletion, type StatusExemption } from "./status";

const { employee, orgUnit, completion, exemption } = schema;

export interface PersonStatus {
  employeeId: number;
  unitId: number;
  unitPath: string;
  /** Status per course code. */
  statuses: Record<string, CourseStatus>;
}

/** Employees on the roster on `asOf` under `unitPath`, inside the viewer's scope. */
function listedEmployeesCondition(viewer: Viewer, unitPath: string, asOf: Day): SQL {
  return and(
    unitScopeCondition(viewer),
    like(orgUnit.path, `${unitPath}%`),
    lte(employee.startDate, asOf),
    or(isNull(employee.endDate), gt(employee.endDate, asOf)),
  ) as SQL;
}

export function listPeopleStatuses(input: {
  viewer: Viewer;
  unitPath: string;
  asOf: Day;
  courses?: CourseInfo[];
}): PersonStatus[] {
  const { viewer, unitPath, asOf } = input;
  const courses = input.courses ?? listCourses();
  const db = getDb();
  const where = listedEmployeesCondition(viewer, unitPath, asOf);

  const people = db
    .select({
      employeeId: employee.id,
      startDate: employee.startDate,
      endDate: employee.endDate,
      unitId: orgUnit.id,
      unitPath: orgUnit.path,
    })
    .from(employee)
    .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
    .where(where)
    .all();

  const completions = db
    .select({
      employeeId: completion.employeeId,
      courseId: completion.courseId,
      completedOn: completion.completedOn,
      courseVersion: completion.courseVersion,
    })
    .from(completion)
    .innerJoin(employee, eq(employee.id, completion.employeeId))
    .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
    .where(where)
    .all();

  const exemptions = db
    .select({
      employeeId: exemption.employeeId,
      courseId: exemption.courseId,
      validFrom: exemption.validFrom,
      validUntil: exemption.validUntil,
    })
    .from(exemption)
    .innerJoin(employee, eq(employee.id, exemption.employeeId))
    .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
    .where(where)
    .all();

  const completionsByKey = groupBy(completions, (c) => `${c.employeeId}:${c.courseId}`);
  const exemptionsByKey = groupBy(exemptions, (e) => `${e.employeeId}:${e.courseId}`);

  return people.map((p) => {
    const statuses: Record<string, CourseStatus> = {};
    for (const course of courses) {
      const key = `${p.employeeId}:${course.id}`;
      statuses[course.code] = courseStatus({
        employee: p,
        course,
        completions: (completionsByKey.get(key) ?? []) as StatusCompletion[],
        exemptions: (exemptionsByKey.get(key) ?? []) as StatusExemption[],
        asOf,
      });
    }
    return { employeeId: p.employeeId, unitId: p.unitId, unitPath: p.unitPath, statuses };
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
