import { Link } from "@remix-run/react";
import type { StatusCounts } from "~/compliance/summary";
import { formatCount, formatPercent } from "./format";
import { missingOverduePhrase, notCompletedPhrase } from "./status-words";

export interface UnitSummaryItem {
  id: number;
  name: string;
  counts: Record<string, StatusCounts>;
}

/** Units as cards with, per course, the completion rate and who has not completed (Mangler, Overskredet). */
export function UnitSummaryList({
  units,
  courses,
  headingLevel = 2,
}: {
  units: UnitSummaryItem[];
  courses: { code: string; title: string }[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="mt-4 grid gap-4 md:grid-cols-2">
      {units.map((unit) => (
        <li key={unit.id} className="rounded-lg bg-white p-5 shadow-sm">
          <Heading className="text-lg font-semibold">
            <Link to={`/enheder/${unit.id}`}>{unit.name}</Link>
          </Heading>
          <dl className="mt-3 space-y-3">
            {courses.map((course) => {
              const c = unit.counts[course.code];
              if (!c) return null;
              return (
                <div key={course.code}>
                  <dt className="text-sm font-semibold">{course.title}</dt>
                  <dd className="text-sm">
                    <span className="font-semibold">{formatPercent(c.completionRate)} gennemført</span>
                    {" · "}
                    {notCompletedPhrase(c)} ({missingOverduePhrase(c)})
                    {c.exempt > 0 ? ` · ${formatCount(c.exempt)} fritaget` : ""}
                    <span className="text-muted"> (af {formatCount(c.total)})</span>
                  </dd>
                </div>
              );
            })}
          </dl>
        </li>
      ))}
    </ul>
  );
}
