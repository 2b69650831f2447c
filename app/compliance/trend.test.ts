import { describe, expect, it } from "vitest";
import { monthEnds, monthLabel } from "./trend";

describe("monthEnds", () => {
  it("gives the 11 previous month ends and the as-of day, oldest first", () => {
    const days = monthEnds("2026-11-26");
    expect(days).toHaveLength(12);
    expect(days[0]).toBe("2025-12-31");
    expect(days).toContain("2026-02-28");
    expect(days.at(-2)).toBe("2026-10-31");
    expect(days.at(-1)).toBe("2026-11-26");
  });

  it("handles leap years", () => {
    expect(monthEnds("2024-03-10", 2)).toEqual(["2024-02-29", "2024-03-10"]);
  });

  it("labels months in Danish", () => {
    expect(monthLabel("2026-11-26")).toBe("nov. 2026");
  });
});
