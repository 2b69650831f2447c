import { describe, expect, it } from "vitest";
import type { Viewer } from "~/auth/scope";
import { getDb } from "~/db.server";
import { createUnit } from "~/test-fixtures";
import { listOverviewUnits, listUnitsInScope } from "./units.server";

/** A top unit, 3 below it, 4 below each of those, 2 below each of those: 40 units, 4 levels. */
function buildTree() {
  const db = getDb();
  const top = createUnit(db, "Kommunen");
  const levels = [[top]];
  for (const fanOut of [3, 4, 2]) {
    const level = [];
    for (const parent of levels.at(-1) ?? []) {
      // Names out of order, and numbers compared by value ("Team 10" after "Team 9").
      for (let i = fanOut; i >= 1; i--) level.push(createUnit(db, `${parent.name} Team ${i * 5}`, parent));
    }
    levels.push(level);
  }
  return levels;
}

const hr: Viewer = { role: "hr", scopePaths: [] };

describe("the overview's units", () => {
  const levels = buildTree();
  const [top, second, third, fourth] = levels as [
    (typeof levels)[0],
    (typeof levels)[0],
    (typeof levels)[0],
    (typeof levels)[0],
  ];

  it("shows every level while the tree stays within the limit", () => {
    const shown = listOverviewUnits(hr, 40);
    expect(shown).toHaveLength(40);
    expect(shown.every((s) => s.childrenNotShown === 0)).toBe(true);
  });

  it("stops at the deepest level that keeps it within the limit, and says what is left out", () => {
    const shown = listOverviewUnits(hr, 39);
    expect(shown).toHaveLength(1 + 3 + 12);
    const cut = shown.filter((s) => s.childrenNotShown > 0);
    expect(cut.map((s) => s.unit.id).sort()).toEqual(third.map((u) => u.id).sort());
    expect(cut.every((s) => s.childrenNotShown === 2)).toBe(true);
    expect(shown.some((s) => fourth.some((u) => u.id === s.unit.id))).toBe(false);
  });

  it("always shows the top level", () => {
    expect(listOverviewUnits(hr, 0)).toEqual([
      { unit: expect.objectContaining({ id: top[0]?.id }), childrenNotShown: 3 },
    ]);
  });

  it("lists a manager's units only, in tree order with siblings by name", () => {
    const unit = second[0];
    if (!unit) throw new Error("no unit");
    const manager: Viewer = { role: "manager", scopePaths: [unit.path] };
    const names = listUnitsInScope(manager).map((u) => u.name);
    expect(names).toHaveLength(1 + 4 + 8);
    expect(names[0]).toBe(unit.name);
    expect(names.slice(1, 4)).toEqual([
      `${unit.name} Team 5`,
      `${unit.name} Team 5 Team 5`,
      `${unit.name} Team 5 Team 10`,
    ]);
    expect(names.at(-1)).toBe(`${unit.name} Team 20 Team 10`);
    expect(listOverviewUnits(manager, 5).map((s) => s.unit.name)).toEqual([
      unit.name,
      `${unit.name} Team 5`,
      `${unit.name} Team 10`,
      `${unit.name} Team 15`,
      `${unit.name} Team 20`,
    ]);
  });

  it("lists nothing for a manager without units", () => {
    expect(listUnitsInScope({ role: "manager", scopePaths: [] })).toEqual([]);
    expect(listOverviewUnits({ role: "manager", scopePaths: [] })).toEqual([]);
  });
});
