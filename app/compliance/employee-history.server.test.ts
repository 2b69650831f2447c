import { describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { loadEmployeeHistory, loadOwnHistory } from "./employee-history.server";

function statusOf(load: () => unknown): number | "ok" {
  try {
    load();
    return "ok";
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status ?? -1;
  }
}

describe("loadEmployeeHistory", () => {
  const db = getDb();
  const top = createUnit(db, "Historik-område");
  const mine = createUnit(db, "Historik-egen", top);
  const other = createUnit(db, "Historik-anden", top);
  const inMine = createEmployee(db, mine);
  const inOther = createEmployee(db, other);
  const manager = { role: "manager" as const, scopePaths: [mine.path] };
  const asOf = "2026-06-01";

  it("gives a manager the record of someone in their units, labelled with the unit's path", () => {
    const history = loadEmployeeHistory(manager, inMine.id, asOf);
    expect(history.person.id).toBe(inMine.id);
    expect(history.unitLabel).toBe("Historik-område > Historik-egen");
    expect(history.statuses.map((s) => s.code).sort()).toEqual(["ai", "gdpr"]);
  });

  it("refuses someone outside the scope with 403 and an unknown id with 404", () => {
    expect(statusOf(() => loadEmployeeHistory(manager, inOther.id, asOf))).toBe(403);
    expect(statusOf(() => loadEmployeeHistory(manager, 99_999_999, asOf))).toBe(404);
    for (const role of ["employee", "admin"] as const) {
      expect(statusOf(() => loadEmployeeHistory({ role, scopePaths: [] }, inMine.id, asOf))).toBe(403);
    }
  });

  it("gives HR anyone, and a person their own record", () => {
    expect(loadEmployeeHistory({ role: "hr", scopePaths: [] }, inOther.id, asOf).person.id).toBe(inOther.id);
    expect(loadOwnHistory(inOther.id, asOf).person.id).toBe(inOther.id);
    expect(statusOf(() => loadOwnHistory(99_999_999, asOf))).toBe(404);
  });
});
