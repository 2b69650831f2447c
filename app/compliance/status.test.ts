import { describe, expect, it } from "vitest";
import {
  completionExpiry,
  courseStatus,
  isNotCompleted,
  type StatusCompletion,
  type StatusCourse,
  type StatusEmployee,
  type StatusExemption,
} from "./status";

const course: StatusCourse = {
  validityMonths: 12,
  dueDays: 30,
  campaignDeadline: null,
  requiredFrom: null,
  versions: [{ version: "1.0", publishedOn: "2024-01-01", material: true, reattestDays: 30 }],
};

const employee: StatusEmployee = { startDate: "2020-03-01", endDate: null };

function status(
  asOf: string,
  opts: {
    employee?: Partial<StatusEmployee>;
    course?: Partial<StatusCourse>;
    completions?: StatusCompletion[];
    exemptions?: StatusExemption[];
  } = {},
) {
  return courseStatus({
    employee: { ...employee, ...opts.employee },
    course: { ...course, ...opts.course },
    completions: opts.completions ?? [],
    exemptions: opts.exemptions ?? [],
    asOf,
  });
}

const done = (completedOn: string, courseVersion = "1.0"): StatusCompletion => ({
  completedOn,
  courseVersion,
});

describe("courseStatus: who is listed", () => {
  it("lists an employee on the day before their end date (the last working day)", () => {
    expect(status("2025-06-29", { employee: { endDate: "2025-06-30" } }).kind).toBe("overdue");
  });

  it("drops a leaver from their end date on", () => {
    expect(status("2025-06-30", { employee: { endDate: "2025-06-30" } })).toEqual({
      kind: "notListed",
    });
    expect(status("2026-01-01", { employee: { endDate: "2025-06-30" } }).kind).toBe("notListed");
  });

  it("does not list a future starter until the start date", () => {
    expect(status("2025-08-31", { employee: { startDate: "2025-09-01" } }).kind).toBe("notListed");
    expect(status("2025-09-01", { employee: { startDate: "2025-09-01" } })).toEqual({
      kind: "missing",
      due: "2025-10-01",
      lastCompletedOn: null,
    });
  });
});

describe("courseStatus: new hires and campaign deadlines", () => {
  const newHire = { startDate: "2025-09-10" };

  it("gives a new hire the due period after the start date, inclusive", () => {
    expect(status("2025-10-10", { employee: newHire })).toEqual({
      kind: "missing",
      due: "2025-10-10",
      lastCompletedOn: null,
    });
    expect(status("2025-10-11", { employee: newHire })).toEqual({
      kind: "overdue",
      due: "2025-10-10",
      lastCompletedOn: null,
    });
  });

  it("uses the campaign deadline for staff employed before it", () => {
    const withCampaign = { campaignDeadline: "2025-12-31" };
    expect(status("2025-11-01", { course: withCampaign })).toMatchObject({
      kind: "missing",
      due: "2025-12-31",
    });
    expect(status("2026-01-01", { course: withCampaign })).toMatchObject({
      kind: "overdue",
      due: "2025-12-31",
    });
  });

  it("gives someone hired after the campaign deadline the ordinary due period", () => {
    expect(
      status("2026-02-01", {
        employee: { startDate: "2026-01-15" },
        course: { campaignDeadline: "2025-12-31" },
      }),
    ).toMatchObject({ kind: "missing", due: "2026-02-14" });
  });

  it("gives someone hired on the campaign deadline itself the ordinary due period", () => {
    expect(
      status("2026-01-05", {
        employee: { startDate: "2025-12-31" },
        course: { campaignDeadline: "2025-12-31" },
      }),
    ).toMatchObject({ kind: "missing", due: "2026-01-30" });
  });
});

describe("courseStatus: no deadline before the requirement existed (requiredFrom)", () => {
  const gdpr = { requiredFrom: "2018-05-25" };

  it("counts someone employed long before the requirement from requiredFrom", () => {
    const longBefore = { startDate: "2007-07-03" };
    expect(status("2018-06-24", { employee: longBefore, course: gdpr })).toEqual({
      kind: "missing",
      due: "2018-06-24",
      lastCompletedOn: null,
    });
    expect(status("2018-06-25", { employee: longBefore, course: gdpr })).toMatchObject({
      kind: "overdue",
      due: "2018-06-24",
    });
  });

  it("counts someone who started on the day the requirement began from that day", () => {
    expect(status("2018-06-01", { employee: { startDate: "2018-05-25" }, course: gdpr })).toMatchObject({
      kind: "missing",
      due: "2018-06-24",
    });
  });

  it("counts someone who started after the requirement from their start date", () => {
    expect(status("2018-12-20", { employee: { startDate: "2018-12-01" }, course: gdpr })).toMatchObject({
      kind: "missing",
      due: "2018-12-31",
    });
  });

  it("lets the campaign deadline win for staff employed before it", () => {
    const course = { requiredFrom: "2025-06-19", campaignDeadline: "2025-12-31" };
    expect(status("2025-11-01", { employee: { startDate: "2010-01-01" }, course })).toMatchObject({
      kind: "missing",
      due: "2025-12-31",
    });
    // Hired after the campaign deadline: the ordinary due period from the start date.
    expect(status("2026-01-20", { employee: { startDate: "2026-01-10" }, course })).toMatchObject({
      kind: "missing",
      due: "2026-02-09",
    });
  });

  it("leaves an expired completion's due date at its expiry", () => {
    expect(status("2025-01-01", { course: gdpr, completions: [done("2023-03-01")] })).toMatchObject({
      kind: "overdue",
      due: "2024-03-01",
    });
  });
});

describe("courseStatus: annulled rows count as if they never were", () => {
  it("ignores an annulled completion", () => {
    const completions = [{ ...done("2025-01-15"), annulled: true }];
    expect(status("2025-03-01", { completions })).toEqual({
      kind: "overdue",
      due: "2020-03-31",
      lastCompletedOn: null,
    });
  });

  it("falls back to the earlier completion when the latest is annulled", () => {
    const completions = [done("2024-06-01"), { ...done("2025-01-15"), annulled: true }];
    expect(status("2025-03-01", { completions })).toMatchObject({
      kind: "completed",
      validUntil: "2025-06-01",
      lastCompletedOn: "2024-06-01",
    });
  });

  it("ignores an annulled exemption", () => {
    const exemption = { validFrom: "2025-01-01", validUntil: null };
    const exemptions = [{ ...exemption, annulled: true }];
    expect(status("2025-03-01", { exemptions }).kind).toBe("overdue");
    expect(status("2025-03-01", { exemptions: [{ ...exemption, annulled: false }] }).kind).toBe("exempt");
  });
});

describe("courseStatus: completions", () => {
  it("is completed with valid-until a year after the completion", () => {
    expect(status("2025-03-01", { completions: [done("2025-01-15")] })).toEqual({
      kind: "completed",
      validUntil: "2026-01-15",
      lastCompletedOn: "2025-01-15",
    });
  });

  it("counts a completion on the start date", () => {
    expect(
      status("2025-09-01", {
        employee: { startDate: "2025-09-01" },
        completions: [done("2025-09-01")],
      }),
    ).toMatchObject({ kind: "completed", validUntil: "2026-09-01" });
  });

  it("counts a completion taken before employment (e.g. a rehire) while it is valid", () => {
    expect(
      status("2025-09-01", {
        employee: { startDate: "2025-08-01" },
        completions: [done("2025-03-01")],
      }),
    ).toMatchObject({ kind: "completed", validUntil: "2026-03-01" });
  });

  it("turns 'expiring soon' 30 days before expiry and counts as completed", () => {
    const completions = [done("2025-01-15")];
    expect(status("2025-12-15", { completions }).kind).toBe("completed"); // 31 days left
    const soon = status("2025-12-16", { completions }); // 30 days left
    expect(soon.kind).toBe("expiringSoon");
    expect(isNotCompleted(soon)).toBe(false);
    expect(status("2026-01-14", { completions }).kind).toBe("expiringSoon");
  });

  it("is missing on the expiry day itself, with the expiry as the due date", () => {
    const completions = [done("2025-01-15")];
    expect(status("2026-01-15", { completions })).toEqual({
      kind: "missing",
      due: "2026-01-15",
      lastCompletedOn: "2025-01-15",
    });
    expect(status("2026-01-16", { completions })).toEqual({
      kind: "overdue",
      due: "2026-01-15",
      lastCompletedOn: "2025-01-15",
    });
  });

  it("follows addMonths for 29 February: valid until 28 February the next year", () => {
    const completions = [done("2024-02-29")];
    expect(status("2025-02-27", { completions })).toMatchObject({
      kind: "expiringSoon",
      validUntil: "2025-02-28",
    });
    expect(status("2025-02-28", { completions })).toMatchObject({
      kind: "missing",
      due: "2025-02-28",
    });
  });

  it("lets the latest completion decide, whatever the order", () => {
    const completions = [done("2025-06-01"), done("2024-05-01")];
    expect(status("2025-07-01", { completions })).toMatchObject({
      kind: "completed",
      validUntil: "2026-06-01",
      lastCompletedOn: "2025-06-01",
    });
  });

  it("ignores completions for the status of a future starter", () => {
    expect(
      status("2025-01-01", {
        employee: { startDate: "2025-02-01" },
        completions: [done("2024-12-01")],
      }).kind,
    ).toBe("notListed");
  });
});

describe("courseStatus: exemptions", () => {
  const exemption: StatusExemption = { validFrom: "2025-01-01", validUntil: "2025-06-30" };

  it("is exempt while the exemption covers the date, including its last day", () => {
    expect(status("2025-01-01", { exemptions: [exemption] })).toEqual({
      kind: "exempt",
      until: "2025-06-30",
    });
    expect(status("2025-06-30", { exemptions: [exemption] }).kind).toBe("exempt");
  });

  it("falls back to the ordinary rule when the exemption has ended", () => {
    expect(status("2025-07-01", { exemptions: [exemption] }).kind).toBe("overdue");
    expect(status("2025-07-01", { exemptions: [exemption], completions: [done("2025-06-15")] }).kind).toBe(
      "completed",
    );
  });

  it("does not apply an exemption before it starts", () => {
    expect(status("2024-12-31", { exemptions: [exemption] }).kind).toBe("overdue");
  });

  it("supports an open-ended exemption", () => {
    expect(status("2030-01-01", { exemptions: [{ validFrom: "2025-01-01", validUntil: null }] })).toEqual({
      kind: "exempt",
      until: null,
    });
  });

  it("does not list a leaver even with an exemption", () => {
    expect(
      status("2025-03-01", {
        employee: { endDate: "2025-02-01" },
        exemptions: [exemption],
      }).kind,
    ).toBe("notListed");
  });
});

describe("courseStatus: course versions", () => {
  const twoVersions = (material: boolean): Partial<StatusCourse> => ({
    versions: [
      { version: "1.0", publishedOn: "2024-01-01", material: true, reattestDays: 30 },
      { version: "2.0", publishedOn: "2025-09-01", material, reattestDays: 30 },
    ],
  });

  it("ends earlier-version completions at publication + window for a material version", () => {
    const completion = done("2025-06-01", "1.0");
    const completions = [completion];
    const course = twoVersions(true);
    expect(completionExpiry(completion, { ...courseBase(), ...course })).toBe("2025-10-01");
    expect(status("2025-09-15", { course, completions })).toMatchObject({
      kind: "expiringSoon",
      validUntil: "2025-10-01",
    });
    expect(status("2025-10-01", { course, completions })).toMatchObject({
      kind: "missing",
      due: "2025-10-01",
    });
  });

  it("keeps the ordinary expiry when it comes before the re-attestation deadline", () => {
    const completions = [done("2024-09-10", "1.0")];
    expect(status("2025-09-05", { course: twoVersions(true), completions })).toMatchObject({
      kind: "expiringSoon",
      validUntil: "2025-09-10",
    });
  });

  it("changes nothing for a minor version", () => {
    const completions = [done("2025-06-01", "1.0")];
    expect(status("2025-10-15", { course: twoVersions(false), completions })).toMatchObject({
      kind: "completed",
      validUntil: "2026-06-01",
    });
  });

  it("keeps completions of the new version valid for the full period", () => {
    const completions = [done("2025-06-01", "1.0"), done("2025-09-20", "2.0")];
    expect(status("2025-11-01", { course: twoVersions(true), completions })).toMatchObject({
      kind: "completed",
      validUntil: "2026-09-20",
    });
  });
});

describe("courseStatus: as of a date, later events do not count yet", () => {
  it("ignores a completion dated after the day asked about (a past month end in the trend)", () => {
    // Overdue last January, completed in November: January's status is still overdue.
    const completions = [done("2023-11-01"), done("2025-11-20")];
    expect(status("2025-01-31", { completions })).toEqual({
      kind: "overdue",
      due: "2024-11-01",
      lastCompletedOn: "2023-11-01",
    });
    expect(status("2025-11-30", { completions })).toMatchObject({
      kind: "completed",
      validUntil: "2026-11-20",
    });
  });

  it("does not let a completion after the day decide the frist of someone who never completed", () => {
    const completions = [done("2025-11-20")];
    expect(status("2025-03-31", { employee: { startDate: "2025-01-01" }, completions })).toEqual({
      kind: "overdue",
      due: "2025-01-31",
      lastCompletedOn: null,
    });
  });

  it("ignores a material version published after the day asked about", () => {
    const course: Partial<StatusCourse> = {
      versions: [
        { version: "1.0", publishedOn: "2024-01-01", material: true, reattestDays: 10 },
        { version: "2.0", publishedOn: "2025-09-01", material: true, reattestDays: 10 },
      ],
    };
    const completions = [done("2025-06-01", "1.0")];
    // On 25 August version 2.0 does not exist yet: valid for the full year, not expiring 11 September.
    expect(status("2025-08-25", { course, completions })).toMatchObject({
      kind: "completed",
      validUntil: "2026-06-01",
    });
    expect(status("2025-09-05", { course, completions })).toMatchObject({
      kind: "expiringSoon",
      validUntil: "2025-09-11",
    });
  });
});

function courseBase(): StatusCourse {
  return course;
}
