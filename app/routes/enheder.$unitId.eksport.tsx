import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { parsePeopleQuery } from "~/compliance/people-list";
import {
  buildPeopleView,
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
  const view = buildPeopleView({ viewer: user, unit, query, asOf });
  const rows = [...peopleViewExportRows(view, query)];
  recordAudit({
    request,
    actor: user,
    action: "export",
    scope: view.scopeLabel,
    filters: `${view.filters}; Format: ${format.toUpperCase()}`,
    rowCount: rows.length,
  });
  return exportResponse(format, exportFileName(view, query, asOf, format), rows, {
    title: exportTitle(view, query),
    scope: view.scopeLabel,
    asOf,
    filters: view.filters,
  });
}
