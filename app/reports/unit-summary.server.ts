// The whole-organisation exports from /enheder and `npm run report`: the per-unit summary and
// everyone who has not completed. One place builds each, so the page's file and the command's
// file are the same bytes.
import type { Viewer } from "~/auth/scope";
import { seesWholeOrganisation } from "~/auth/scope";
import { listCourses } from "~/compliance/courses.server";
import type { Day } from "~/compliance/day";
import { NOT_COMPLETED_QUERY, type PeopleQuery } from "~/compliance/people-list";
import {
  buildPeopleList,
  exportTitle,
  peopleFileName,
  peopleViewExportRows,
} from "~/compliance/people-view.server";
import { listUnitsInScope, summarizeUnitsAsOf, unitPathLabeler } from "~/compliance/units.server";
import { isAfdelingPath } from "~/super-users/range";
import { countSuperUsersByAfdeling } from "~/super-users/super-users.server";
import type { ExportMeta } from "./export-writers.server";
import { unitSummaryRow, unitSummaryTable } from "./unit-summary";

function scopeLabel(viewer: Viewer): string {
  return seesWholeOrganisation(viewer) ? "Hele organisationen" : "Dine enheder";
}

function scopeSlug(viewer: Viewer): string {
  return seesWholeOrganisation(viewer) ? "hele-organisationen" : "dine-enheder";
}

export function buildUnitSummaryExport(viewer: Viewer, asOf: Day) {
  const courses = listCourses();
  const labels = unitPathLabeler();
  const codes = courses.map((c) => c.code);
  // Everyone listed has a status in every course, so any course's total is the headcount.
  const headcount = (counts: Record<string, { total: number }>) => counts[codes[0] ?? ""]?.total ?? 0;
  const superUsers = countSuperUsersByAfdeling(asOf);
  const rows = summarizeUnitsAsOf({ viewer, units: listUnitsInScope(viewer), asOf, courses }).map((s) =>
    unitSummaryRow(
      labels(s.unit.id),
      headcount(s.counts),
      s.counts,
      codes,
      isAfdelingPath(s.unit.path) ? (superUsers.get(s.unit.id) ?? 0) : null,
    ),
  );
  const meta: ExportMeta = {
    title: `Status pr. enhed: ${scopeLabel(viewer)}`,
    scope: scopeLabel(viewer),
    asOf,
    filters: "Alle kurser; alle enheder med underenheder",
  };
  return {
    rows,
    table: unitSummaryTable(courses),
    meta,
    fileName: (format: "csv" | "xlsx") => `status-pr-enhed_${scopeSlug(viewer)}_${asOf}.${format}`,
  };
}

/** Everyone in the viewer's scope who has not completed a course, sorted by unit: the CLI's default. */
export function buildNotCompletedExport(viewer: Viewer, asOf: Day, query: Partial<PeopleQuery> = {}) {
  const full: PeopleQuery = { ...NOT_COMPLETED_QUERY, ...query };
  // Streamed from SQL in screen order, a chunk at a time.
  const built = buildPeopleList({ viewer, unit: null, query: full, asOf });
  const view = { ...built, scopeLabel: scopeLabel(viewer) };
  const meta: ExportMeta = {
    title: exportTitle(view, full),
    scope: view.scopeLabel,
    asOf,
    filters: view.filters,
  };
  return {
    view,
    rows: peopleViewExportRows(view, full),
    rowCount: () => view.exportRowCount(),
    meta,
    fileName: (format: "csv" | "xlsx") => peopleFileName(scopeSlug(viewer), full, asOf, format),
  };
}
