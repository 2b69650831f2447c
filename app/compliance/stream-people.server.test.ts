// The exports' rows: streamPeople reads one ordered query on a connection of its own, so it needs a
// database file (the other unit tests use an in-memory database, where it falls back to chunks).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { reloadConfig } from "~/env.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { listCourses } from "./courses.server";
import { addDaysToDay, today } from "./day";
import { refreshKeptStatus } from "./kept-status.server";
import { ALL_COURSES, exportRows, NOT_COMPLETED_QUERY, type PeopleQuery, SORTS } from "./people-list";
import {
  countExportRows,
  type PeopleListInput,
  peopleIds,
  peopleStatusesByIds,
  streamPeople,
} from "./status-queries.server";

const folder = mkdtempSync(path.join(tmpdir(), "stream-people-"));
// Read by getDb() on first use, which comes after this line.
process.env.DATABASE_PATH = path.join(folder, "test.db");
reloadConfig();

describe("streamPeople (the exports' rows)", () => {
  const db = getDb();
  const asOf = today();
  const courses = listCourses();
  const top = createUnit(db, "Eksportområde");
  const units = [top, createUnit(db, "Ældreplejen", top), createUnit(db, "Børnehuset Åen", top)];
  let seed = 11;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const names = ["Åse Berg", "Aage Hansen", "Ærø Nielsen", "Søren Østergård", "Eva de la Cour", "Bo Aagaard"];
  for (let i = 0; i < 150; i++) {
    const person = createEmployee(db, units[i % units.length] as { id: number }, {
      name: `${names[Math.floor(rnd() * names.length)]} ${i % 7}`,
      employeeNumber: `E${Math.floor(rnd() * 100000)}-${i}`,
      startDate: addDaysToDay(asOf, -Math.floor(rnd() * 3000) + 30),
    });
    for (const course of courses) {
      if (rnd() < 0.5) {
        db.insert(schema.completion)
          .values({
            employeeId: person.id,
            courseId: course.id,
            completedOn: addDaysToDay(asOf, -Math.floor(rnd() * 900)),
            courseVersion: course.versions.at(-1)?.version ?? "1.0",
            source: "import",
            recordedAt: Date.now(),
          })
          .run();
      }
    }
    refreshKeptStatus(db, [person.id]);
  }
  const hr = { role: "hr" as const, scopePaths: [] };
  const manager = { role: "manager" as const, scopePaths: [units[1]?.path ?? ""] };
  const input = (query: Partial<PeopleQuery>, viewer: PeopleListInput["viewer"] = hr): PeopleListInput => ({
    viewer,
    unitPath: top.path,
    asOf,
    courses,
    query: { ...NOT_COMPLETED_QUERY, ...query },
  });

  afterAll(() => {
    db.$client.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("gives the people of the list in screen order, with their statuses, for every sort and filter", () => {
    let checked = 0;
    for (const viewer of [hr, manager]) {
      for (const course of [ALL_COURSES, ...courses.map((c) => c.code)]) {
        for (const status of ["all", "notCompleted"] as const) {
          for (const sort of Object.keys(SORTS) as PeopleQuery["sort"][]) {
            for (const dir of ["asc", "desc"] as const) {
              const list = input({ course, status, sort, dir }, viewer);
              const ids = peopleIds(list);
              const streamed = [...streamPeople(list)];
              expect(streamed.map((p) => p.employeeId)).toEqual(ids);
              expect(streamed).toEqual(peopleStatusesByIds(ids, asOf, courses));
              checked += ids.length;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 60_000);

  it("leaves the request thread's connection free between rows (it reads on its own)", () => {
    const list = input({});
    let rows = 0;
    for (const person of streamPeople(list)) {
      // On the same connection better-sqlite3 would refuse this while the query is being read.
      const again = db.$client.prepare("select name from employee where id = ?").get(person.employeeId);
      expect(again).toEqual({ name: person.name });
      rows++;
    }
    expect(rows).toBe(peopleIds(list).length);
    expect(rows).toBeGreaterThan(10);
  });

  it("counts exactly the export rows the file gets", () => {
    const unitLabel = () => "";
    for (const query of [
      {},
      { course: "gdpr" },
      { status: "all" as const },
      { status: "completed" as const, course: "ai" },
      { q: "Åse" },
      { q: "E1" },
    ]) {
      for (const viewer of [hr, manager]) {
        const list = input(query, viewer);
        const rows = [...exportRows(streamPeople(list), list.query, courses, unitLabel)];
        expect(countExportRows(list), JSON.stringify(query)).toBe(rows.length);
      }
    }
  });
});
