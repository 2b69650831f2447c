// The people list and the unit counts in SQL over the kept status must give what the pure
// filters, sorting and counting give over the rule's statuses: the same people, in the same order.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { canViewUnit } from "~/auth/scope";
import { getDb, schema } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { listCourses } from "./courses.server";
import { addDaysToDay, today } from "./day";
import { monthEndsCurrent, refreshKeptStatus, verifyKeptStatus } from "./kept-status.server";
import { listPeopleStatusesByRule, loadPeopleData } from "./people.server";
import {
  ALL_COURSES,
  DEFAULT_PEOPLE_QUERY,
  filterPeople,
  type PeopleQuery,
  SORTS,
  STATUS_FILTERS,
  sortPeople,
} from "./people-list";
import { buildPeopleList } from "./people-view.server";
import { countPeople, peopleIds } from "./status-queries.server";
import { completionTrend, monthEnds } from "./trend";
import { unitTrend } from "./trend.server";
import { listUnitsInScope, summarizeUnits, summarizeUnitsAsOf, unitPathLabeler } from "./units.server";

describe("people list and unit counts in SQL", () => {
  const db = getDb();
  const asOf = today();
  const courses = listCourses();
  const top = createUnit(db, "Sorteringsområde");
  const units = [top, createUnit(db, "Ældreplejen", top), createUnit(db, "Børnehuset Åen", top)];
  units.push(createUnit(db, "Team 2", units[1]), createUnit(db, "Team 10", units[1]));
  const first = ["Åse", "Aage", "Ærø", "Søren", "Eva", "Émile", "Zacho", "Ole", "Anne", "Bo"];
  const last = ["Hansen", "Østergård", "Andersen", "Aagaard", "Nielsen", "de la Cour", "Berg"];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  for (let i = 0; i < 240; i++) {
    const person = createEmployee(db, pick(units), {
      name: `${pick(first)} ${pick(last)}`,
      employeeNumber: `S${Math.floor(rnd() * 100000)}-${i}`,
      startDate: addDaysToDay(asOf, -Math.floor(rnd() * 3000) + 60),
      endDate: rnd() < 0.1 ? addDaysToDay(asOf, Math.floor(rnd() * 200) - 100) : null,
    });
    for (const course of courses) {
      if (rnd() < 0.6) {
        db.insert(schema.completion)
          .values({
            employeeId: person.id,
            courseId: course.id,
            completedOn: addDaysToDay(asOf, -Math.floor(rnd() * 500)),
            courseVersion: course.versions.at(-1)?.version ?? "1.0",
            source: "import",
            recordedAt: Date.now(),
          })
          .run();
      }
      if (rnd() < 0.1) {
        db.insert(schema.exemption)
          .values({
            employeeId: person.id,
            courseId: course.id,
            reason: "Orlov",
            validFrom: addDaysToDay(asOf, -30),
            validUntil: rnd() < 0.5 ? null : addDaysToDay(asOf, Math.floor(rnd() * 60) - 30),
            createdAt: Date.now(),
          })
          .run();
      }
    }
    refreshKeptStatus(db, [person.id]);
  }
  const hr = { role: "hr" as const, scopePaths: [] };
  const manager = { role: "manager" as const, scopePaths: [units[1]?.path ?? ""] };
  const unitLabel = unitPathLabeler();
  const codes = courses.map((c) => c.code);

  it("selects and orders the same people as filterPeople and sortPeople, for every filter and sort", () => {
    let checked = 0;
    for (const viewer of [hr, manager]) {
      const byRule = listPeopleStatusesByRule({ viewer, unitPath: top.path, asOf, courses });
      for (const course of [ALL_COURSES, ...codes]) {
        for (const status of Object.keys(STATUS_FILTERS) as PeopleQuery["status"][]) {
          for (const sort of Object.keys(SORTS) as PeopleQuery["sort"][]) {
            for (const dir of ["asc", "desc"] as const) {
              const query: PeopleQuery = { course, status, q: "", sort, dir, page: 1 };
              const expected = sortPeople(filterPeople(byRule, query, codes), query, codes, unitLabel);
              const input = { viewer, unitPath: top.path, asOf, query, courses };
              expect(peopleIds(input), JSON.stringify(query)).toEqual(expected.map((p) => p.employeeId));
              expect(countPeople(input)).toBe(expected.length);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBe(2 * 3 * 7 * 4 * 2);
    expect(
      peopleIds({
        viewer: hr,
        unitPath: top.path,
        asOf,
        courses,
        query: { ...DEFAULT_PEOPLE_QUERY, status: "exempt", sort: "due" },
      }).length,
    ).toBeGreaterThan(5);
  }, 60_000);

  it("pages, searches and gives each person the rule's status for every course", () => {
    const query: PeopleQuery = {
      course: ALL_COURSES,
      status: "all",
      q: "sen",
      sort: "name",
      dir: "asc",
      page: 2,
    };
    const byRule = listPeopleStatusesByRule({ viewer: hr, unitPath: top.path, asOf, search: "sen", courses });
    const expected = sortPeople(filterPeople(byRule, query, codes), query, codes, unitLabel);
    const list = buildPeopleList({ viewer: hr, unit: top, query, asOf });
    const page = list.page(2);
    expect(expected.length).toBeGreaterThan(60);
    expect(page.total).toBe(expected.length);
    expect(page.rows).toEqual(expected.slice(50, 100));
    expect([...list.rows()]).toEqual(expected);
  });

  it("gives the trend the rule gives, before and after changes to the past", () => {
    const check = () => {
      for (const viewer of [hr, manager]) {
        for (const unit of [top, units[1], units[3]]) {
          // A page asks only about a unit in the viewer's scope (the guards refuse the rest).
          if (!unit || !canViewUnit(viewer, unit.path)) continue;
          const data = loadPeopleData({
            viewer,
            unitPath: unit.path,
            from: monthEnds(asOf)[0] ?? asOf,
            to: asOf,
            courses,
          });
          expect(unitTrend({ viewer, unitPath: unit.path, asOf, courses })).toEqual(
            completionTrend(data, monthEnds(asOf)),
          );
        }
      }
    };
    expect(monthEndsCurrent(db, asOf)).toBe(true);
    check();
    // A completion registered today for a day four months ago, and a move to another unit.
    const [someone, mover] = listPeopleStatusesByRule({ viewer: hr, unitPath: top.path, asOf, courses });
    if (!someone || !mover) throw new Error("no people");
    const gdpr = courses.find((c) => c.code === "gdpr");
    db.transaction((tx) => {
      tx.insert(schema.completion)
        .values({
          employeeId: someone.employeeId,
          courseId: gdpr?.id ?? 0,
          completedOn: addDaysToDay(asOf, -120),
          courseVersion: "1.0",
          source: "manual",
          reason: "Test",
          recordedAt: Date.now(),
        })
        .run();
      tx.update(schema.employee)
        .set({ orgUnitId: units[4]?.id ?? 0 })
        .where(eq(schema.employee.id, mover.employeeId))
        .run();
      refreshKeptStatus(tx, [someone.employeeId, mover.employeeId]);
    });
    check();
    expect(verifyKeptStatus(db).differences).toEqual([]);
  }, 60_000);

  it("counts per unit as summarizeUnits does over the rule's statuses", () => {
    for (const viewer of [hr, manager]) {
      const inScope = listUnitsInScope(viewer).filter((u) => u.path.startsWith(top.path));
      const byRule = listPeopleStatusesByRule({ viewer, unitPath: "/", asOf, courses });
      expect(summarizeUnitsAsOf({ viewer, units: inScope, asOf, courses })).toEqual(
        summarizeUnits(byRule, inScope, courses),
      );
    }
  });
});
