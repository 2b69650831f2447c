// The completion rate at each month end over the last year, computed with the one status rule.
import { endOfMonth, format, parse, subMonths } from "date-fns";
import { da } from "date-fns/locale";
import type { Day } from "./day";
import { countStatusesAsOf, type PeopleData } from "./people-data";

/** The last `count` month ends up to `asOf`; the current month counts as of `asOf` itself. */
export function monthEnds(asOf: Day, count = 12): Day[] {
  const date = parse(asOf, "yyyy-MM-dd", new Date());
  const days: Day[] = [];
  for (let i = count - 1; i >= 1; i--) days.push(format(endOfMonth(subMonths(date, i)), "yyyy-MM-dd"));
  days.push(asOf);
  return days;
}

/** "nov. 2026" */
export function monthLabel(day: Day): string {
  return format(parse(day, "yyyy-MM-dd", new Date()), "MMM yyyy", { locale: da });
}

export interface TrendSeries {
  code: string;
  name: string;
  points: { day: Day; label: string; value: number | null }[];
}

export function completionTrend(data: PeopleData, days: readonly Day[]): TrendSeries[] {
  const byDay = days.map((day) => ({ day, counts: countStatusesAsOf(data, day) }));
  return data.courses.map((course) => ({
    code: course.code,
    name: course.title,
    points: byDay.map(({ day, counts }) => ({
      day,
      label: monthLabel(day),
      value: counts[course.code]?.completionRate ?? null,
    })),
  }));
}
