import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { listCourses } from "./courses.server";
import { listPeopleStatuses } from "./people.server";

describe("listPeopleStatuses", () => {
  const db = getDb();
  const top = createUnit(db, "Område");
  const a = createUnit(db, "Afdeling A", top);
  const aTeam = createUnit(db, "Team under A", a);
  const b = createUnit(db, "Afdeling B", top);
  const inA = createEmployee(db, a);
  const inTeam = createEmployee(db, aTeam);
  const inB = createEmployee(db, b);
  const leaver = createEmployee(db, a, { endDate: "2025-05-01" });
  const futureStarter = createEmployee(db, a, { startDate: "2026-01-01" });
  const asOf = "2025-06-01";

  it("returns a manager only the people in the managed unit and below, filtered in SQL", () => {
    const manager = { role: "manager" as const, scopePaths: [a.path] };
    const ids = listPeopleStatuses({ viewer: manager, unitPath: top.path, asOf }).map((p) => p.employeeId);
    expect(ids.sort()).toEqual([inA.id, inTeam.id].sort());
    expect(ids).not.toContain(inB.id);
  });

  it("returns nothing to a manager asking for another unit", () => {
    const manager = { role: "manager" as const, scopePaths: [a.path] };
    expect(listPeopleStatuses({ viewer: manager, unitPath: b.path, asOf })).toEqual([]);
  });

  it("returns nothing to employees and admins", () => {
    for (const role of ["employee", "admin"] as const) {
      expect(
        listPeopleStatuses({ viewer: { role, scopePaths: [top.path] }, unitPath: top.path, asOf }),
      ).toEqual([]);
    }
  });

  it("gives HR everyone on the roster that day, with a status per standard course", () => {
    const people = listPeopleStatuses({ viewer: { role: "hr", scopePaths: [] }, unitPath: top.path, asOf });
    const ids = people.map((p) => p.employeeId);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain(leaver.id);
    expect(ids).not.toContain(futureStarter.id);
    expect(Object.keys(people[0]?.statuses ?? {}).sort()).toEqual(["ai", "gdpr"]);
  });

  it("computes status from the person's own completions", () => {
    const gdpr = listCourses().find((c) => c.code === "gdpr");
    if (!gdpr) throw new Error("gdpr course missing from reference data");
    db.insert(schema.completion)
      .values({
        employeeId: inB.id,
        courseId: gdpr.id,
        completedOn: "2025-03-01",
        courseVersion: "1.0",
        source: "site",
        recordedAt: Date.now(),
      })
      .run();
    const people = listPeopleStatuses({ viewer: { role: "hr", scopePaths: [] }, unitPath: b.path, asOf });
    expect(people).toHaveLength(1);
    expect(people[0]?.statuses.gdpr).toMatchObject({ kind: "completed", validUntil: "2026-03-01" });
    // The AI requirement began on 11 August 2025 (reference data), so on 1 June nobody is overdue
    // and the frist is 30 days after it.
    expect(people[0]?.statuses.ai).toMatchObject({ kind: "missing", due: "2025-09-10" });
  });

  it("refuses to edit a completion in place (history is append-only)", () => {
    const gdpr = listCourses().find((c) => c.code === "gdpr");
    if (!gdpr) throw new Error("gdpr course missing from reference data");
    const person = createEmployee(db, createUnit(db, "Andet område"));
    db.insert(schema.completion)
      .values({
        employeeId: person.id,
        courseId: gdpr.id,
        completedOn: "2025-02-01",
        courseVersion: "1.0",
        source: "site",
        recordedAt: Date.now(),
      })
      .run();
    expect(() => db.update(schema.completion).set({ score: 100 }).run()).toThrow(/append-only/);
  });
});
