import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatLongDate,
  formatPercent,
  formatShortDate,
  formatStatusDate,
  formatValidThrough,
} from "./format";

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

  it("says validity as the last valid day, the day before the status rule's first invalid day", () => {
    // Completed 15.12.2025 with 12 months' validity: the status rule's validUntil is 2026-12-15,
    // and the person is on the not-completed list from that day.
    expect(formatValidThrough("2026-12-15")).toBe("Gyldig til og med 14.12.2026");
    expect(formatValidThrough("2026-03-01", "long")).toBe("Gyldig til og med 28. februar 2026");
    expect(formatStatusDate("completed", "2027-01-01")).toBe("gyldig til og med 31.12.2026");
    expect(formatStatusDate("overdue", "2027-01-01")).toBe("frist 01.01.2027");
  });
});
