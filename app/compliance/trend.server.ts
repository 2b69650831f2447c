// The completion-rate trend of a unit: the last 12 month ends (the current month as of today).
import type { Viewer } from "~/auth/scope";
import type { CourseInfo } from "./courses.server";
import type { Day } from "./day";
import { loadPeopleData } from "./people.server";
import { completionTrend, monthEnds, type TrendSeries } from "./trend";

export function unitTrend(input: {
  viewer: Viewer;
  unitPath: string;
  asOf: Day;
  courses: CourseInfo[];
}): TrendSeries[] {
  const days = monthEnds(input.asOf);
  const data = loadPeopleData({
    viewer: input.viewer,
    unitPath: input.unitPath,
    from: days[0] ?? input.asOf,
    to: input.asOf,
    courses: input.courses,
  });
  return completionTrend(data, days);
}
