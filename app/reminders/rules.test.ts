import { describe, expect, it } from "vitest";
import type { CourseStatus } from "~/compliance/status";
import {
  dailyStepDue,
  digestDue,
  manualReminderAllowed,
  mayRemind,
  newHireWelcomeDue,
  reminderFrist,
  stepFor,
  weekStart,
} from "./rules";

const missing = (due: string): CourseStatus => ({ kind: "missing", due, lastCompletedOn: null });
const overdue = (due: string): CourseStatus => ({ kind: "overdue", due, lastCompletedOn: null });

describe("which step of the daily job is due", () => {
  it("14 days to 1 day before the frist: before; on it and the days after: on; a week after: after", () => {
    const frist = "2026-12-15";
    expect(stepFor(frist, "2026-11-30")).toBeNull(); // 15 days before
    expect(stepFor(frist, "2026-12-01")).toBe("before_due"); // 14 days
    expect(stepFor(frist, "2026-12-14")).toBe("before_due");
    expect(stepFor(frist, "2026-12-15")).toBe("on_due");
    expect(stepFor(frist, "2026-12-21")).toBe("on_due"); // a missed run caught up within the week
    expect(stepFor(frist, "2026-12-22")).toBe("after_due");
    expect(stepFor(frist, "2026-12-28")).toBe("after_due");
    expect(stepFor(frist, "2026-12-29")).toBeNull(); // long overdue: nothing automatic
  });

  it("reminds of the frist of a missing or overdue course, and of the end of one running out", () => {
    expect(reminderFrist(missing("2026-12-15"))).toBe("2026-12-15");
    expect(reminderFrist(overdue("2026-12-15"))).toBe("2026-12-15");
    expect(
      reminderFrist({ kind: "expiringSoon", validUntil: "2026-12-20", lastCompletedOn: "2025-12-20" }),
    ).toBe("2026-12-20");
    expect(
      reminderFrist({ kind: "completed", validUntil: "2027-06-01", lastCompletedOn: "2026-06-01" }),
    ).toBeNull();
    expect(reminderFrist({ kind: "exempt", until: null })).toBeNull();
    expect(reminderFrist({ kind: "notListed" })).toBeNull();
  });

  it("sends each step once per frist, and never an earlier step after a later one", () => {
    const status = missing("2026-12-15");
    const before = { kind: "before_due", dueOn: "2026-12-15", sentOn: "2026-12-01" };
    expect(dailyStepDue({ status, day: "2026-12-01", sent: [] })).toEqual({
      step: "before_due",
      frist: "2026-12-15",
    });
    expect(dailyStepDue({ status, day: "2026-12-08", sent: [before] })).toBeNull();
    expect(dailyStepDue({ status, day: "2026-12-15", sent: [before] })).toEqual({
      step: "on_due",
      frist: "2026-12-15",
    });
    const on = { kind: "on_due", dueOn: "2026-12-15", sentOn: "2026-12-15" };
    expect(dailyStepDue({ status: overdue("2026-12-15"), day: "2026-12-22", sent: [before, on] })).toEqual({
      step: "after_due",
      frist: "2026-12-15",
    });
    const after = { kind: "after_due", dueOn: "2026-12-15", sentOn: "2026-12-22" };
    expect(dailyStepDue({ status: overdue("2026-12-15"), day: "2026-12-23", sent: [after] })).toBeNull();
    // A before-step about an earlier frist (a renewal) does not count for a new one.
    const old = { kind: "before_due", dueOn: "2025-12-15", sentOn: "2025-12-01" };
    expect(dailyStepDue({ status, day: "2026-12-01", sent: [old] })?.step).toBe("before_due");
  });

  it("nothing for the exempt, the completed and leavers", () => {
    for (const status of [
      { kind: "exempt", until: null },
      { kind: "notListed" },
      { kind: "completed", validUntil: "2027-06-01", lastCompletedOn: "2026-06-01" },
    ] satisfies CourseStatus[]) {
      expect(dailyStepDue({ status, day: "2026-12-01", sent: [] })).toBeNull();
    }
  });
});

describe("the 7-day rule", () => {
  it("allows a reminder 7 days after the last one, not 6", () => {
    expect(mayRemind(null, "2026-12-01")).toBe(true);
    expect(mayRemind("2026-12-01", "2026-12-01")).toBe(false);
    expect(mayRemind("2026-12-01", "2026-12-07")).toBe(false);
    expect(mayRemind("2026-12-01", "2026-12-08")).toBe(true);
  });

  it("holds back the daily step after a manager's reminder, whatever its kind", () => {
    const manual = { kind: "manual", dueOn: "2026-12-15", sentOn: "2026-12-12" };
    expect(dailyStepDue({ status: missing("2026-12-15"), day: "2026-12-15", sent: [manual] })).toBeNull();
    // … and the missed on-due step is caught up once the week has passed.
    expect(dailyStepDue({ status: overdue("2026-12-15"), day: "2026-12-19", sent: [manual] })?.step).toBe(
      "on_due",
    );
  });

  it("a manager can remind of what is not completed, once per 7 days", () => {
    const sent = [{ kind: "before_due", dueOn: "2026-12-15", sentOn: "2026-12-01" }];
    expect(manualReminderAllowed(missing("2026-12-15"), sent, "2026-12-07")).toBe("recent");
    expect(manualReminderAllowed(missing("2026-12-15"), sent, "2026-12-08")).toBe("allowed");
    expect(manualReminderAllowed({ kind: "exempt", until: null }, [], "2026-12-08")).toBe("completed");
  });
});

describe("new hires and the weekly digest", () => {
  it("welcomes a new hire on the first day, once, caught up within the week", () => {
    expect(newHireWelcomeDue("2026-12-01", "2026-11-30", false)).toBe(false);
    expect(newHireWelcomeDue("2026-12-01", "2026-12-01", false)).toBe(true);
    expect(newHireWelcomeDue("2026-12-01", "2026-12-07", false)).toBe(true);
    expect(newHireWelcomeDue("2026-12-01", "2026-12-08", false)).toBe(false);
    expect(newHireWelcomeDue("2026-12-01", "2026-12-01", true)).toBe(false);
  });

  it("sends the digest with the first run of each week (Monday to Sunday)", () => {
    expect(weekStart("2026-12-03")).toBe("2026-11-30"); // a Thursday
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weekStart("2026-12-06")).toBe("2026-11-30"); // Sunday belongs to the same week
    expect(digestDue(null, "2026-12-03")).toBe(true);
    expect(digestDue("2026-11-30", "2026-12-06")).toBe(false);
    expect(digestDue("2026-12-06", "2026-12-07")).toBe(true);
  });
});
