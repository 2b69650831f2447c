// The kept status (issue 14): one row per employee x course holding what the status rule needs to
// classify any date from the row's last change on. Every write to the rule's inputs (completions,
// exemptions, annulments, the roster, course settings and versions) calls `refreshKeptStatus` in
// its own transaction, so pages classify, filter, count and page in SQL instead of loading
// everyone's history. The rows are computed with the rule's own helpers (status.ts), and
// `classifySql` mirrors `courseStatus` for a row; the property test and `npm run db:verify`
// prove the two agree.
import type Database from "better-sqlite3";
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { BaseSQLiteDatabase, SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type AppDatabase, getDb, schema } from "~/db.server";
import { inJsonIds, prepared } from "~/prepared.server";
import { type CourseInfo, listCourses } from "./courses.server";
import { addDaysToDay, type Day, today } from "./day";
import {
  bestCompletion,
  type CourseStatus,
  courseStatus,
  dueWithoutCompletion,
  EXPIRING_SOON_DAYS,
  type StatusCompletion,
  type StatusExemption,
} from "./status";
import { byEmployeeAndCourse, selectCompletionInputs, selectExemptionInputs } from "./status-inputs.server";
import { monthEnds } from "./trend";
import { labelUnits } from "./units.server";

const { keptStatus, keptMonthEnd, keptMonthCount, keptDayCount, employee, orgUnit } = schema;

/** The database or a transaction on it (both are synchronous with better-sqlite3). */
export type KeptDb = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;
type Db = KeptDb;
export type KeptRow = typeof keptStatus.$inferInsert;

/**
 * A text that sorts (as SQLite's binary collation does) like the Danish collator used on screen:
 * case and accents ignored, æ/ä, ø/ö, å/aa after z, numbers by value.
 */
export function danishSortKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/aa/g, "å")
    .replace(/[æä]/g, "{a")
    .replace(/[øöő]/g, "{b")
    .replace(/å/g, "{c")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\d+/g, (digits) => {
      const value = digits.replace(/^0+(?=\d)/, "");
      return `${String(value.length).padStart(2, "0")}${value}`;
    })
    .replace(/[^a-z0-9{]/g, "\u0002");
}

interface KeptPerson {
  id: number;
  employeeNumber: string;
  name: string;
  startDate: Day;
  endDate: Day | null;
  unitId: number;
  unitPath: string;
  /** "Børn, Sundhed & Velfærd > Børn & Familie", as the people list shows and sorts it. */
  unitLabel: string;
}

/** A person's sort keys (the same for each course's row, so computed once per person). */
export function personSortKeys(person: KeptPerson): Pick<KeptRow, "nameKey" | "numberKey" | "unitKey"> {
  return {
    // The name itself after the key (and a separator below every key character) breaks ties.
    nameKey: `${danishSortKey(person.name)}\u0001${person.name}`,
    numberKey: danishSortKey(person.employeeNumber),
    unitKey: danishSortKey(person.unitLabel),
  };
}

/** The kept row of one person and course, from their non-annulled completions and exemptions. */
export function keptRow(
  person: KeptPerson,
  course: CourseInfo,
  completions: readonly StatusCompletion[],
  exemptions: readonly StatusExemption[],
  monthEnds: readonly Day[] = [],
  sortKeys = personSortKeys(person),
): KeptRow {
  const { best, lastCompletedOn } = bestCompletion(completions, course);
  const monthCodes = monthEnds
    .map((asOf) => MONTH_CODE[courseStatus({ employee: person, course, completions, exemptions, asOf }).kind])
    .join("");
  const windows = exemptions.filter((e) => !e.annulled);
  const only = windows.length === 1 ? windows[0] : undefined;
  return {
    employeeId: person.id,
    courseId: course.id,
    unitId: person.unitId,
    unitPath: person.unitPath,
    startDate: person.startDate,
    endDate: person.endDate,
    ...sortKeys,
    exemptionCount: windows.length,
    exemptFrom: only?.validFrom ?? null,
    exemptUntil: only?.validUntil ?? null,
    validUntil: best?.expiry ?? null,
    bestCompletedOn: best?.completedOn ?? null,
    lastCompletedOn,
    dueWithout: dueWithoutCompletion(person, course),
    monthCodes,
  };
}

/** One letter per stored month end: what the trend needs of the rule's status that day. */
const MONTH_CODE: Record<CourseStatus["kind"], string> = {
  notListed: "n",
  exempt: "x",
  completed: "d",
  expiringSoon: "d",
  missing: "m",
  overdue: "m",
};

/** The stored month ends, oldest first (their position is the index into month_codes). */
export function storedMonthEnds(db: Db): Day[] {
  return prepared(db, "kept.monthEnds", (q) =>
    q.select().from(keptMonthEnd).orderBy(asc(keptMonthEnd.position)).prepare(),
  )
    .all()
    .map((m) => m.monthEnd);
}

type MonthCount = {
  monthEnd: Day;
  courseId: number;
  unitPath: string;
  listed: number;
  exempt: number;
  done: number;
};

/** Month-end count changes by "course|unit path", then by month-end position (sparse). */
type MonthDeltas = Map<string, MonthCount[]>;

/** Adds (sign 1) or takes away (sign -1) rows' month codes from the month-end counts being built. */
function addMonthCodes(
  deltas: MonthDeltas,
  monthEnds: readonly Day[],
  rows: readonly Pick<KeptRow, "courseId" | "unitPath" | "monthCodes">[],
  sign: 1 | -1,
) {
  for (const row of rows) {
    const codes = row.monthCodes ?? "";
    // Counted for the unit and every unit above it, so a trend reads its unit's rows only.
    for (const unitPath of pathAndAbove(row.unitPath)) {
      // One key per row and unit, not per month: a rebuild adds up millions of month codes.
      const k = `${row.courseId}|${unitPath}`;
      let byMonth = deltas.get(k);
      if (!byMonth) {
        byMonth = [];
        deltas.set(k, byMonth);
      }
      for (let i = 0; i < monthEnds.length && i < codes.length; i++) {
        const code = codes[i];
        if (code === "n") continue;
        let d = byMonth[i];
        if (!d) {
          d = {
            monthEnd: monthEnds[i] as Day,
            courseId: row.courseId,
            unitPath,
            listed: 0,
            exempt: 0,
            done: 0,
          };
          byMonth[i] = d;
        }
        d.listed += sign;
        if (code === "x") d.exempt += sign;
        if (code === "d") d.done += sign;
      }
    }
  }
}

/** "/1/5/23/" and the units above it: "/", "/1/", "/1/5/", "/1/5/23/" ("/" is the whole organisation). */
function pathAndAbove(path: string): string[] {
  const paths: string[] = [];
  for (let i = 0; i !== -1; i = path.indexOf("/", i + 1)) paths.push(path.slice(0, i + 1));
  return paths;
}

/** Every month-end count in the deltas, by "month end|course|unit path". */
function monthCountsByKey(deltas: MonthDeltas): Map<string, MonthCount> {
  const result = new Map<string, MonthCount>();
  for (const byMonth of deltas.values()) {
    for (const d of byMonth) if (d) result.set(`${d.monthEnd}|${d.courseId}|${d.unitPath}`, d);
  }
  return result;
}

function applyMonthDeltas(db: Db, deltas: MonthDeltas) {
  const rows = [...deltas.values()]
    .flat()
    .filter((d) => d !== undefined && (d.listed !== 0 || d.exempt !== 0 || d.done !== 0));
  if (rows.length === 0) return;
  // One prepared upsert run per count (a rebuild writes tens of thousands of them).
  const upsert = prepared(db, "kept.monthCount.upsert", (q) =>
    q
      .insert(keptMonthCount)
      .values({
        monthEnd: sql.placeholder("monthEnd"),
        courseId: sql.placeholder("courseId"),
        unitPath: sql.placeholder("unitPath"),
        listed: sql.placeholder("listed"),
        exempt: sql.placeholder("exempt"),
        done: sql.placeholder("done"),
      })
      .onConflictDoUpdate({
        target: [keptMonthCount.monthEnd, keptMonthCount.courseId, keptMonthCount.unitPath],
        set: {
          listed: sql`${keptMonthCount.listed} + excluded.listed`,
          exempt: sql`${keptMonthCount.exempt} + excluded.exempt`,
          done: sql`${keptMonthCount.done} + excluded.done`,
        },
      })
      .prepare(),
  );
  for (const row of rows) upsert.run(row);
}

/** Reads the inputs of a set of people (by id list or id range) and computes their kept rows. */
function computeRows(
  db: Db,
  courses: readonly CourseInfo[],
  who: { ids: number[] } | { from: number; to: number },
  monthEnds: readonly Day[],
) {
  // Prepared once per connection (prepared.server.ts): a quiz submission refreshes one person.
  const byIds = "ids" in who;
  const params = byIds ? { ids: JSON.stringify(who.ids) } : { from: who.from, to: who.to };
  const inSet = (column: SQLiteColumn) =>
    byIds
      ? inJsonIds(column, "ids")
      : and(gte(column, sql.placeholder("from")), lte(column, sql.placeholder("to")));
  const variant = byIds ? "ids" : "range";
  const people = prepared(db, `kept.people.${variant}`, (q) =>
    q
      .select({
        id: employee.id,
        employeeNumber: employee.employeeNumber,
        name: employee.name,
        startDate: employee.startDate,
        endDate: employee.endDate,
        unitId: orgUnit.id,
        unitPath: orgUnit.path,
      })
      .from(employee)
      .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
      .where(inSet(employee.id))
      .prepare(),
  ).all(params);
  const completions = byEmployeeAndCourse(
    prepared(db, `kept.completions.${variant}`, (q) => selectCompletionInputs(q, inSet).prepare()).all(
      params,
    ),
  );
  const exemptions = byEmployeeAndCourse(
    prepared(db, `kept.exemptions.${variant}`, (q) => selectExemptionInputs(q, inSet).prepare()).all(params),
  );
  const rows: KeptRow[] = [];
  const labels = unitLabels(db, people);
  for (const row of people) {
    const person = { ...row, unitLabel: labels.get(row.unitId) ?? "" };
    const sortKeys = personSortKeys(person);
    for (const course of courses) {
      const k = `${person.id}:${course.id}`;
      rows.push(
        keptRow(person, course, completions.get(k) ?? [], exemptions.get(k) ?? [], monthEnds, sortKeys),
      );
    }
  }
  return rows;
}

/**
 * The labels of these people's units, from the units on their paths alone ("/1/5/23/" names every
 * ancestor): a quiz submission refreshes one person, and reading and labelling all ~3,100 units of
 * a national organisation for it was half of its time.
 */
function unitLabels(db: Db, people: readonly { unitPath: string }[]): Map<number, string> {
  const ids = [...new Set(people.flatMap((p) => p.unitPath.split("/").filter(Boolean).map(Number)))];
  const units = prepared(db, "kept.units", (q) =>
    q.select().from(orgUnit).where(inJsonIds(orgUnit.id, "ids")).prepare(),
  ).all({ ids: JSON.stringify(ids) });
  return labelUnits(units);
}

const PEOPLE_PER_CHUNK = 500;

// Every column of a kept row as a named placeholder: one prepared INSERT run per row is several
// times faster than building a 1,000-row multi-VALUES statement in drizzle for each chunk.
/** The columns of a kept row after its key: what a rebuild writes and the verification compares. */
const KEPT_FIELDS = [
  "unitId",
  "unitPath",
  "startDate",
  "endDate",
  "nameKey",
  "numberKey",
  "unitKey",
  "exemptionCount",
  "exemptFrom",
  "exemptUntil",
  "validUntil",
  "bestCompletedOn",
  "lastCompletedOn",
  "dueWithout",
  "monthCodes",
] as const satisfies readonly (keyof KeptRow)[];

const KEPT_COLUMNS = ["employeeId", "courseId", ...KEPT_FIELDS] as const;

function insertRows(db: Db, rows: readonly KeptRow[]) {
  if (rows.length === 0) return;
  const insert = prepared(db, "kept.insert", (q) =>
    q
      .insert(keptStatus)
      .values(Object.fromEntries(KEPT_COLUMNS.map((c) => [c, sql.placeholder(c)])) as unknown as KeptRow)
      .prepare(),
  );
  for (const row of rows) {
    insert.run(row);
  }
}

/**
 * Recomputes the kept rows of these employees. Call it inside the transaction that changed them
 * (a completion, exemption, annulment, roster change or deletion), after the change.
 */
export function refreshKeptStatus(tx: Db, employeeIds: Iterable<number>): void {
  const ids = [...new Set(employeeIds)];
  if (ids.length === 0) return;
  const courses = listCourses(tx);
  const monthEnds = storedMonthEnds(tx);
  const countDay = keptCountDay(tx);
  for (let i = 0; i < ids.length; i += PEOPLE_PER_CHUNK) {
    const chunk = ids.slice(i, i + PEOPLE_PER_CHUNK);
    const deltas: MonthDeltas = new Map();
    if (countDay) moveDayCounts(tx, countDay, chunk, -1);
    const before = tx
      .select({
        courseId: keptStatus.courseId,
        unitPath: keptStatus.unitPath,
        monthCodes: keptStatus.monthCodes,
      })
      .from(keptStatus)
      .where(inArray(keptStatus.employeeId, chunk))
      .all();
    addMonthCodes(deltas, monthEnds, before, -1);
    tx.delete(keptStatus).where(inArray(keptStatus.employeeId, chunk)).run();
    const rows = computeRows(tx, courses, { ids: chunk }, monthEnds);
    insertRows(tx, rows);
    // A unit move takes the person's past month ends along, as the trend always counted them.
    addMonthCodes(deltas, monthEnds, rows, 1);
    applyMonthDeltas(tx, deltas);
    if (countDay) moveDayCounts(tx, countDay, chunk, 1);
  }
}

/** The past month ends the trend shows (the current month's point is today, from the kept rows). */
export function trendMonthEnds(asOf: Day): Day[] {
  return monthEnds(asOf).slice(0, -1);
}

/** Every kept row, computed from scratch in id ranges (so memory stays flat at 500,000 people). */
export function* computeAllKeptRows(
  db: Db,
  monthEnds: readonly Day[] = storedMonthEnds(db),
): Generator<KeptRow[]> {
  const courses = listCourses(db);
  const bounds = db
    .select({ min: sql<number | null>`min(${employee.id})`, max: sql<number | null>`max(${employee.id})` })
    .from(employee)
    .get();
  if (!bounds || bounds.min === null || bounds.max === null) return;
  const step = 5000;
  for (let from = bounds.min; from <= bounds.max; from += step) {
    yield computeRows(db, courses, { from, to: from + step - 1 }, monthEnds);
  }
}

/**
 * Rebuilds every kept row and the month-end counts in one transaction. For a course setting or
 * version change (which touches everyone), after a bulk load (demo data, the bench), after an
 * upgrade, and when a month has ended (the trend's month ends move on).
 */
export function rebuildKeptStatus(db: AppDatabase = getDb(), asOf: Day = today()): { rows: number } {
  return db.transaction((tx) => rebuildInTransaction(tx, asOf), { behavior: "immediate" });
}

/** The same, inside a transaction the caller already holds (an admin's course change). */
export function rebuildInTransaction(tx: Db, asOf: Day = today()): { rows: number } {
  const monthEnds = trendMonthEnds(asOf);
  tx.delete(keptStatus).run();
  tx.delete(keptMonthCount).run();
  tx.delete(keptMonthEnd).run();
  if (monthEnds.length > 0) {
    tx.insert(keptMonthEnd)
      .values(monthEnds.map((monthEnd, position) => ({ position, monthEnd })))
      .run();
  }
  let rows = 0;
  const deltas: MonthDeltas = new Map();
  for (const chunk of computeAllKeptRows(tx, monthEnds)) {
    insertRows(tx, chunk);
    addMonthCodes(deltas, monthEnds, chunk, 1);
    rows += chunk.length;
  }
  applyMonthDeltas(tx, deltas);
  rebuildDayCounts(tx, asOf);
  return { rows };
}

/**
 * Builds the kept status of a database that has people but none yet (after the upgrade that adds
 * it), or whose month ends are no longer the trend's (a month has ended since the last build).
 */
export function ensureKeptStatus(db: AppDatabase, asOf: Day = today()): void {
  const missing = db.$client
    .prepare("SELECT EXISTS (SELECT 1 FROM employee) AND NOT EXISTS (SELECT 1 FROM kept_status) AS missing")
    .get() as { missing: number };
  if (missing.missing || !monthEndsCurrent(db, asOf)) rebuildKeptStatus(db, asOf);
  else ensureDayCounts(db, asOf);
}

/** Whether the stored month ends are the trend's for `asOf`. */
export function monthEndsCurrent(db: Db, asOf: Day = today()): boolean {
  return storedMonthEnds(db).join() === trendMonthEnds(asOf).join();
}

// ---------------------------------------------------------------------------------------------
// The kept counts of one day (kept_day_count): per course and unit, how many people in the unit and
// below it have each status that day. Normally today; the first read of a new day counts again.

/** The kept count columns: the five statuses and two combinations of them. */
const DAY_COUNT_KINDS = [
  "exempt",
  "completed",
  "expiringSoon",
  "missing",
  "overdue",
  "notCompleted",
  "done",
] as const;
export type DayCountKind = (typeof DAY_COUNT_KINDS)[number];
type PathCounts = { courseId: number; unitPath: string } & Record<DayCountKind, number>;
/** The course id of the counts over every course: people with that status in at least one. */
export const ANY_COURSE = 0;

/** Counts on `day` of the kept rows `where` selects (alias t), by course and own unit, and for any course. */
function countKeptRows(db: Db, day: Day, where: SQL): PathCounts[] {
  const columns = (of: (test: string) => string) =>
    sql.raw(`${of("kind = 'exempt'")} AS exempt,
    ${of("kind = 'completed'")} AS completed, ${of("kind = 'expiringSoon'")} AS expiringSoon,
    ${of("kind = 'missing'")} AS missing, ${of("kind = 'overdue'")} AS overdue,
    ${of("kind IN ('missing', 'overdue')")} AS notCompleted, ${of("kind IN ('completed', 'expiringSoon')")} AS done`);
  return db.all<PathCounts>(sql`WITH k AS (
      SELECT t.employee_id, t.course_id, t.unit_path, ${classifySql("t", day)} AS kind FROM kept_status t WHERE ${where}
    )
    SELECT course_id AS courseId, unit_path AS unitPath, ${columns((test) => `SUM(${test})`)}
    FROM k GROUP BY course_id, unit_path
    UNION ALL
    SELECT ${ANY_COURSE}, unitPath, SUM(exempt), SUM(completed), SUM(expiringSoon), SUM(missing), SUM(overdue),
      SUM(notCompleted), SUM(done)
    FROM (SELECT unit_path AS unitPath, ${columns((test) => `MAX(${test})`)} FROM k GROUP BY employee_id, unit_path)
    GROUP BY unitPath`);
}

/**
 * Adds each unit's own counts to it and to every unit above it, and to "/" (the whole
 * organisation): "/1/5/23/" counts for "/", "/1/", "/1/5/" and itself.
 */
function rollUpPaths(rows: readonly PathCounts[], sign: 1 | -1): PathCounts[] {
  const sums = new Map<string, PathCounts>();
  for (const row of rows) {
    for (const unitPath of pathAndAbove(row.unitPath)) {
      const k = `${row.courseId}|${unitPath}`;
      let sum = sums.get(k);
      if (!sum) {
        sum = { courseId: row.courseId, unitPath, ...NO_COUNTS };
        sums.set(k, sum);
      }
      for (const kind of DAY_COUNT_KINDS) sum[kind] += sign * row[kind];
    }
  }
  return [...sums.values()];
}

/** What a fresh count of every kept row on `day` would store. */
function countAllKeptRows(db: Db, day: Day): PathCounts[] {
  return rollUpPaths(countKeptRows(db, day, sql`1 = 1`), 1);
}

const NO_COUNTS = Object.fromEntries(DAY_COUNT_KINDS.map((k) => [k, 0])) as Record<DayCountKind, number>;

/** The day the kept counts are for, or null before they are first built. */
export function keptCountDay(db: Db): Day | null {
  return db.select({ day: keptDayCount.day }).from(keptDayCount).limit(1).get()?.day ?? null;
}

/** Takes away (before a refresh) or adds back (after it) these people's statuses on `day`. */
function moveDayCounts(tx: Db, day: Day, employeeIds: readonly number[], sign: 1 | -1) {
  const own = countKeptRows(
    tx,
    day,
    sql`t.employee_id IN (${sql.join(
      employeeIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  for (const row of rollUpPaths(own, sign)) {
    tx.insert(keptDayCount)
      .values({ day, ...row })
      .onConflictDoUpdate({
        target: [keptDayCount.day, keptDayCount.courseId, keptDayCount.unitPath],
        set: addExcluded,
      })
      .run();
  }
}

/** ON CONFLICT: the stored counts plus the new row's. */
const addExcluded = Object.fromEntries(
  DAY_COUNT_KINDS.map((k) => [k, sql.raw(`${keptDayCount[k].name} + excluded.${keptDayCount[k].name}`)]),
) as Record<DayCountKind, SQL>;

/** Counts every kept row's status on `day` from scratch (a rebuild, or the first read of a day). */
function rebuildDayCounts(tx: Db, day: Day) {
  tx.delete(keptDayCount).run();
  const rows = countAllKeptRows(tx, day).map((r) => ({ day, ...r }));
  for (let i = 0; i < rows.length; i += 1000)
    tx.insert(keptDayCount)
      .values(rows.slice(i, i + 1000))
      .run();
}

/** Whether the kept counts are `day`'s (trivially so when there are no kept rows to count). */
function dayCountsCurrent(db: Db, day: Day): boolean {
  const row = db.get<{ current: number }>(sql`SELECT EXISTS (SELECT 1 FROM kept_day_count WHERE day = ${day})
    OR NOT EXISTS (SELECT 1 FROM kept_status) AS current`);
  return row?.current === 1;
}

/** Makes the kept counts `day`'s, counting again if they are another day's (once per day). */
export function ensureDayCounts(db: AppDatabase, day: Day = today()): void {
  if (dayCountsCurrent(db, day)) return;
  db.transaction(
    (tx) => {
      // Another thread may have counted while this one waited for the write lock.
      if (!dayCountsCurrent(tx, day)) rebuildDayCounts(tx, day);
    },
    { behavior: "immediate" },
  );
}

/** The kept counts on `day` of these units (each with everything below it), by course. */
export function readDayCounts(db: Db, day: Day, unitPaths: readonly string[], where: SQL = sql`1 = 1`) {
  if (unitPaths.length === 0) return [];
  return db.all<PathCounts>(sql`
    SELECT t.unit_path AS unitPath, t.course_id AS courseId, t.exempt AS exempt, t.completed AS completed,
      t.expiring_soon AS expiringSoon, t.missing AS missing, t.overdue AS overdue,
      t.not_completed AS notCompleted, t.done AS done
    FROM kept_day_count t WHERE t.day = ${day} AND t.unit_path IN (${sql.join(
      unitPaths.map((p) => sql`${p}`),
      sql`, `,
    )}) AND ${where}`);
}

/** Day counts that differ from a fresh count of the kept rows (for db:verify), as "course|path". */
function dayCountDifferences(tx: Db): string[] {
  const day = keptCountDay(tx);
  if (!day) return [];
  const key = (r: PathCounts) => `${r.courseId}|${r.unitPath}`;
  const want = new Map(countAllKeptRows(tx, day).map((r) => [key(r), r]));
  const have = new Map(
    tx
      .select()
      .from(keptDayCount)
      .all()
      .map((r) => [key(r), r]),
  );
  const differences: string[] = [];
  for (const k of new Set([...want.keys(), ...have.keys()])) {
    const a = want.get(k);
    const b = have.get(k);
    if (DAY_COUNT_KINDS.some((kind) => (a?.[kind] ?? 0) !== (b?.[kind] ?? 0))) differences.push(k);
  }
  return differences;
}

// ---------------------------------------------------------------------------------------------
// Classification in SQL. `t` is the alias of the kept_status table in the query.

const col = (t: string, name: string) => sql.raw(`${t}.${name}`);

/** The row's person is on the roster on `asOf` (the rule's "not listed" is the opposite). */
export function listedSql(t: string, asOf: Day): SQL {
  return sql`(${col(t, "start_date")} <= ${asOf} AND (${col(t, "end_date")} IS NULL OR ${col(t, "end_date")} > ${asOf}))`;
}

/** An exemption covers `asOf`: the one kept window, or (rarely, with several) the exemption rows. */
function exemptSql(t: string, asOf: Day): SQL {
  return sql`(CASE
    WHEN ${col(t, "exemption_count")} = 0 THEN 0
    WHEN ${col(t, "exemption_count")} = 1 THEN ${col(t, "exempt_from")} <= ${asOf} AND (${col(t, "exempt_until")} IS NULL OR ${asOf} <= ${col(t, "exempt_until")})
    ELSE EXISTS (SELECT 1 FROM exemption x WHERE x.employee_id = ${col(t, "employee_id")} AND x.course_id = ${col(t, "course_id")}
      AND x.valid_from <= ${asOf} AND (x.valid_until IS NULL OR ${asOf} <= x.valid_until)
      AND NOT EXISTS (SELECT 1 FROM annulment a WHERE a.exemption_id = x.id))
  END)`;
}

/** The last day of the exemption covering `asOf` (null: until further notice), for exempt rows. */
function exemptUntilSql(t: string, asOf: Day): SQL {
  return sql`(CASE WHEN ${col(t, "exemption_count")} = 1 THEN ${col(t, "exempt_until")}
    ELSE (SELECT x.valid_until FROM exemption x WHERE x.employee_id = ${col(t, "employee_id")} AND x.course_id = ${col(t, "course_id")}
      AND x.valid_from <= ${asOf} AND (x.valid_until IS NULL OR ${asOf} <= x.valid_until)
      AND NOT EXISTS (SELECT 1 FROM annulment a WHERE a.exemption_id = x.id) ORDER BY x.id LIMIT 1) END)`;
}

/** `courseStatus(...).kind` of the row on `asOf`, as SQL. Mirrors status.ts line by line. */
export function classifySql(t: string, asOf: Day): SQL {
  const soon = addDaysToDay(asOf, EXPIRING_SOON_DAYS);
  return sql`(CASE
    WHEN NOT ${listedSql(t, asOf)} THEN 'notListed'
    WHEN ${exemptSql(t, asOf)} THEN 'exempt'
    WHEN ${col(t, "valid_until")} > ${asOf} THEN CASE WHEN ${col(t, "valid_until")} <= ${soon} THEN 'expiringSoon' ELSE 'completed' END
    WHEN ${asOf} <= COALESCE(${col(t, "valid_until")}, ${col(t, "due_without")}) THEN 'missing'
    ELSE 'overdue'
  END)`;
}

/** The date that matters for a row's status (frist or valid-until; null when exempt), for sorting. */
export function statusDateSql(t: string, asOf: Day): SQL {
  return sql`(CASE WHEN ${exemptSql(t, asOf)} THEN NULL ELSE COALESCE(${col(t, "valid_until")}, ${col(t, "due_without")}) END)`;
}

/** The columns that turn a kept row into a `CourseStatus` (see `toCourseStatus`). */
export function statusColumnsSql(t: string, asOf: Day) {
  return {
    kind: sql<CourseStatus["kind"]>`${classifySql(t, asOf)}`,
    exemptUntil: sql<Day | null>`${exemptUntilSql(t, asOf)}`,
    validUntil: sql<Day | null>`${col(t, "valid_until")}`,
    bestCompletedOn: sql<Day | null>`${col(t, "best_completed_on")}`,
    lastCompletedOn: sql<Day | null>`${col(t, "last_completed_on")}`,
    dueWithout: sql<Day>`${col(t, "due_without")}`,
  };
}

export interface KeptStatusColumns {
  kind: CourseStatus["kind"];
  exemptUntil: Day | null;
  validUntil: Day | null;
  bestCompletedOn: Day | null;
  lastCompletedOn: Day | null;
  dueWithout: Day;
}

/** The `CourseStatus` the rule gives, from the columns of `statusColumnsSql`. */
export function toCourseStatus(c: KeptStatusColumns): CourseStatus {
  switch (c.kind) {
    case "notListed":
      return { kind: "notListed" };
    case "exempt":
      return { kind: "exempt", until: c.exemptUntil };
    case "completed":
    case "expiringSoon":
      return { kind: c.kind, validUntil: c.validUntil ?? "", lastCompletedOn: c.bestCompletedOn ?? "" };
    default:
      return { kind: c.kind, due: c.validUntil ?? c.dueWithout, lastCompletedOn: c.lastCompletedOn };
  }
}

// ---------------------------------------------------------------------------------------------
// Verification (`npm run db:verify`): recompute every row with the rule and compare.

/**
 * The nightly check (`npm run db:verify`): every kept row compared with the rule; after a month
 * end the trend's month ends move on (a rebuild); `repair` rebuilds when a row differs.
 */
export function verifyAndRollKeptStatus(
  input: { repair: boolean },
  db: AppDatabase = getDb(),
): { checked: number; differences: KeptDifference[]; monthRolled: number | null; repaired: number | null } {
  const { checked, differences } = verifyKeptStatus(db);
  const monthRolled = monthEndsCurrent(db) ? null : rebuildKeptStatus(db).rows;
  const repaired = differences.length > 0 && input.repair ? rebuildKeptStatus(db).rows : null;
  return { checked, differences, monthRolled, repaired };
}

export interface KeptDifference {
  employeeId: number;
  courseId: number;
  /** The column names that differ, or "mangler" / "overskydende" for a missing or extra row. */
  fields: string[];
}

/** Compares every kept row with the row the rule's helpers compute from the history now. */
export function verifyKeptStatus(
  db: AppDatabase = getDb(),
  limit = 1000,
): {
  checked: number;
  differences: KeptDifference[];
} {
  const differences: KeptDifference[] = [];
  let checked = 0;
  const note = (d: KeptDifference) => {
    if (differences.length < limit) differences.push(d);
  };
  // One read transaction: a consistent snapshot even while the site writes.
  db.transaction((tx) => {
    const seen = new Set<string>();
    const monthEnds = storedMonthEnds(tx);
    const deltas: MonthDeltas = new Map();
    for (const expected of computeAllKeptRows(tx, monthEnds)) {
      addMonthCodes(deltas, monthEnds, expected, 1);
      const ids = [...new Set(expected.map((r) => r.employeeId))];
      const stored = new Map<string, KeptRow>();
      for (let i = 0; i < ids.length; i += PEOPLE_PER_CHUNK) {
        for (const row of tx
          .select()
          .from(keptStatus)
          .where(inArray(keptStatus.employeeId, ids.slice(i, i + PEOPLE_PER_CHUNK)))
          .all()) {
          stored.set(`${row.employeeId}:${row.courseId}`, row);
        }
      }
      for (const row of expected) {
        const k = `${row.employeeId}:${row.courseId}`;
        seen.add(k);
        checked++;
        const have = stored.get(k);
        if (!have) {
          note({ employeeId: row.employeeId, courseId: row.courseId, fields: ["mangler"] });
          continue;
        }
        const fields = KEPT_FIELDS.filter((f) => (have[f] ?? null) !== (row[f] ?? null));
        if (fields.length > 0) note({ employeeId: row.employeeId, courseId: row.courseId, fields });
      }
    }
    // The month-end counts must be the sums of the recomputed month codes.
    const counts = monthCountsByKey(deltas);
    const stored = new Map(
      tx
        .select()
        .from(keptMonthCount)
        .all()
        .map((c) => [`${c.monthEnd}|${c.courseId}|${c.unitPath}`, c]),
    );
    for (const k of new Set([...counts.keys(), ...stored.keys()])) {
      const want = counts.get(k);
      const have = stored.get(k);
      const same = (a?: { listed: number; exempt: number; done: number }, b?: typeof a) =>
        (a?.listed ?? 0) === (b?.listed ?? 0) &&
        (a?.exempt ?? 0) === (b?.exempt ?? 0) &&
        (a?.done ?? 0) === (b?.done ?? 0);
      if (!same(want, have)) {
        const [monthEnd, courseId, unitPath] = k.split("|");
        note({ employeeId: 0, courseId: Number(courseId), fields: [`månedstal ${monthEnd} ${unitPath}`] });
      }
    }
    // Today's counts must be the counts of the kept rows.
    for (const k of dayCountDifferences(tx)) {
      const [courseId, unitPath] = k.split("|");
      note({ employeeId: 0, courseId: Number(courseId), fields: [`dagstal ${unitPath}`] });
    }
    const total = tx.select({ n: sql<number>`count(*)` }).from(keptStatus).get()?.n ?? 0;
    if (total > seen.size) {
      for (const row of tx
        .select({ employeeId: keptStatus.employeeId, courseId: keptStatus.courseId })
        .from(keptStatus)
        .all()) {
        if (!seen.has(`${row.employeeId}:${row.courseId}`)) note({ ...row, fields: ["overskydende"] });
      }
    }
  });
  return { checked, differences };
}
