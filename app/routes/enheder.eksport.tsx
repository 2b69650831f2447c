import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { requirePeopleViewer } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { exportResponse } from "~/reports/export-response.server";
import { buildNotCompletedExport, buildUnitSummaryExport } from "~/reports/unit-summary.server";

// The exports of everything the viewer may see (the whole organisation for HR, the managed units
// for a manager): `?rapport=hvem-mangler` is everyone who has not completed, `?rapport=status-pr-enhed`
// the summary per unit. The same files as `npm run report -- not-completed --course all` and `-- summary`.
export function loader({ request }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const report = url.searchParams.get("rapport");
  const asOf = today();
  if (report === "hvem-mangler") {
    const file = buildNotCompletedExport(user, asOf);
    recordAudit({
      request,
      actor: user,
      action: "export",
      scope: file.meta.scope,
      filters: `${file.meta.filters}; Format: ${format.toUpperCase()}`,
      rowCount: file.rowCount(),
    });
    return exportResponse(format, file.fileName(format), file.rows, file.meta);
  }
  if (report === "status-pr-enhed") {
    const file = buildUnitSummaryExport(user, asOf);
    recordAudit({
      request,
      actor: user,
      action: "export",
      scope: file.meta.scope,
      filters: `Status pr. enhed; Format: ${format.toUpperCase()}`,
      rowCount: file.rows.length,
    });
    return exportResponse(format, file.fileName(format), file.rows, file.meta, file.table);
  }
  throw data({ message: "Vælg rapporten hvem-mangler eller status-pr-enhed." }, { status: 400 });
}
