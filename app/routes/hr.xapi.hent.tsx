import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { config } from "~/env.server";
import { xapiExport } from "~/xapi/statements.server";

// The xAPI file for HR: every completion (not annulled) and quiz attempt of the whole organisation,
// the same bytes as `npm run report -- completions --format xapi --out FILE`. Audited as an export.
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "hr");
  const file = xapiExport(config().publicOrigin);
  recordAudit({
    request,
    actor: user,
    action: "export",
    scope: file.scope,
    filters: `${file.filters}; Format: JSON`,
    rowCount: file.count,
  });
  return new Response(file.text, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName(today())}"`,
    },
  });
}
