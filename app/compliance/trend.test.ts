import { describe, expect, it } from "vitest";
import type { CourseInfo } from "./courses.server";
import type { Day } from "./day";
import type { PeopleData, PersonRow } from "./people-data";
import type { StatusCompletion, StatusExemption } from "./status";
import { completionTrend, monthEnds, monthLabel } from "./trend";

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

const gdpr: CourseInfo = {
  id: 1,
  code: "gdpr",
  title: "GDPR",
  kind: "site",
  validityMonths: 12,
  dueDays: 30,
  campaignDeadline: null,
  requiredFrom: null,
  versions: [{ version: "1.0", publishedOn: "2020-01-01", material: false, reattestDays: 0 }],
};

interface Someone {
  startDate?: Day;
  endDate?: Day;
  completedOn?: Day;
  exempt?: StatusExemption;
}

/** The rows `loadPeopleData` would give for these people, all in the one course. */
function peopleData(someone: Someone[]): PeopleData {
  const people: PersonRow[] = [];
  const completions = new Map<string, StatusCompletion[]>();
  const exemptions = new Map<string, StatusExemption[]>();
  someone.forEach((s, i) => {
    const employeeId = i + 1;
    people.push({
      employeeId,
      employeeNumber: `${employeeId}`,
      name: `Person ${employeeId}`,
      email: `p${employeeId}@trend.test`,
      startDate: s.startDate ?? "2020-01-01",
      endDate: s.endDate ?? null,
      unitId: 1,
      unitPath: "/1/",
    });
    const key = `${employeeId}:${gdpr.id}`;
    if (s.completedOn) completions.set(key, [{ completedOn: s.completedOn, courseVersion: "1.0" }]);
    if (s.exempt) exemptions.set(key, [s.exempt]);
  });
  return { courses: [gdpr], people, completions, exemptions };
}

const values = (data: PeopleData, days: Day[]) => completionTrend(data, days)[0]?.points.map((p) => p.value);

describe("completionTrend", () => {
  const days = monthEnds("2026-03-15", 3); // 31 January, 28 February, 15 March (the as-of day)

  it("gives one series per course with a labelled point per day", () => {
    const [series, ...more] = completionTrend(peopleData([{}]), days);
    expect(more).toEqual([]);
    expect(series).toMatchObject({ code: "gdpr", name: "GDPR" });
    expect(series?.points.map((p) => [p.day, p.label])).toEqual([
      ["2026-01-31", monthLabel("2026-01-31")],
      ["2026-02-28", monthLabel("2026-02-28")],
      ["2026-03-15", monthLabel("2026-03-15")],
    ]);
  });

  it("counts a completion from the month end it falls on, and people on the roster that day", () => {
    const data = peopleData([
      { completedOn: "2026-01-31" }, // counts from the January point on
      { completedOn: "2026-02-28" }, // from February on
      {}, // never completes
      { endDate: "2026-02-15" }, // left in February: counted in January only
    ]);
    expect(values(data, days)).toEqual([1 / 4, 2 / 3, 2 / 3]);
  });

  it("leaves exempt people out of the share, for the days they are exempt", () => {
    const data = peopleData([
      { completedOn: "2026-01-10" },
      {},
      { exempt: { validFrom: "2025-01-01", validUntil: "2026-02-10" } },
    ]);
    expect(values(data, days)).toEqual([1 / 2, 1 / 3, 1 / 3]);
  });

  it("knows nothing after the day it is asked about", () => {
    const data = peopleData([{ completedOn: "2026-03-15" }, { completedOn: "2026-03-16" }]);
    expect(values(data, days)).toEqual([0, 0, 1 / 2]);
  });

  it("has no value (not 0 %) for a month when no one had to complete the course", () => {
    const data = peopleData([
      { startDate: "2026-02-01", completedOn: "2026-03-01" },
      { exempt: { validFrom: "2025-01-01", validUntil: null } },
    ]);
    expect(values(data, days)).toEqual([null, 0, 1]);
  });
});
