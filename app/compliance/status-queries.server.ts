// The overviews' and people lists' questions, answered in SQL over the kept status: the scope
// filter, classification as of a day, the status filter, sorting, counting per unit and paging.
// Only the rows a page shows (or an export streams, a chunk at a time) are turned into objects.
import { type SQL, sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Viewer } from "~/auth/scope";
import { canViewUnit, seesWholeOrganisation, topScopePaths } from "~/auth/scope";
import { getDb, openConnection } from "~/db.server";
import type { CourseInfo } from "./courses.server";
import { type Day, today } from "./day";
import {
  ANY_COURSE,
  classifySql,
  type DayCountKind,
  ensureDayCounts,
  listedSql,
  readDayCounts,
  statusColumnsSql,
  statusDateSql,
  toCourseStatus,
} from "./kept-status.server";
import type { PersonStatus } from "./people-data";
import { type PeopleQuery, STATUS_FILTERS, type StatusFilter, selectedCourses } from "./people-list";
import type { CourseStatus, ListedStatusKind } from "./status";
import { type StatusCounts, statusCounts } from "./summary";

/** Rows in the subtree of `path` ("/1/5/"): a range of the index, since paths hold only digits and "/". */
function subtreeSql(t: string, path: string): SQL {
  // Everything is under "/": without the (always true) range the planner may walk a sort index
  // in order for the whole organisation's people list and stop after one page.
  if (path === "/") return sql`1 = 1`;
  return sql`(${sql.raw(`${t}.unit_path`)} >= ${path} AND ${sql.raw(`${t}.unit_path`)} < ${`${path}~`})`;
}

/** The viewer's scope and the unit asked about, inside SQL (as unitScopeCondition does for org_unit). */
export function keptScopeSql(t: string, viewer: Viewer, unitPath: string): SQL {
  const unit = subtreeSql(t, unitPath);
  if (seesWholeOrganisation(viewer)) return unit;
  if (viewer.role !== "manager" || viewer.scopePaths.length === 0) return sql`0 = 1`;
  return sql`(${unit} AND (${sql.join(
    viewer.scopePaths.map((p) => subtreeSql(t, p)),
    sql` OR `,
  )}))`;
}

/**
 * Status counts per course of each unit in `unitPaths` (its people and everyone below it), in the
 * viewer's scope on `asOf`: today's straight from the kept counts, another day's by classifying the
 * kept rows under `unitPath` in one pass over the covering index and adding them up the tree.
 */
export function countUnits(input: {
  viewer: Viewer;
  unitPaths: readonly string[];
  asOf: Day;
  courses: readonly CourseInfo[];
  /** The subtree to classify for another day ("/" for everything in scope). */
  unitPath?: string;
}): Map<string, Record<string, StatusCounts>> {
  const { viewer, unitPaths, asOf, courses } = input;
  if (asOf !== today()) {
    return rollUpCounts(
      countByUnitPath({ viewer, unitPath: input.unitPath ?? "/", asOf, courses }),
      unitPaths,
      courses,
    );
  }
  const db = getDb();
  ensureDayCounts(db, asOf);
  const parts = new Map(unitPaths.map((path) => [path, keptCountPaths(viewer, path)]));
  const kept = new Map<string, Record<ListedStatusKind, number>>();
  // The scope again in SQL: a row outside it gives no counts, whatever the caller asked for.
  const rows = readDayCounts(
    db,
    asOf,
    [...new Set([...parts.values()].flat())],
    keptScopeSql("t", viewer, "/"),
  );
  for (const { unitPath, courseId, ...counts } of rows) kept.set(`${unitPath}|${courseId}`, counts);
  const sumOf = (path: string, courseId: number) => {
    const sum = { ...NO_COUNTS };
    for (const part of parts.get(path) ?? []) {
      const counts = kept.get(`${part}|${courseId}`) ?? NO_COUNTS;
      for (const kind of LISTED_KINDS) sum[kind] += counts[kind];
    }
    return sum;
  };
  return new Map(
    unitPaths.map((path) => [
      path,
      Object.fromEntries(courses.map((c) => [c.code, statusCounts(sumOf(path, c.id))])),
    ]),
  );
}

/**
 * The kept count rows that add up to the viewer's part of a subtree: the subtree's own row when
 * the viewer sees all of it ("/" is the whole organisation), else the viewer's units inside it.
 */
export function keptCountPaths(viewer: Viewer, unitPath: string): string[] {
  if (seesWholeOrganisation(viewer) || canViewUnit(viewer, unitPath)) return [unitPath];
  return topScopePaths(viewer.scopePaths).filter((p) => p.startsWith(unitPath));
}

const NO_COUNTS: Record<ListedStatusKind, number> = {
  exempt: 0,
  completed: 0,
  expiringSoon: 0,
  missing: 0,
  overdue: 0,
};
const LISTED_KINDS = Object.keys(NO_COUNTS) as ListedStatusKind[];

/** Status counts per course of the people in each unit path (not below it), classified for `asOf`. */
export function countByUnitPath(input: {
  viewer: Viewer;
  unitPath: string;
  asOf: Day;
  courses: readonly CourseInfo[];
}): Map<string, Map<number, Record<ListedStatusKind, number>>> {
  const result = new Map<string, Map<number, Record<ListedStatusKind, number>>>();
  for (const { path, courseId, ...counts } of classifyAndCount(input)) {
    let byCourse = result.get(path);
    if (!byCourse) {
      byCourse = new Map();
      result.set(path, byCourse);
    }
    byCourse.set(courseId, counts);
  }
  return result;
}

type CountInput = Parameters<typeof countByUnitPath>[0];

/** Another day's counts: every kept row in scope classified for that day and grouped. */
function classifyAndCount(input: CountInput) {
  // Grouped by (course, path), the covering index's own order, with one SUM per status: no temp
  // B-tree for the grouping, and the classification is computed once per row.
  return getDb().all<{ path: string; courseId: number } & Record<ListedStatusKind, number>>(sql`
    SELECT path, courseId,
      SUM(kind = 'exempt') AS exempt, SUM(kind = 'completed') AS completed,
      SUM(kind = 'expiringSoon') AS expiringSoon, SUM(kind = 'missing') AS missing,
      SUM(kind = 'overdue') AS overdue
    FROM (
      SELECT t.course_id AS courseId, t.unit_path AS path, ${classifySql("t", input.asOf)} AS kind
      FROM kept_status t
      WHERE t.course_id IN (${sql.join(
        input.courses.map((c) => sql`${c.id}`),
        sql`, `,
      )}) AND ${keptScopeSql("t", input.viewer, input.unitPath)} AND ${listedSql("t", input.asOf)}
    )
    GROUP BY courseId, path`);
}

/** Adds the counts of every path to each of its ancestors that `wanted` asks for ("/1/" gets "/1/5/23/"). */
function rollUpCounts(
  byPath: Map<string, Map<number, Record<ListedStatusKind, number>>>,
  wanted: readonly string[],
  courses: readonly CourseInfo[],
): Map<string, Record<string, StatusCounts>> {
  const sums = new Map<string, Map<number, Record<ListedStatusKind, number>>>(
    wanted.map((p) => [p, new Map()]),
  );
  for (const [path, byCourse] of byPath) {
    // "/1/5/23/" has the ancestors "/1/", "/1/5/" and itself.
    for (let i = path.indexOf("/", 1); i !== -1; i = path.indexOf("/", i + 1)) {
      const target = sums.get(path.slice(0, i + 1));
      if (!target) continue;
      for (const [courseId, counts] of byCourse) {
        const sum = target.get(courseId) ?? { ...NO_COUNTS };
        for (const kind of Object.keys(counts) as ListedStatusKind[]) sum[kind] += counts[kind];
        target.set(courseId, sum);
      }
    }
  }
  const result = new Map<string, Record<string, StatusCounts>>();
  for (const [path, byCourse] of sums) {
    const counts: Record<string, StatusCounts> = {};
    for (const course of courses) {
      counts[course.code] = statusCounts(byCourse.get(course.id) ?? NO_COUNTS);
    }
    result.set(path, counts);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The people list

/** Characters with a meaning in LIKE are escaped, so a search for "50%" finds "50%". */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search box: the kept row t's person has it in their name or employee number (null: no search). */
function searchSql(t: string, search: string): SQL | null {
  const q = search.trim();
  if (!q) return null;
  const pattern = likeContains(q);
  return sql`EXISTS (SELECT 1 FROM employee e WHERE e.id = ${sql.raw(`${t}.employee_id`)} AND (e.name LIKE ${pattern} ESCAPE '\\' OR e.employee_number LIKE ${pattern} ESCAPE '\\'))`;
}

function kindsIn(t: string, asOf: Day, kinds: readonly string[]): SQL {
  return sql`${classifySql(t, asOf)} IN (${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )})`;
}

/** Whether a query reads every selected row (a count, an export) or only the first (a page). */
type Reads = "all" | "first";

/**
 * The FROM and WHERE of the people list: one driving kept row per listed person (the selected
 * course's, or the first course's for every course), the scope, the search and the status filter.
 */
function peopleWhere(input: PeopleListInput, reads: Reads = "all"): { driver: number; where: SQL } {
  const { viewer, unitPath, asOf, query, courses } = input;
  const selected = selectedCourses(query, courses);
  const driver = (selected[0] ?? courses[0])?.id ?? -1;
  const kinds: readonly string[] | null = STATUS_FILTERS[query.status].kinds;
  let status: SQL = sql`1 = 1`;
  if (kinds !== null) {
    status = selected.length === 1 ? kindsIn("d", asOf, kinds) : anyCourseIn(input, selected, kinds, reads);
  }
  const search = searchSql("d", query.q) ?? sql`1 = 1`;
  return {
    driver,
    where: sql`d.course_id = ${driver} AND ${keptScopeSql("d", viewer, unitPath)} AND ${listedSql("d", asOf)} AND ${search} AND ${status}`,
  };
}

/** Whether any selected course of the listed row d's person has one of `kinds`. */
function anyCourseIn(
  { viewer, unitPath, asOf }: PeopleListInput,
  selected: readonly CourseInfo[],
  kinds: readonly string[],
  reads: Reads,
): SQL {
  const ids = sql.join(
    selected.map((c) => sql`${c.id}`),
    sql`, `,
  );
  // Reading every row: one pass over the covering index finds everyone with a matching course.
  // Reading the first: row by row, so a page in name order stops after its 50 people.
  return reads === "all"
    ? sql`d.employee_id IN (SELECT s.employee_id FROM kept_status s WHERE s.course_id IN (${ids}) AND ${keptScopeSql("s", viewer, unitPath)} AND ${listedSql("s", asOf)} AND ${kindsIn("s", asOf, kinds)})`
    : sql`EXISTS (SELECT 1 FROM kept_status s WHERE s.employee_id = d.employee_id AND s.course_id IN (${ids}) AND ${kindsIn("s", asOf, kinds)})`;
}

/** ORDER BY as sortPeople: the chosen value in the chosen direction, then name and id ascending. */
function peopleOrder(input: PeopleListInput): SQL {
  const { query, asOf, courses } = input;
  const dir = sql.raw(query.dir === "asc" ? "ASC" : "DESC");
  // name_key ends with the name itself, so it breaks ties as sortPeople does (then the id).
  const tie = sql`d.name_key ASC, d.employee_id ASC`;
  switch (query.sort) {
    case "number":
      return sql`d.number_key ${dir}, ${tie}`;
    case "unit":
      return sql`d.unit_key ${dir}, ${tie}`;
    case "due": {
      const selected = selectedCourses(query, courses);
      const date =
        selected.length === 1
          ? statusDateSql("d", asOf)
          : sql`(SELECT MIN(${statusDateSql("s", asOf)}) FROM kept_status s WHERE s.employee_id = d.employee_id AND s.course_id IN (${sql.join(
              selected.map((c) => sql`${c.id}`),
              sql`, `,
            )}))`;
      return sql`COALESCE(${date}, '9999-12-31') ${dir}, ${tie}`;
    }
    default:
      return sql`d.name_key ${dir}, d.employee_id ASC`;
  }
}

export interface PeopleListInput {
  viewer: Viewer;
  /** The subtree ("/" for the whole organisation). */
  unitPath: string;
  asOf: Day;
  query: PeopleQuery;
  courses: readonly CourseInfo[];
}

/** How many people the filters select. */
export function countPeople(input: PeopleListInput): number {
  const kept = countFromKeptCounts(input);
  if (kept !== null) return kept;
  const { where } = peopleWhere(input);
  return getDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM kept_status d WHERE ${where}`)?.n ?? 0;
}

/**
 * The count from today's kept counts, when no search narrows it: everyone listed (a course's
 * five statuses add up to them), or those with the filter's status in the course or in any course.
 */
function countFromKeptCounts({ viewer, unitPath, asOf, query, courses }: PeopleListInput): number | null {
  if (asOf !== today() || query.q.trim() !== "") return null;
  const selected = selectedCourses(query, courses);
  const column = FILTER_COLUMN[query.status];
  // "Any course" is kept over every course, which ALL_COURSES selects.
  const courseId = column === null || selected.length === 1 ? (selected[0] ?? courses[0])?.id : ANY_COURSE;
  if (courseId === undefined) return 0;
  const db = getDb();
  ensureDayCounts(db, asOf);
  let n = 0;
  for (const row of readDayCounts(
    db,
    asOf,
    keptCountPaths(viewer, unitPath),
    keptScopeSql("t", viewer, "/"),
  )) {
    if (row.courseId !== courseId) continue;
    for (const kind of column === null ? LISTED_KINDS : [column]) n += row[kind];
  }
  return n;
}

/** The kept count column of each status filter (null: everyone listed). */
const FILTER_COLUMN: Record<StatusFilter, DayCountKind | null> = {
  all: null,
  notCompleted: "notCompleted",
  missing: "missing",
  overdue: "overdue",
  expiringSoon: "expiringSoon",
  completed: "done",
  exempt: "exempt",
};

/** The ids of the people the filters select, in screen order; `limit`/`offset` for one page. */
export function peopleIds(input: PeopleListInput, page?: { limit: number; offset: number }): number[] {
  const { where } = peopleWhere(input, page ? "first" : "all");
  const paging = page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``;
  return getDb()
    .all<{ id: number }>(
      sql`SELECT d.employee_id AS id FROM kept_status d WHERE ${where} ORDER BY ${peopleOrder(input)} ${paging}`,
    )
    .map((r) => r.id);
}

/**
 * The columns and joins that turn employee `e` into a `PersonStatus`: the person, their unit and,
 * per course, the kept row's status columns (prefixed `c0_`, `c1_`... in the order of `courses`).
 */
function personSql(asOf: Day, courses: readonly CourseInfo[]): { columns: SQL; joins: SQL } {
  const columns: SQL[] = [
    sql`e.id AS employeeId, e.employee_number AS employeeNumber, e.name AS name, e.email AS email,
      e.start_date AS startDate, e.end_date AS endDate, u.id AS unitId, u.path AS unitPath`,
  ];
  const joins: SQL[] = [sql`JOIN org_unit u ON u.id = e.org_unit_id`];
  courses.forEach((course, i) => {
    const t = `k${i}`;
    const as = (name: string) => sql.raw(`c${i}_${name}`);
    const status = statusColumnsSql(t, asOf);
    columns.push(sql`${sql.raw(t)}.course_id AS ${as("course")}, ${status.kind} AS ${as("kind")},
      ${status.exemptUntil} AS ${as("exemptUntil")}, ${status.validUntil} AS ${as("validUntil")},
      ${status.bestCompletedOn} AS ${as("bestCompletedOn")}, ${status.lastCompletedOn} AS ${as("lastCompletedOn")},
      ${status.dueWithout} AS ${as("dueWithout")}`);
    joins.push(
      sql`LEFT JOIN kept_status ${sql.raw(t)} ON ${sql.raw(t)}.employee_id = e.id AND ${sql.raw(t)}.course_id = ${course.id}`,
    );
  });
  return { columns: sql.join(columns, sql`, `), joins: sql.join(joins, sql` `) };
}

type PersonSqlRow = Omit<PersonStatus, "statuses"> & Record<string, unknown>;

function toPersonStatus(row: PersonSqlRow, courses: readonly CourseInfo[]): PersonStatus {
  const statuses: Record<string, CourseStatus> = {};
  courses.forEach((course, i) => {
    // No kept row for the course: no status (as a person the course does not list).
    if (row[`c${i}_course`] === null) return;
    statuses[course.code] = toCourseStatus({
      kind: row[`c${i}_kind`] as CourseStatus["kind"],
      exemptUntil: row[`c${i}_exemptUntil`] as Day | null,
      validUntil: row[`c${i}_validUntil`] as Day | null,
      bestCompletedOn: row[`c${i}_bestCompletedOn`] as Day | null,
      lastCompletedOn: row[`c${i}_lastCompletedOn`] as Day | null,
      dueWithout: row[`c${i}_dueWithout`] as Day,
    });
  });
  return {
    employeeId: row.employeeId,
    employeeNumber: row.employeeNumber,
    name: row.name,
    email: row.email,
    startDate: row.startDate,
    endDate: row.endDate,
    unitId: row.unitId,
    unitPath: row.unitPath,
    statuses,
  };
}

/** The people with these ids and their status per course on `asOf`, in the order of `ids`. */
export function peopleStatusesByIds(
  ids: readonly number[],
  asOf: Day,
  courses: readonly CourseInfo[],
): PersonStatus[] {
  if (ids.length === 0) return [];
  const { columns, joins } = personSql(asOf, courses);
  const people = new Map<number, PersonStatus>();
  for (const row of getDb().all<PersonSqlRow>(sql`
    SELECT ${columns} FROM employee e ${joins} WHERE e.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`)) {
    people.set(row.employeeId, toPersonStatus(row, courses));
  }
  return ids.map((id) => people.get(id)).filter((p): p is PersonStatus => p !== undefined);
}

const dialect = new SQLiteSyncDialect();

/**
 * The selected people in screen order, for exports of any size: one query, read a row at a time
 * on a connection of its own, so nothing is held but the row at hand and the request thread can
 * answer other requests between rows (better-sqlite3 refuses other statements on a connection
 * while one is being read). The query reads one snapshot, however long the download takes.
 */
export function* streamPeople(input: PeopleListInput): Generator<PersonStatus> {
  const main = getDb().$client;
  // An in-memory database (the unit tests) cannot be opened twice, and inside a transaction only
  // its own connection sees its writes: then the ordered ids are read, and the rows by chunks.
  if (main.memory || main.inTransaction) {
    const ids = peopleIds(input);
    for (let i = 0; i < ids.length; i += 1000) {
      yield* peopleStatusesByIds(ids.slice(i, i + 1000), input.asOf, input.courses);
    }
    return;
  }
  const { where } = peopleWhere(input);
  const { columns, joins } = personSql(input.asOf, input.courses);
  const query = dialect.sqlToQuery(sql`
    SELECT ${columns} FROM kept_status d JOIN employee e ON e.id = d.employee_id ${joins}
    WHERE ${where} ORDER BY ${peopleOrder(input)}`);
  const reader = openConnection(main.name).$client;
  try {
    for (const row of reader.prepare(query.sql).iterate(...query.params)) {
      yield toPersonStatus(row as PersonSqlRow, input.courses);
    }
  } finally {
    reader.close();
  }
}

/**
 * How many export rows (one per person and selected course whose status matches) the filters
 * select: one pass over the covering index. Every employee has a kept row per course, each with
 * the employee's own unit path and dates, so a person is in scope and listed in every one of their
 * rows as in the people list's driving row.
 */
export function countExportRows(input: PeopleListInput): number {
  const { viewer, unitPath, asOf, query, courses } = input;
  const selected = selectedCourses(query, courses);
  if (selected.length === 0) return 0;
  const kinds: readonly string[] | null = STATUS_FILTERS[query.status].kinds;
  const search = searchSql("s", query.q);
  return (
    getDb().get<{ n: number }>(sql`
      SELECT count(*) AS n FROM kept_status s
      WHERE s.course_id IN (${sql.join(
        selected.map((c) => sql`${c.id}`),
        sql`, `,
      )}) AND ${keptScopeSql("s", viewer, unitPath)} AND ${listedSql("s", asOf)} ${search ? sql`AND ${search}` : sql``}
        ${kinds === null ? sql`` : sql`AND ${kindsIn("s", asOf, kinds)}`}`)?.n ?? 0
  );
}
