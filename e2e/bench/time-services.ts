// `DATABASE_PATH=bench-results/bench-N.db npx tsx e2e/bench/time-services.ts [--rebuild]`: times the
// kept-status service functions directly on a bench database (no server), for profiling issue 14.

import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { rebuildKeptStatus } from "~/compliance/kept-status.server";
import { NOT_COMPLETED_QUERY } from "~/compliance/people-list";
import { buildPeopleList } from "~/compliance/people-view.server";
import { countByUnitPath } from "~/compliance/status-queries.server";
import { unitTrend } from "~/compliance/trend.server";
import {
  listOverviewUnits,
  listTopUnitsInScope,
  listUnitsInScope,
  summarizeUnitsAsOf,
} from "~/compliance/units.server";

const asOf = today();
const viewer = { role: "hr" as const, scopePaths: [] as string[] };
const time = <T>(name: string, f: () => T): T => {
  const started = performance.now();
  const result = f();
  console.log(`${name}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
};
if (process.argv.includes("--rebuild")) time("rebuildKeptStatus", () => rebuildKeptStatus(undefined, asOf));
const courses = listCourses();
for (let round = 0; round < 2; round++) {
  const units = time("listUnitsInScope", () => listUnitsInScope(viewer));
  const shown = time("listOverviewUnits", () => listOverviewUnits(viewer));
  time("summarizeUnitsAsOf (overview's units)", () =>
    summarizeUnitsAsOf({ viewer, units: shown.map((s) => s.unit), asOf, courses }),
  );
  time("countByUnitPath", () => countByUnitPath({ viewer, unitPath: "/", asOf, courses }));
  time("summarizeUnitsAsOf (every unit)", () => summarizeUnitsAsOf({ viewer, units, asOf, courses }));
  const top = listTopUnitsInScope(viewer)[0];
  if (!top) throw new Error("no units");
  time("unitTrend (whole organisation)", () => unitTrend({ viewer, unitPath: top.path, asOf, courses }));
  time("people: ikke gennemført by unit, page 1", () =>
    buildPeopleList({
      viewer,
      unit: null,
      query: NOT_COMPLETED_QUERY,
      asOf,
    }).page(1),
  );
}
