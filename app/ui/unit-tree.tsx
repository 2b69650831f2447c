import { Link } from "@remix-run/react";
import type { StatusCounts } from "~/compliance/summary";
import { formatPercent } from "./format";
import { notCompletedCount, notCompletedPhrase } from "./status-words";

export interface UnitTreeItem {
  id: number;
  parentId: number | null;
  name: string;
  counts: Record<string, StatusCounts>;
  /** Units directly below this one that the tree leaves out (they are on the unit's page). */
  childrenNotShown?: number;
}

/** Units in scope as a nested list, each with the completion rate and how many have not completed per course. */
export function UnitTree({
  units,
  courses,
}: {
  units: UnitTreeItem[];
  courses: { code: string; title: string }[];
}) {
  // Grouped once: a unit whose parent is not in the list starts a tree of its own.
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, UnitTreeItem[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent);
    if (list) list.push(u);
    else children.set(parent, [u]);
  }
  const childrenOf = (parentId: number | null) => children.get(parentId) ?? [];

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
              {u.childrenNotShown ? (
                <p className="text-sm">
                  {u.childrenNotShown === 1
                    ? "1 underenhed – se den på enhedens side."
                    : `${u.childrenNotShown} underenheder – se dem på enhedens side.`}
                </p>
              ) : null}
            </div>
            {renderLevel(u.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return renderLevel(null, 0);
}
