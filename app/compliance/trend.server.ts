// The completion-rate trend of a unit: the last 12 month ends, the current month as of today.
// The past month ends come from the kept month-end counts (moved by every write in its own
// transaction, exact with the rule); today's point from the kept status. A day the kept data
// does not cover (a report for an earlier day, or a month that has ended since the last build)
// is computed from the history with the rule.
import { sql } from "drizzle-orm";
import type { Viewer } from "~/auth/scope";
import { getDb } from "~/db.server";
import type { CourseInfo } from "./courses.server";
import type { Day } from "./day";
import { monthEndsCurrent } from "./kept-status.server";
import { keptStatusCovers, loadPeopleData } from "./people.server";
import { countUnits, keptCountPaths, keptScopeSql } from "./status-queries.server";
import { completionTrend, monthEnds, monthLabel, type TrendSeries } from "./trend";

export function unitTrend(input: {
  viewer: Viewer;
  unitPath: string;
  asOf: Day;
  courses: CourseInfo[];
}): TrendSeries[] {
  const { viewer, unitPath, asOf, courses } = input;
  const days = monthEnds(asOf);
  if (!keptStatusCovers(asOf) || !monthEndsCurrent(getDb(), asOf)) {
    const data = loadPeopleData({ viewer, unitPath, from: days[0] ?? asOf, to: asOf, courses });
    return completionTrend(data, days);
  }
  const rate = new Map<string, number | null>();
  for (const row of getDb().all<{
    monthEnd: Day;
    courseId: number;
    listed: number;
    exempt: number;
    done: number;
  }>(sql`
    SELECT t.month_end AS monthEnd, t.course_id AS courseId, sum(t.listed) AS listed, sum(t.exempt) AS exempt, sum(t.done) AS done
    FROM kept_month_count t
    WHERE t.month_end IN (${sql.join(
      days.slice(0, -1).map((d) => sql`${d}`),
      sql`, `,
    )}) AND t.unit_path IN (${sql.join(
      keptCountPaths(viewer, unitPath).map((p) => sql`${p}`),
      sql`, `,
    )}) AND ${keptScopeSql("t", viewer, "/")}
    GROUP BY 1, 2`)) {
    const mustComplete = row.listed - row.exempt;
    rate.set(`${row.monthEnd}|${row.courseId}`, mustComplete === 0 ? null : row.done / mustComplete);
  }
  const now = countUnits({ viewer, unitPaths: [unitPath], asOf, courses, unitPath }).get(unitPath);
  return courses.map((course) => ({
    code: course.code,
    name: course.title,
    points: days.map((day) => ({
      day,
      label: monthLabel(day),
      value:
        day === asOf
          ? (now?.[course.code]?.completionRate ?? null)
          : (rate.get(`${day}|${course.id}`) ?? null),
    })),
  }));
}
