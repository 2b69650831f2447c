import { describe, expect, it } from "vitest";
import type { PersonStatus } from "./people-data";
import {
  ALL_COURSES,
  courseSlug,
  DEFAULT_PEOPLE_QUERY,
  exportRows,
  filterPeople,
  type PeopleSort,
  paginate,
  parsePeopleQuery,
  peopleQueryToParams,
  SORTS,
  STATUS_FILTERS,
  type StatusFilter,
  sortPeople,
} from "./people-list";
import type { CourseStatus } from "./status";

const codes = ["ai", "gdpr"];
const courses = [
  { code: "ai", title: "AI i Albertslund Kommune" },
  { code: "gdpr", title: "GDPR" },
];
const missing = (due: string): CourseStatus => ({ kind: "missing", due, lastCompletedOn: null });
const overdue = (due: string): CourseStatus => ({ kind: "overdue", due, lastCompletedOn: "2024-01-01" });
const done = (validUntil: string): CourseStatus => ({
  kind: "completed",
  validUntil,
  lastCompletedOn: "2025-06-01",
});

function person(id: number, name: string, ai: CourseStatus, gdpr: CourseStatus, unitId = 1): PersonStatus {
  return {
    employeeId: id,
    employeeNumber: String(1000 + id),
    name,
    email: `p${id}@albertslund.test`,
    startDate: "2020-01-01",
    endDate: null,
    unitId,
    unitPath: `/${unitId}/`,
    statuses: { ai, gdpr },
  };
}

const people = [
  person(1, "Åse Holm", missing("2026-12-01"), done("2026-06-01")),
  person(2, "Bo Dahl", done("2026-09-01"), overdue("2026-01-01"), 2),
  person(3, "Anne Lund", done("2026-09-01"), done("2026-05-01")),
];
const label = (id: number) => (id === 1 ? "A > Team 1" : "A > Team 2");

describe("parsePeopleQuery", () => {
  it("reads the filters from the URL and falls back to defaults on bad values", () => {
    const q = parsePeopleQuery(
      new URLSearchParams("kursus=ai&status=mangler&q=%20Bo%20&sort=frist&retning=desc&side=2"),
      codes,
    );
    expect(q).toEqual({ course: "ai", status: "missing", q: "Bo", sort: "due", dir: "desc", page: 2 });
    const bad = parsePeopleQuery(new URLSearchParams("kursus=x&status=y&sort=z&side=-1"), codes);
    expect(bad).toEqual({ course: "all", status: "all", q: "", sort: "name", dir: "asc", page: 1 });
  });

  it("round-trips through the URL", () => {
    const q = parsePeopleQuery(new URLSearchParams("kursus=gdpr&status=overskredet&q=x"), codes);
    expect(q).toMatchObject({ course: "gdpr", status: "overdue" });
    expect(parsePeopleQuery(peopleQueryToParams(q), codes)).toEqual(q);
  });

  it("keeps the Danish words in the URL and English values inside, for every filter and sort", () => {
    const params = peopleQueryToParams({ ...DEFAULT_PEOPLE_QUERY, status: "notCompleted", sort: "due" });
    expect(params.toString()).toBe("status=ikke-gennemfoert&sort=frist");
    for (const status of Object.keys(STATUS_FILTERS) as StatusFilter[]) {
      for (const sort of Object.keys(SORTS) as PeopleSort[]) {
        for (const course of [ALL_COURSES, ...codes]) {
          const query = { ...DEFAULT_PEOPLE_QUERY, course, status, sort };
          expect(parsePeopleQuery(peopleQueryToParams(query), codes)).toEqual(query);
        }
      }
    }
    // The course picker's "Alle kurser" submits its own word.
    expect(parsePeopleQuery(new URLSearchParams(`kursus=${courseSlug(ALL_COURSES)}`), codes).course).toBe(
      ALL_COURSES,
    );
  });
});

describe("filter, sort and page", () => {
  it("filters by course and status", () => {
    const q = parsePeopleQuery(new URLSearchParams("status=ikke-gennemfoert"), codes);
    expect(filterPeople(people, q, codes).map((p) => p.name)).toEqual(["Åse Holm", "Bo Dahl"]);
    const aiOnly = { ...q, course: "ai" };
    expect(filterPeople(people, aiOnly, codes).map((p) => p.name)).toEqual(["Åse Holm"]);
  });

  it("sorts names the Danish way (Å last) and by due date", () => {
    const q = parsePeopleQuery(new URLSearchParams(), codes);
    expect(sortPeople(people, q, codes, label).map((p) => p.name)).toEqual([
      "Anne Lund",
      "Bo Dahl",
      "Åse Holm",
    ]);
    const byDue = { ...q, sort: "due" as const };
    expect(sortPeople(people, byDue, codes, label).map((p) => p.name)).toEqual([
      "Bo Dahl",
      "Anne Lund",
      "Åse Holm",
    ]);
  });

  it("pages and clamps the page number", () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(paginate(rows, 3)).toMatchObject({ page: 3, pageCount: 3, total: 120, rows: rows.slice(100) });
    expect(paginate(rows, 9).page).toBe(3);
    expect(paginate([], 1)).toMatchObject({ page: 1, pageCount: 1, total: 0 });
  });
});

describe("exportRows", () => {
  it("gives one row per employee and matching course, with the Danish status word", () => {
    const q = parsePeopleQuery(new URLSearchParams("status=ikke-gennemfoert"), codes);
    const rows = [...exportRows(filterPeople(people, q, codes), q, courses, label)];
    expect(rows).toEqual([
      {
        employeeNumber: "1001",
        name: "Åse Holm",
        email: "p1@albertslund.test",
        unitPath: "A > Team 1",
        course: "AI i Albertslund Kommune",
        status: "Mangler",
        due: "2026-12-01",
        validThrough: null,
        lastCompleted: null,
      },
      {
        employeeNumber: "1002",
        name: "Bo Dahl",
        email: "p2@albertslund.test",
        unitPath: "A > Team 2",
        course: "GDPR",
        status: "Overskredet",
        due: "2026-01-01",
        validThrough: null,
        lastCompleted: "2024-01-01",
      },
    ]);
  });

  it("exports every course for everyone when no status is chosen", () => {
    const q = parsePeopleQuery(new URLSearchParams(), codes);
    const all = [...exportRows(people, q, courses, label)];
    expect(all).toHaveLength(6);
    // A completion says its last valid day (the day before the status rule's validUntil), no frist.
    const completed = all.find((r) => r.status === "Gennemført");
    expect(completed?.due).toBeNull();
    expect(completed?.validThrough).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
