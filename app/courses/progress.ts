// Where an employee stands in a course's current cycle. Pure.
import type { Day } from "~/compliance/day";
import type { CourseStatus } from "~/compliance/status";

export interface AttemptSummary {
  moduleSlug: string;
  courseVersion: string;
  passed: boolean;
  score: number;
  submittedOn: Day;
}

/**
 * A cycle is one round of the course: it starts after the latest completion (any source), so
 * next year's retake needs the quizzes passed again, on the current version.
 */
export function passedModules(
  attempts: readonly AttemptSummary[],
  version: string,
  cycleStartsAfter: Day | null,
) {
  const best = new Map<string, number>();
  for (const a of attempts) {
    if (!a.passed || a.courseVersion !== version) continue;
    if (cycleStartsAfter !== null && a.submittedOn <= cycleStartsAfter) continue;
    best.set(a.moduleSlug, Math.max(best.get(a.moduleSlug) ?? 0, a.score));
  }
  return best;
}

/** The day of the latest completion behind a status, if any. */
export function lastCompletedOn(status: CourseStatus): Day | null {
  return "lastCompletedOn" in status ? status.lastCompletedOn : null;
}

/**
 * The due date (or expiry) a new completion answers. Two submits in the same cycle get the same
 * key, so the database's unique index keeps exactly one completion.
 */
export function completionCycleKey(statusWithoutExemption: CourseStatus): string {
  switch (statusWithoutExemption.kind) {
    case "missing":
    case "overdue":
      return statusWithoutExemption.due;
    case "completed":
    case "expiringSoon":
      return statusWithoutExemption.validUntil;
    default:
      throw new Error(`Ingen gennemførelse kan registreres med status ${statusWithoutExemption.kind}`);
  }
}

/** Whether a new completion may be recorded now: not while the course is already done. */
export function canRenew(statusWithoutExemption: CourseStatus): boolean {
  return ["missing", "overdue", "expiringSoon"].includes(statusWithoutExemption.kind);
}
