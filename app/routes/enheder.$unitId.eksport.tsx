import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { parsePeopleQuery } from "~/compliance/people-list";
import {
  buildPeopleList,
  exportFileName,
  exportTitle,
  peopleViewExportRows,
} from "~/compliance/people-view.server";
import { requireUnitForViewer } from "~/compliance/units.server";
import { exportResponse } from "~/reports/export-response.server";

// The people list as a file: the same filters and order as on screen, every page.
export function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = requireUnitForViewer(request, params.unitId);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const asOf = today();
  const query = parsePeopleQuery(
    url.searchParams,
    listCourses().map((c) => c.code),
  );
  // Streamed from SQL in screen order: the rows are written as they are read, a chunk at a time.
  const view = buildPeopleList({ viewer: user, unit, query, asOf });
  const rows = peopleViewExportRows(view, query);
  recordAudit({
    request,
    actor: user,
    action: "export",
    scope: view.scopeLabel,
    filters: `${view.filters}; Format: ${format.toUpperCase()}`,
    rowCount: view.exportRowCount(),
  });
  return exportResponse(format, exportFileName(view, query, asOf, format), rows, {
    title: exportTitle(view, query),
    scope: view.scopeLabel,
    asOf,
    filters: view.filters,
  });
}
