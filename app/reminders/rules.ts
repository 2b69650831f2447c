// The reminder rules (issue 13), pure so they are unit-tested without a database or a clock.
//
// The daily job, per person and course that is not completed (or runs out soon):
//   "before_due" once when the frist is 1-14 days away, "on_due" on the frist, "after_due" 7 days
//   after it. A step missed (the job did not run that day) is caught up within the week after
//   its day, never later, so a frist from years ago sends nothing automatically.
// New hires get one welcome on their first day (caught up within the week).
// Whoever triggers it (the job or a manager), a person gets at most one reminder per course per
// 7 days, and never about a course they are exempt from or after they have left.
import { format, parseISO, startOfISOWeek } from "date-fns";
import { addDaysToDay, type Day, daysBetween } from "~/compliance/day";
import type { CourseStatus } from "~/compliance/status";

export const REMINDER_GAP_DAYS = 7;
export const BEFORE_DUE_DAYS = 14;
export const AFTER_DUE_DAYS = 7;
/** How long after its day a step that was missed is still sent. */
const CATCH_UP_DAYS = 6;

export const DAILY_STEPS = ["before_due", "on_due", "after_due"] as const;
export type DailyStep = (typeof DAILY_STEPS)[number];

/** What a person and course are reminded of: the frist, or null when there is nothing to remind. */
export function reminderFrist(status: CourseStatus): Day | null {
  if (status.kind === "missing" || status.kind === "overdue") return status.due;
  // Still valid but running out: the day it runs out is the next frist.
  if (status.kind === "expiringSoon") return status.validUntil;
  return null;
}

/** Which step of the daily job belongs to `day` for a frist, or null. */
export function stepFor(frist: Day, day: Day): DailyStep | null {
  const daysLeft = daysBetween(day, frist);
  if (daysLeft >= 1 && daysLeft <= BEFORE_DUE_DAYS) return "before_due";
  if (daysLeft <= 0 && daysLeft >= -CATCH_UP_DAYS) return "on_due";
  if (daysLeft <= -AFTER_DUE_DAYS && daysLeft >= -(AFTER_DUE_DAYS + CATCH_UP_DAYS)) return "after_due";
  return null;
}

/** The 7-day rule: may a person get a reminder about a course on `day`, the last one on `lastSentOn`? */
export function mayRemind(lastSentOn: Day | null, day: Day): boolean {
  return lastSentOn === null || daysBetween(lastSentOn, day) >= REMINDER_GAP_DAYS;
}

export interface SentReminder {
  kind: string;
  dueOn: Day | null;
  sentOn: Day;
}

export function lastSentOn(sent: readonly SentReminder[]): Day | null {
  return sent.reduce<Day | null>((last, r) => (last === null || r.sentOn > last ? r.sentOn : last), null);
}

/**
 * The daily job's step for one person and course on `day`, given what was sent about that course
 * before, or null. Each step goes once per frist; a later step sent makes the earlier ones moot.
 */
export function dailyStepDue(input: {
  status: CourseStatus;
  day: Day;
  sent: readonly SentReminder[];
}): { step: DailyStep; frist: Day } | null {
  const frist = reminderFrist(input.status);
  if (frist === null) return null;
  const step = stepFor(frist, input.day);
  if (step === null) return null;
  const position = DAILY_STEPS.indexOf(step);
  const done = input.sent.some(
    (r) => r.dueOn === frist && DAILY_STEPS.indexOf(r.kind as DailyStep) >= position,
  );
  if (done || !mayRemind(lastSentOn(input.sent), input.day)) return null;
  return { step, frist };
}

/** Whether a person's welcome is due: from their first day, for a week, once. */
export function newHireWelcomeDue(startDate: Day, day: Day, sentWelcome: boolean): boolean {
  const since = daysBetween(startDate, day);
  return !sentWelcome && since >= 0 && since <= CATCH_UP_DAYS;
}

/** A course a manager may remind someone of: not completed, and the 7-day rule allows it. */
export function manualReminderAllowed(status: CourseStatus, sent: readonly SentReminder[], day: Day) {
  if (status.kind !== "missing" && status.kind !== "overdue") return "completed" as const;
  return mayRemind(lastSentOn(sent), day) ? ("allowed" as const) : ("recent" as const);
}

/** The Monday of `day`'s week: the weekly digest goes with the first run of each week. */
export function weekStart(day: Day): Day {
  return format(startOfISOWeek(parseISO(day)), "yyyy-MM-dd");
}

/** Whether a manager's weekly digest is due, the last one sent on `lastDigestOn`. */
export function digestDue(lastDigestOn: Day | null, day: Day): boolean {
  return lastDigestOn === null || lastDigestOn < weekStart(day);
}

/** The earliest day the 7-day rule allows the next reminder. */
export function nextAllowedDay(lastSent: Day): Day {
  return addDaysToDay(lastSent, REMINDER_GAP_DAYS);
}
