// One meaning per word (issue 12): "Mangler" = not completed, frist not passed; "Overskredet" =
// not completed, frist passed; "Ikke gennemført" = the two together. Cards, tree, charts and lists
// take their words and numbers from here, so no page uses one word for two counts.
import type { StatusCounts } from "~/compliance/summary";
import { formatCount } from "./format";

type Counts = Pick<StatusCounts, "missing" | "overdue">;

export function notCompletedCount(c: Counts): number {
  return c.missing + c.overdue;
}

/** "118 ikke gennemført" */
export function notCompletedPhrase(c: Counts): string {
  return `${formatCount(notCompletedCount(c))} ikke gennemført`;
}

/** "69 mangler · 49 overskredet" */
export function missingOverduePhrase(c: Counts): string {
  return `${formatCount(c.missing)} mangler · ${formatCount(c.overdue)} overskredet`;
}

/** The bar chart's data for units under one: share completed, and how many have not completed. */
export function completionBars(
  units: readonly { name: string; counts: Record<string, StatusCounts> }[],
  courseCode: string,
): { label: string; value: number | null; detail: string }[] {
  return units.map((u) => {
    const c = u.counts[courseCode];
    return {
      label: u.name,
      value: c?.completionRate ?? null,
      detail: notCompletedPhrase(c ?? { missing: 0, overdue: 0 }),
    };
  });
}
