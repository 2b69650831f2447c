import { Link } from "@remix-run/react";
import type { StatusCounts } from "~/compliance/summary";
import { formatPercent } from "./format";
import { notCompletedCount, notCompletedPhrase } from "./status-words";

export interface UnitTreeItem {
  id: number;
  parentId: number | null;
  name: string;
  counts: Record<string, StatusCounts>;
}

/** Units in scope as a nested list, each with the completion rate and how many have not completed per course. */
export function UnitTree({
  units,
  courses,
}: {
  units: UnitTreeItem[];
  courses: { code: string; title: string }[];
}) {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = (parentId: number | null) =>
    units.filter((u) => (u.parentId !== null && ids.has(u.parentId) ? u.parentId : null) === parentId);

  const renderLevel = (parentId: number | null, depth: number) => {
    const level = childrenOf(parentId);
    if (level.length === 0) return null;
    return (
      <ul
        className={depth === 0 ? "mt-4 space-y-2" : "mt-2 space-y-2 border-l-2 border-brand-100 pl-3 sm:pl-5"}
      >
        {level.map((u) => (
          <li key={u.id}>
            <div className="rounded bg-white px-3 py-2 shadow-sm">
              <Link to={`/enheder/${u.id}`} className="font-semibold">
                {u.name}
              </Link>
              <p className="text-sm">
                {courses.map((c, i) => {
                  const n = u.counts[c.code];
                  if (!n) return null;
                  return (
                    <span key={c.code}>
                      {i > 0 ? " · " : ""}
                      {c.title}: <span className="font-semibold">{formatPercent(n.completionRate)}</span>
                      {notCompletedCount(n) > 0 ? ` (${notCompletedPhrase(n)})` : ""}
                    </span>
                  );
                })}
              </p>
            </div>
            {renderLevel(u.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return renderLevel(null, 0);
}
