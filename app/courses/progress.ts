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

/**
 * The quiz is open once the module's last page has been reached, or straight away for someone
 * who has completed the course before (a retake). The course page's "Tag quizzen", the module
 * page's "Spring læsningen over" and a page turn past the end all follow this one rule.
 */
export function isQuizOpen(input: {
  hasCompletion: boolean;
  /** 0-based; null before the first page turn. */
  furthestPage: number | null;
  pageCount: number;
}): boolean {
  return input.hasCompletion || (input.furthestPage ?? -1) >= input.pageCount - 1;
}

export type PageTurn = { save: number; goTo: { page: number } | "quiz" };

/**
 * Where a page turn to the 0-based `requested` page leads, and which page it records as read.
 * Past the last page comes the quiz, but only when it is open by the rule above (judged before
 * this turn); otherwise the turn lands on the last page, so its contents are shown before the quiz.
 */
export function pageTurn(input: { requested: number; pageCount: number; quizOpen: boolean }): PageTurn {
  const last = input.pageCount - 1;
  if (input.requested <= last) return { save: input.requested, goTo: { page: input.requested } };
  return { save: last, goTo: input.quizOpen ? "quiz" : { page: last } };
}
