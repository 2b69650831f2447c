// Property test: for thousands of random histories, the kept rows classified in SQL give exactly
// what `courseStatus` gives, for many dates, after a full rebuild and after refreshes by id.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { type CourseInfo, listCourses } from "./courses.server";
import { addDaysToDay, type Day, today } from "./day";
import {
  danishSortKey,
  keptCountDay,
  rebuildKeptStatus,
  refreshKeptStatus,
  statusColumnsSql,
  toCourseStatus,
  verifyKeptStatus,
} from "./kept-status.server";
import { type CourseStatus, courseStatus, type StatusCompletion, type StatusExemption } from "./status";

const { employee, completion, exemption, annulment, course, courseVersion, keptStatus, keptDayCount } =
  schema;

// A small seeded generator (mulberry32): a failure can be replayed with the seed it prints.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = 1500;
const DATES = 40;
// Every completion and version is dated on or before HISTORY_END; the kept rows are exact for any
// date from a row's last change on, so the dates checked come after it (exemptions, starts, ends,
// deadlines and expiries spread over the whole period, before and after).
const HISTORY_END = "2026-06-30";

function buildHistories(seed: number) {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const dayBetween = (from: Day, days: number): Day => addDaysToDay(from, Math.floor(rnd() * days));
  const db = getDb();
  const now = Date.now();

  // Course settings and versions: requiredFrom, a campaign deadline, material and minor versions.
  const courses = listCourses();
  for (const c of courses) {
    db.update(course)
      .set({
        requiredFrom: rnd() < 0.6 ? dayBetween("2018-01-01", 3000) : null,
        campaignDeadline: rnd() < 0.5 ? dayBetween("2025-01-01", 1400) : null,
        validityMonths: pick([12, 24]),
        dueDays: pick([14, 30, 60]),
      })
      .where(eq(course.id, c.id))
      .run();
    for (let v = 0; v < 3; v++) {
      db.insert(courseVersion)
        .values({
          courseId: c.id,
          version: `p${seed}-${v}`,
          publishedOn: dayBetween("2022-01-01", 1600),
          material: rnd() < 0.6,
          reattestDays: pick([0, 10, 30, 90]),
          origin: "tools",
        })
        .run();
    }
  }
  const fresh = listCourses();

  const top = createUnit(db, `Top ${seed}`);
  const units = [top, createUnit(db, `A ${seed}`, top), createUnit(db, `B ${seed}`, top)];
  for (let i = 0; i < PEOPLE; i++) {
    const startDate = dayBetween("2015-01-01", 5000);
    const leaves = rnd() < 0.25;
    const person = db
      .insert(employee)
      .values({
        employeeNumber: `P${seed}-${i}`,
        name: `Person ${i}`,
        email: `p${seed}-${i}@prop.test`,
        orgUnitId: pick(units).id,
        startDate,
        endDate: leaves ? dayBetween(startDate, 3000) : null,
      })
      .returning()
      .get();
    for (const c of fresh) {
      const completions = Math.floor(rnd() * 4);
      for (let k = 0; k < completions; k++) {
        const row = db
          .insert(completion)
          .values({
            employeeId: person.id,
            courseId: c.id,
            completedOn: dayBetween("2019-01-01", 2737), // up to HISTORY_END
            courseVersion: rnd() < 0.1 ? "ukendt" : pick(c.versions).version,
            source: "import",
            recordedAt: now,
          })
          .onConflictDoNothing()
          .returning()
          .get();
        if (row && rnd() < 0.15) {
          db.insert(annulment).values({ completionId: row.id, reason: "Fejl", annulledAt: now }).run();
        }
      }
      const exemptions = rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 0;
      for (let k = 0; k < exemptions; k++) {
        const validFrom = dayBetween("2020-01-01", 3000);
        const row = db
          .insert(exemption)
          .values({
            employeeId: person.id,
            courseId: c.id,
            reason: "Orlov",
            validFrom,
            validUntil: rnd() < 0.3 ? null : dayBetween(validFrom, 800),
            createdAt: now,
          })
          .returning()
          .get();
        if (rnd() < 0.15) {
          db.insert(annulment).values({ exemptionId: row.id, reason: "Fejl", annulledAt: now }).run();
        }
      }
    }
  }
  return { rnd, courses: fresh, unitPaths: units.map((u) => u.path) };
}

/** What the rule says, from the raw rows (annulled ones passed with their flag), for any date. */
function ruleStatuses(courses: readonly CourseInfo[], paths: readonly string[]) {
  const db = getDb();
  const people = db
    .select()
    .from(employee)
    .innerJoin(schema.orgUnit, eq(schema.orgUnit.id, employee.orgUnitId))
    .all()
    .filter((r) => paths.includes(r.org_unit.path));
  const annulledCompletions = new Set(
    db
      .select()
      .from(annulment)
      .all()
      .map((a) => a.completionId),
  );
  const annulledExemptions = new Set(
    db
      .select()
      .from(annulment)
      .all()
      .map((a) => a.exemptionId),
  );
  const completions = new Map<string, StatusCompletion[]>();
  for (const c of db.select().from(completion).all()) {
    const k = `${c.employeeId}:${c.courseId}`;
    completions.set(k, [...(completions.get(k) ?? []), { ...c, annulled: annulledCompletions.has(c.id) }]);
  }
  const exemptions = new Map<string, StatusExemption[]>();
  for (const e of db.select().from(exemption).all()) {
    const k = `${e.employeeId}:${e.courseId}`;
    exemptions.set(k, [...(exemptions.get(k) ?? []), { ...e, annulled: annulledExemptions.has(e.id) }]);
  }
  return (asOf: Day) => {
    const result = new Map<string, CourseStatus>();
    for (const { employee: person } of people) {
      for (const c of courses) {
        const k = `${person.id}:${c.id}`;
        result.set(
          k,
          courseStatus({
            employee: person,
            course: c,
            completions: completions.get(k) ?? [],
            exemptions: exemptions.get(k) ?? [],
            asOf,
          }),
        );
      }
    }
    return result;
  };
}

/** What the kept rows say, classified in SQL. */
function keptStatuses(asOf: Day, paths: readonly string[]) {
  const rows = getDb()
    .select({
      employeeId: keptStatus.employeeId,
      courseId: keptStatus.courseId,
      unitPath: keptStatus.unitPath,
      ...statusColumnsSql("kept_status", asOf),
    })
    .from(keptStatus)
    .all()
    .filter((r) => paths.includes(r.unitPath));
  return new Map(rows.map((r) => [`${r.employeeId}:${r.courseId}`, toCourseStatus(r)]));
}

/** Today's kept counts of these units (each with everything below it), by "course|path", zeros left out. */
function dayCountsOf(paths: readonly string[]) {
  const result: Record<string, Record<string, number>> = {};
  for (const row of getDb().select().from(keptDayCount).all()) {
    if (!paths.includes(row.unitPath)) continue;
    const { day: _day, courseId, unitPath, ...counts } = row;
    const nonZero = Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
    if (Object.keys(nonZero).length > 0) result[`${courseId}|${unitPath}`] = nonZero;
  }
  return result;
}

/** The same counts from `courseStatus` itself. */
function ruleCountsOf(courses: readonly CourseInfo[], paths: readonly string[], asOf: Day) {
  const unitOf = new Map(
    getDb()
      .select({ id: employee.id, path: schema.orgUnit.path })
      .from(employee)
      .innerJoin(schema.orgUnit, eq(schema.orgUnit.id, employee.orgUnitId))
      .all()
      .map((r) => [r.id, r.path]),
  );
  // The columns a status counts in, besides its own: the two combinations of the people list.
  const columnsOf = (kind: string) => [
    kind,
    ...(kind === "missing" || kind === "overdue" ? ["notCompleted"] : []),
    ...(kind === "completed" || kind === "expiringSoon" ? ["done"] : []),
  ];
  // Per course: one count per person. Any course (id 0): a person counts once per column they
  // have in at least one course.
  const perCourse: Record<string, Record<string, number>> = {};
  const anyCourse = new Map<string, Set<string>>(); // "path|column" -> people
  for (const [k, status] of ruleStatuses(courses, paths)(asOf)) {
    if (status.kind === "notListed") continue;
    const [employeeId, courseId] = k.split(":");
    const own = unitOf.get(Number(employeeId)) ?? "";
    // Each unit counts its own people and everyone below it.
    for (const path of paths.filter((p) => own.startsWith(p))) {
      const counts = perCourse[`${courseId}|${path}`] ?? {};
      for (const column of columnsOf(status.kind)) {
        counts[column] = (counts[column] ?? 0) + 1;
        const people = anyCourse.get(`${path}|${column}`) ?? new Set();
        anyCourse.set(`${path}|${column}`, people.add(String(employeeId)));
      }
      perCourse[`${courseId}|${path}`] = counts;
    }
  }
  for (const [key, people] of anyCourse) {
    const [path, column] = key.split("|") as [string, string];
    const counts = perCourse[`0|${path}`] ?? {};
    counts[column] = people.size;
    perCourse[`0|${path}`] = counts;
  }
  return perCourse;
}

function compareAt(courses: readonly CourseInfo[], dates: readonly Day[], paths: readonly string[]) {
  let compared = 0;
  const rule = ruleStatuses(courses, paths);
  for (const asOf of dates) {
    const expected = rule(asOf);
    const actual = keptStatuses(asOf, paths);
    expect(actual.size).toBe(expected.size);
    for (const [k, status] of expected) {
      const kept = actual.get(k);
      if (JSON.stringify(kept) !== JSON.stringify(status)) {
        throw new Error(`${k} on ${asOf}: kept ${JSON.stringify(kept)}, rule ${JSON.stringify(status)}`);
      }
      compared++;
    }
  }
  return compared;
}

describe("kept status equals courseStatus (property test)", () => {
  it(`agrees for ${PEOPLE * 2} random histories on ${DATES} dates, after a rebuild and after refreshes`, () => {
    const seed = 20261201;
    const { rnd, courses, unitPaths } = buildHistories(seed);
    rebuildKeptStatus();
    // From the last change on: after the history and after the latest version (the content's own
    // versions may be newer than HISTORY_END).
    const lastChange = [HISTORY_END, ...courses.flatMap((c) => c.versions.map((v) => v.publishedOn))]
      .sort()
      .at(-1) as Day;
    const dates = Array.from({ length: DATES }, () => addDaysToDay(lastChange, Math.floor(rnd() * 1100)));
    const compared = compareAt(courses, dates, unitPaths);
    expect(compared).toBe(PEOPLE * courses.length * DATES);
    expect(verifyKeptStatus()).toEqual({ checked: expect.any(Number), differences: [] });

    // Changes after the rebuild, each followed by a refresh of just that person (as the write paths do).
    const db = getDb();
    const ids = db
      .select({ id: employee.id })
      .from(employee)
      .all()
      .map((r) => r.id);
    const changed: number[] = [];
    for (let i = 0; i < 300; i++) {
      const id = ids[Math.floor(rnd() * ids.length)] as number;
      const c = courses[Math.floor(rnd() * courses.length)] as CourseInfo;
      if (rnd() < 0.5) {
        db.insert(completion)
          .values({
            employeeId: id,
            courseId: c.id,
            completedOn: addDaysToDay("2025-06-30", Math.floor(rnd() * 365)),
            courseVersion: c.versions.at(-1)?.version ?? "1.0",
            source: "manual",
            reason: "Test",
            recordedAt: Date.now(),
          })
          .run();
      } else {
        const latest = db
          .select()
          .from(completion)
          .where(
            sql`${completion.employeeId} = ${id} AND NOT EXISTS (SELECT 1 FROM annulment a WHERE a.completion_id = ${completion.id})`,
          )
          .get();
        if (latest)
          db.insert(annulment)
            .values({ completionId: latest.id, reason: "Fejl", annulledAt: Date.now() })
            .run();
      }
      refreshKeptStatus(db, [id]);
      changed.push(id);
    }
    expect(compareAt(courses, dates.slice(0, 10), unitPaths)).toBe(PEOPLE * courses.length * 10);
    expect(verifyKeptStatus().differences).toEqual([]);
    // Today's kept counts, moved by each refresh, are the rule's counts per unit today.
    expect(today() >= lastChange).toBe(true);
    expect(keptCountDay(db)).toBe(today());
    expect(dayCountsOf(unitPaths)).toEqual(ruleCountsOf(courses, unitPaths, today()));
  }, 180_000);

  it("lets db:verify report a kept row that no longer matches its history", () => {
    const db = getDb();
    const person = createEmployee(db, createUnit(db, "Verificeret"));
    rebuildKeptStatus();
    const [row] = db.select().from(keptStatus).where(eq(keptStatus.employeeId, person.id)).limit(1).all();
    if (!row) throw new Error("no kept rows");
    db.update(keptStatus)
      .set({ validUntil: "2099-01-01" })
      .where(sql`${keptStatus.employeeId} = ${row.employeeId} AND ${keptStatus.courseId} = ${row.courseId}`)
      .run();
    const { differences } = verifyKeptStatus();
    const rows = differences.filter((d) => d.employeeId !== 0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ employeeId: row.employeeId, courseId: row.courseId });
  });

  it("lets db:verify report a day count that no longer matches the kept rows", () => {
    const db = getDb();
    const unit = createUnit(db, "Optalt");
    createEmployee(db, unit);
    rebuildKeptStatus();
    const [count] = db.select().from(keptDayCount).where(eq(keptDayCount.unitPath, unit.path)).limit(1).all();
    if (!count) throw new Error("no day counts");
    db.update(keptDayCount)
      .set({ missing: count.missing + 1 })
      .where(
        sql`${keptDayCount.courseId} = ${count.courseId} AND ${keptDayCount.unitPath} = ${count.unitPath}`,
      )
      .run();
    expect(verifyKeptStatus().differences).toEqual([
      { employeeId: 0, courseId: count.courseId, fields: [`dagstal ${count.unitPath}`] },
    ]);
  });
});

describe("danishSortKey", () => {
  it("orders names as the Danish collator does", () => {
    const names = [
      "Åse",
      "Aage",
      "Ærø",
      "Østergård",
      "Zacho",
      "ärlig",
      "öst",
      "Über",
      "Yrsa",
      "Hansen 10",
      "Hansen 2",
      "Hansen-Berg",
      "hansen",
      "Émile",
      "Eva",
      "de la Cour",
      "Dahl",
      "Obel",
      "Abel",
    ];
    const collator = new Intl.Collator("da", { numeric: true });
    const byKey = [...names].sort((a, b) =>
      danishSortKey(a) < danishSortKey(b) ? -1 : danishSortKey(a) > danishSortKey(b) ? 1 : 0,
    );
    expect(byKey).toEqual([...names].sort(collator.compare));
  });
});
