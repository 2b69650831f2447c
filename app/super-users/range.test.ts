import { describe, expect, it } from "vitest";
import { afdelingPathOf, isAfdelingPath, SUPER_USER_RANGE_TEXT, superUserRange } from "./range";

describe("superUserRange", () => {
  it("accepts 2, 3 and 4 super users, as Chefforum decided", () => {
    expect([2, 3, 4].map(superUserRange)).toEqual(["ok", "ok", "ok"]);
  });

  it("flags fewer than 2 and more than 4", () => {
    expect([0, 1].map(superUserRange)).toEqual(["tooFew", "tooFew"]);
    expect([5, 12].map(superUserRange)).toEqual(["tooMany", "tooMany"]);
  });

  it("says the verdict in words", () => {
    expect(SUPER_USER_RANGE_TEXT[superUserRange(1)]).toBe("For få (under 2)");
    expect(SUPER_USER_RANGE_TEXT[superUserRange(5)]).toBe("For mange (over 4)");
    expect(SUPER_USER_RANGE_TEXT[superUserRange(3)]).toBe("I orden (2-4)");
  });
});

describe("afdelingPathOf", () => {
  it("is the unit on the second level for every unit at or below it", () => {
    expect(afdelingPathOf("/1/5/")).toBe("/1/5/");
    expect(afdelingPathOf("/1/5/23/")).toBe("/1/5/");
    expect(afdelingPathOf("/1/5/23/40/")).toBe("/1/5/");
  });

  it("is null for a direktørområde, which is above the afdelinger", () => {
    expect(afdelingPathOf("/1/")).toBeNull();
    expect(isAfdelingPath("/1/")).toBe(false);
    expect(isAfdelingPath("/1/5/")).toBe(true);
    expect(isAfdelingPath("/1/5/23/")).toBe(false);
  });
});
