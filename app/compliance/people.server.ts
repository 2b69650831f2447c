// People and their status per course, always filtered by the viewer's scope inside SQL.
// Loading (one query per table) is separate from computing status, so the same rows serve
// status today and at each month end of the trend.
import { and, eq, gt, inArray, isNull, like, lte, or, type SQL, sql } from "drizzle-orm";
import type { Viewer } from "~/auth/scope";
import { unitScopeCondition } from "~/auth/scope.server";
import { getDb, schema } from "~/db.server";
import { type CourseInfo, listCourses } from "./courses.server";
import { type Day, today } from "./day";
import { DEFAULT_PEOPLE_QUERY } from "./people-list";
import { type CourseStatus, courseStatus, type StatusCompletion, type StatusExemption } from "./status";
import {
  byEmployeeAndCourse,
  type EmployeeIdCondition,
  inputKey,
  selectCompletionInputs,
  selectExemptionInputs,
} from "./status-inputs.server";
import { likeContains, streamPeople } from "./status-queries.server";
import { countStatuses, type StatusCounts } from "./summary";

const { employee, orgUnit } = schema;

export interface PersonRow {
  employeeId: number;
  employeeNumber: string;
  name: string;
  email: string;
  startDate: Day;
  endDate: Day | null;
  unitId: number;
  unitPath: string;
}

export interface PeopleData {
  courses: CourseInfo[];
  people: PersonRow[];
  completions: Map<string, StatusCompletion[]>;
  exemptions: Map<string, StatusExemption[]>;
}

export interface PersonStatus extends PersonRow {
  /** Status per course code. */
  statuses: Record<string, CourseStatus>;
}

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

const isListed = (person: PersonRow, asOf: Day) =>
  person.startDate <= asOf && (person.endDate === null || person.endDate > asOf);

function statusOf(data: PeopleData, person: PersonRow, course: CourseInfo, asOf: Day): CourseStatus {
  return courseStatus({
    employee: person,
    course,
    completions: data.completions.get(inputKey(person.employeeId, course.id)) ?? [],
    exemptions: data.exemptions.get(inputKey(person.employeeId, course.id)) ?? [],
    asOf,
  });
}

/** Status per course for everyone listed on `asOf` (leavers and future starters left out). */
export function statusesAsOf(data: PeopleData, asOf: Day): PersonStatus[] {
  const result: PersonStatus[] = [];
  for (const person of data.people) {
    if (!isListed(person, asOf)) continue;
    const statuses: Record<string, CourseStatus> = {};
    for (const course of data.courses) statuses[course.code] = statusOf(data, person, course, asOf);
    result.push({ ...person, statuses });
  }
  return result;
}

/** Just the counts per course on `asOf`, without building a row per person (for trends). */
export function countStatusesAsOf(data: PeopleData, asOf: Day): Record<string, StatusCounts> {
  const counts: Record<string, StatusCounts> = {};
  for (const course of data.courses) {
    counts[course.code] = countStatuses(
      (function* () {
        for (const person of data.people)
          if (isListed(person, asOf)) yield statusOf(data, person, course, asOf);
      })(),
    );
  }
  return counts;
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
