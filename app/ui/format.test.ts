import { describe, expect, it } from "vitest";
import { formatCount, formatLongDate, formatPercent, formatShortDate } from "./format";

describe("Danish formatting", () => {
  it("formats dates the Danish way, without time-zone shifts", () => {
    expect(formatLongDate("2026-01-15")).toBe("15. januar 2026");
    expect(formatShortDate("2024-02-29")).toBe("29.02.2024");
  });

  it("formats numbers and shares the Danish way", () => {
    expect(formatCount(1504)).toBe("1.504");
    expect(formatPercent(0.875).replace(/\s/g, " ")).toBe("88 %");
    expect(formatPercent(null)).toBe("–");
  });
});
