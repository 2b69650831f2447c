// One afdeling's list of who has not completed GDPR or AI, as XLSX: the file the department-lists
// job mails to the afdeling's head (the same builder makes both).
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { departmentList, listDepartments } from "~/reminders/reminders.server";
import { exportResponse } from "~/reports/export-response.server";
import { parseId } from "~/url-params";

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireRole(request, "hr");
  const id = parseId(params.unitId);
  const department = listDepartments().find((d) => d.unit.id === id);
  if (!department) throw data({ message: "Afdelingen findes ikke." }, { status: 404 });
  const list = departmentList(department.unit, today());
  recordAudit({
    request,
    actor: user,
    action: "export",
    scope: department.label,
    filters: `Afdelingsliste; ${list.meta.filters}; Format: XLSX`,
    rowCount: list.rows.length,
  });
  return exportResponse("xlsx", list.fileName, list.rows, list.meta);
}
