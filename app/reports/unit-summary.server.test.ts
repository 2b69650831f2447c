import { describe, expect, it } from "vitest";
import { listCourses } from "~/compliance/courses.server";
import { listPeopleStatuses } from "~/compliance/people.server";
import { listUnitsInScope, summarizeUnits, unitPathLabeler } from "~/compliance/units.server";
import { getDb, schema } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { buildUnitSummaryExport } from "./unit-summary.server";

describe("buildUnitSummaryExport", () => {
  const db = getDb();
  const top = createUnit(db, "Opsummeringsområde");
  const a = createUnit(db, "Opsummering A", top);
  const b = createUnit(db, "Opsummering B", top);
  const done = createEmployee(db, a);
  createEmployee(db, a);
  createEmployee(db, b);
  createEmployee(db, b, { endDate: "2025-05-01" }); // left before the day: not counted
  const asOf = "2025-06-01";
  const gdpr = listCourses().find((c) => c.code === "gdpr");
  if (!gdpr) throw new Error("gdpr course missing from reference data");
  db.insert(schema.completion)
    .values({
      employeeId: done.id,
      courseId: gdpr.id,
      completedOn: "2025-03-01",
      courseVersion: "1.0",
      source: "site",
      recordedAt: Date.now(),
    })
    .run();
  const hr = { role: "hr" as const, scopePaths: [] };

  it("gives each unit the counts of the per-unit summary on /enheder for the same day", () => {
    const courses = listCourses();
    const people = listPeopleStatuses({ viewer: hr, unitPath: "/", asOf, courses });
    const summaries = summarizeUnits(people, listUnitsInScope(hr), courses);
    const labels = unitPathLabeler();
    const { rows } = buildUnitSummaryExport(hr, asOf);
    expect(rows.map((r) => r.unitPath)).toEqual(summaries.map((s) => labels(s.unit.id)));
    summaries.forEach((s, i) => {
      courses.forEach((course, j) => {
        const c = s.counts[course.code];
        expect(rows[i]?.courses[j]).toEqual({
          completed: (c?.completed ?? 0) + (c?.expiringSoon ?? 0),
          notCompleted: (c?.missing ?? 0) + (c?.overdue ?? 0),
          share: c?.completionRate ?? null,
        });
      });
    });
  });

  it("counts the people in a unit and below it, and who has completed", () => {
    const { rows } = buildUnitSummaryExport(hr, asOf);
    const byPath = new Map(rows.map((r) => [r.unitPath, r]));
    const gdprAt = listCourses().findIndex((c) => c.code === "gdpr");
    expect(byPath.get("Opsummeringsområde")?.headcount).toBe(3);
    expect(byPath.get("Opsummeringsområde > Opsummering B")?.headcount).toBe(1);
    const unitA = byPath.get("Opsummeringsområde > Opsummering A")?.courses[gdprAt];
    expect(unitA).toMatchObject({ completed: 1, notCompleted: 1, share: 0.5 });
  });

  it("gives a manager only the managed units", () => {
    const { rows, meta } = buildUnitSummaryExport({ role: "manager", scopePaths: [a.path] }, asOf);
    expect(rows.map((r) => r.unitPath)).toEqual(["Opsummeringsområde > Opsummering A"]);
    expect(meta.scope).toBe("Dine enheder");
  });
});
