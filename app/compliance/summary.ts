// Counting statuses for overviews. Pure: the numbers on every overview come from here.
import type { CourseStatus, ListedStatusKind } from "./status";

export type StatusCounts = Record<ListedStatusKind, number> & {
  /** Listed employees (exempt included). */
  total: number;
  /** Completed or expiring soon, as a share of those who must complete (exempt excluded). */
  completionRate: number | null;
};

export function countStatuses(statuses: Iterable<CourseStatus>): StatusCounts {
  const counts = { exempt: 0, completed: 0, expiringSoon: 0, missing: 0, overdue: 0 };
  for (const s of statuses) {
    if (s.kind !== "notListed") counts[s.kind]++;
  }
  return statusCounts(counts);
}

/** The counts with their total and completion rate, from the number of people in each status. */
export function statusCounts(counts: Record<ListedStatusKind, number>): StatusCounts {
  const total = counts.exempt + counts.completed + counts.expiringSoon + counts.missing + counts.overdue;
  const mustComplete = total - counts.exempt;
  const done = counts.completed + counts.expiringSoon;
  return { ...counts, total, completionRate: mustComplete === 0 ? null : done / mustComplete };
}
