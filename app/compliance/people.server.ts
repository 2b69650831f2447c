// People and their status per course, always filtered by the viewer's scope inside SQL.
// Loading (one query per table) is separate from computing status (people-data.ts), so the same
// rows serve status today and at each month end of the trend.
import { and, eq, gt, inArray, isNull, like, lte, or, type SQL, sql } from "drizzle-orm";
import type { Viewer } from "~/auth/scope";
import { unitScopeCondition } from "~/auth/scope.server";
import { getDb, schema } from "~/db.server";
import { type CourseInfo, listCourses } from "./courses.server";
import { type Day, today } from "./day";
import { type PeopleData, type PersonStatus, statusesAsOf } from "./people-data";
import { DEFAULT_PEOPLE_QUERY } from "./people-list";
import {
  byEmployeeAndCourse,
  type EmployeeIdCondition,
  selectCompletionInputs,
  selectExemptionInputs,
} from "./status-inputs.server";
import { likeContains, streamPeople } from "./status-queries.server";

const { employee, orgUnit } = schema;

/**
 * Everyone under `unitPath` inside the viewer's scope who is on the roster at some point in
 * [from, to]: started by `to` and not left before `from`.
 */
export function loadPeopleData(input: {
  viewer: Viewer;
  unitPath: string;
  from: Day;
  to: Day;
  search?: string;
  courses?: CourseInfo[];
}): PeopleData {
  const { viewer, unitPath, from, to } = input;
  const courses = input.courses ?? listCourses();
  const search = input.search?.trim();
  const where = and(
    unitScopeCondition(viewer),
    like(orgUnit.path, `${unitPath}%`),
    lte(employee.startDate, to),
    or(isNull(employee.endDate), gt(employee.endDate, from)),
    search
      ? or(
          sql`${employee.name} LIKE ${likeContains(search)} ESCAPE '\\'`,
          sql`${employee.employeeNumber} LIKE ${likeContains(search)} ESCAPE '\\'`,
        )
      : undefined,
  ) as SQL;
  const db = getDb();

  const people = db
    .select({
      employeeId: employee.id,
      employeeNumber: employee.employeeNumber,
      name: employee.name,
      email: employee.email,
      startDate: employee.startDate,
      endDate: employee.endDate,
      unitId: orgUnit.id,
      unitPath: orgUnit.path,
    })
    .from(employee)
    .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
    .where(where)
    .all();

  // The records of exactly those people: the same scoped selection, as a subquery.
  const selected: EmployeeIdCondition = (employeeId) =>
    inArray(
      employeeId,
      db
        .select({ id: employee.id })
        .from(employee)
        .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
        .where(where),
    );
  const completions = byEmployeeAndCourse(selectCompletionInputs(db, selected).all());
  const exemptions = byEmployeeAndCourse(selectExemptionInputs(db, selected).all());
  return { courses, people, completions, exemptions };
}

/**
 * Whether the kept status answers for `asOf`: it is exact from each row's last change on, so for
 * today and later. Reports for an earlier day (`--as-of`) recompute from the history instead.
 */
export function keptStatusCovers(asOf: Day): boolean {
  return asOf >= today();
}

/** Everyone listed on `asOf` under `unitPath` in the viewer's scope, with status per course. */
export function listPeopleStatuses(input: {
  viewer: Viewer;
  unitPath: string;
  asOf: Day;
  search?: string;
  courses?: CourseInfo[];
}): PersonStatus[] {
  if (!keptStatusCovers(input.asOf)) return listPeopleStatusesByRule(input);
  const courses = input.courses ?? listCourses();
  const sqlInput = {
    viewer: input.viewer,
    unitPath: input.unitPath,
    asOf: input.asOf,
    courses,
    query: { ...DEFAULT_PEOPLE_QUERY, q: input.search ?? "" },
  };
  return [...streamPeople(sqlInput)];
}

/** The same from the history with the status rule: exact for any day, but loads everyone's records. */
export function listPeopleStatusesByRule(input: {
  viewer: Viewer;
  unitPath: string;
  asOf: Day;
  search?: string;
  courses?: CourseInfo[];
}): PersonStatus[] {
  return statusesAsOf(loadPeopleData({ ...input, from: input.asOf, to: input.asOf }), input.asOf);
}
