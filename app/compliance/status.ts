// The status rule: the product's "status of one employee in one course", as the README's "How it
// is built" describes it (written down with the client in PRODUCT.md, outside this repository).
// Every page, export and command decides status through `courseStatus`, so they can never disagree.
import { addDaysToDay, addMonthsToDay, type Day, daysBetween, minDay } from "./day";

export const EXPIRING_SOON_DAYS = 30;

export interface StatusEmployee {
  startDate: Day;
  endDate: Day | null;
}

export interface StatusCourseVersion {
  version: string;
  publishedOn: Day;
  material: boolean;
  reattestDays: number;
}

export interface StatusCourse {
  validityMonths: number;
  dueDays: number;
  campaignDeadline: Day | null;
  /** When the requirement began: no one is due before requiredFrom + dueDays. */
  requiredFrom: Day | null;
  /** Published versions, oldest first. */
  versions: readonly StatusCourseVersion[];
}

export interface StatusCompletion {
  completedOn: Day;
  courseVersion: string;
  /** HR annulled it (a mistake): it counts as if it never was. */
  annulled?: boolean;
}

export interface StatusExemption {
  validFrom: Day;
  /** Inclusive; null means until further notice. */
  validUntil: Day | null;
  /** HR annulled it (a mistake): it counts as if it never was. */
  annulled?: boolean;
}

export type CourseStatus =
  | { kind: "notListed" }
  | { kind: "exempt"; until: Day | null }
  | { kind: "completed"; validUntil: Day; lastCompletedOn: Day }
  | { kind: "expiringSoon"; validUntil: Day; lastCompletedOn: Day }
  | { kind: "missing"; due: Day; lastCompletedOn: Day | null }
  | { kind: "overdue"; due: Day; lastCompletedOn: Day | null };

export type StatusKind = CourseStatus["kind"];
export type ListedStatusKind = Exclude<StatusKind, "notListed">;

/** The Danish word for each status, as pages and exports show it. */
export const STATUS_LABEL: Record<ListedStatusKind, string> = {
  exempt: "Fritaget",
  completed: "Gennemført",
  expiringSoon: "Udløber snart",
  missing: "Mangler",
  overdue: "Overskredet",
};

/** "Who hasn't completed" means Mangler or Overskredet. */
export function isNotCompleted(status: CourseStatus): boolean {
  return status.kind === "missing" || status.kind === "overdue";
}

// A completion's expiry depends only on its date, its version, the course and how many versions
// were out, so it is computed once per course object: a 12-month trend evaluates it twelve times.
const expiryCache = new WeakMap<StatusCourse, Map<string, Day>>();

/**
 * The first day a completion no longer counts ("valid while asOf < expiry").
 * A material version published after the completion's version cuts it to publishedOn + window.
 * `asOf` leaves out versions published after that day (a status as of last January knows nothing
 * of a version from November); without it every published version counts.
 */
export function completionExpiry(completion: StatusCompletion, course: StatusCourse, asOf?: Day): Day {
  const published = asOf === undefined ? course.versions.length : versionsPublishedBy(course, asOf);
  let cache = expiryCache.get(course);
  if (!cache) {
    cache = new Map();
    expiryCache.set(course, cache);
  }
  const key = `${completion.completedOn}|${completion.courseVersion}|${published}`;
  let expiry = cache.get(key);
  if (expiry === undefined) {
    expiry = computeExpiry(completion, course, published);
    cache.set(key, expiry);
  }
  return expiry;
}

/** How many of the course's versions (oldest first) were published on or before `asOf`. */
function versionsPublishedBy(course: StatusCourse, asOf: Day): number {
  let count = 0;
  while (count < course.versions.length && (course.versions[count]?.publishedOn ?? "") <= asOf) count++;
  return count;
}

function computeExpiry(completion: StatusCompletion, course: StatusCourse, published: number): Day {
  let expiry = addMonthsToDay(completion.completedOn, course.validityMonths);
  const versions = course.versions.slice(0, published);
  const completedIndex = versions.findIndex((v) => v.version === completion.courseVersion);
  versions.forEach((version, index) => {
    // An unknown version (e.g. from an old import) is treated as older than every published one.
    const isLater = completedIndex === -1 || index > completedIndex;
    if (isLater && version.material) {
      expiry = minDay(expiry, addDaysToDay(version.publishedOn, version.reattestDays));
    }
  });
  return expiry;
}

/** The completion that lasts longest as of `asOf` (normally the latest one) and the latest completion date. */
export function bestCompletion(
  completions: readonly StatusCompletion[],
  course: StatusCourse,
  asOf?: Day,
): { best: { expiry: Day; completedOn: Day } | null; lastCompletedOn: Day | null } {
  let best: { expiry: Day; completedOn: Day } | null = null;
  let lastCompletedOn: Day | null = null;
  for (const c of completions) {
    if (c.annulled) continue;
    // A completion dated after the day asked about had not happened yet.
    if (asOf !== undefined && c.completedOn > asOf) continue;
    const expiry = completionExpiry(c, course, asOf);
    if (best === null || expiry > best.expiry) best = { expiry, completedOn: c.completedOn };
    if (lastCompletedOn === null || c.completedOn > lastCompletedOn) lastCompletedOn = c.completedOn;
  }
  return { best, lastCompletedOn };
}

/** The frist of someone with no completion: the campaign deadline, or the due period from start or requiredFrom. */
export function dueWithoutCompletion(employee: StatusEmployee, course: StatusCourse): Day {
  if (course.campaignDeadline !== null && employee.startDate < course.campaignDeadline) {
    return course.campaignDeadline;
  }
  // No one is due before the requirement existed: staff employed before it count from then.
  const from =
    course.requiredFrom !== null && course.requiredFrom > employee.startDate
      ? course.requiredFrom
      : employee.startDate;
  return addDaysToDay(from, course.dueDays);
}

export function courseStatus(input: {
  employee: StatusEmployee;
  course: StatusCourse;
  completions: readonly StatusCompletion[];
  exemptions: readonly StatusExemption[];
  asOf: Day;
}): CourseStatus {
  const { employee, course, asOf } = input;
  const completions = input.completions;
  const exemptions = input.exemptions.filter((e) => !e.annulled);

  // Leavers drop out from their end date; future starters are not on the list yet.
  if (employee.endDate !== null && employee.endDate <= asOf) return { kind: "notListed" };
  if (employee.startDate > asOf) return { kind: "notListed" };

  const exemption = exemptions.find(
    (e) => e.validFrom <= asOf && (e.validUntil === null || asOf <= e.validUntil),
  );
  if (exemption) return { kind: "exempt", until: exemption.validUntil };

  const { best, lastCompletedOn } = bestCompletion(completions, course, asOf);
  if (best !== null && asOf < best.expiry) {
    const kind = daysBetween(asOf, best.expiry) <= EXPIRING_SOON_DAYS ? "expiringSoon" : "completed";
    return { kind, validUntil: best.expiry, lastCompletedOn: best.completedOn };
  }

  const due = best !== null ? best.expiry : dueWithoutCompletion(employee, course);
  return { kind: asOf <= due ? "missing" : "overdue", due, lastCompletedOn };
}
