import { describe, expect, it } from "vitest";
import { canViewPeople, canViewUnit, topScopePaths } from "./scope";

describe("scope rules", () => {
  const manager = { role: "manager" as const, scopePaths: ["/2/7/", "/3/"] };

  it("lets a manager see the managed units and everything below them", () => {
    expect(canViewUnit(manager, "/2/7/")).toBe(true);
    expect(canViewUnit(manager, "/2/7/19/40/")).toBe(true);
    expect(canViewUnit(manager, "/3/12/")).toBe(true);
  });

  it("hides siblings, parents and look-alike ids from a manager", () => {
    expect(canViewUnit(manager, "/2/")).toBe(false);
    expect(canViewUnit(manager, "/2/8/")).toBe(false);
    expect(canViewUnit(manager, "/2/70/")).toBe(false); // "/2/7" must not match "/2/70"
    expect(canViewUnit(manager, "/33/")).toBe(false);
  });

  it("lets HR see every unit and employees and admins none", () => {
    expect(canViewUnit({ role: "hr", scopePaths: [] }, "/9/9/")).toBe(true);
    expect(canViewUnit({ role: "employee", scopePaths: ["/2/"] }, "/2/")).toBe(false);
    expect(canViewUnit({ role: "admin", scopePaths: [] }, "/2/")).toBe(false);
    expect(canViewPeople({ role: "admin", scopePaths: [] })).toBe(false);
    expect(canViewPeople({ role: "manager", scopePaths: [] })).toBe(false);
    expect(canViewPeople(manager)).toBe(true);
  });

  it("keeps only the top units when scopes are nested", () => {
    expect(topScopePaths(["/2/7/19/", "/2/7/", "/3/", "/3/"])).toEqual(["/2/7/", "/3/"]);
  });
});
