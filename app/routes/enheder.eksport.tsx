import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { requirePeopleViewer } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { writeExportOffThread } from "~/reports/export-job.server";
import { viewerInput } from "~/server/jobs.server";

// The exports of everything the viewer may see (the whole organisation for HR, the managed units
// for a manager): `?rapport=hvem-mangler` is everyone who has not completed, `?rapport=status-pr-enhed`
// the summary per unit. The same files as `npm run report -- not-completed --course all` and `-- summary`.
// Written off the request thread, so other pages keep answering meanwhile.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const report = url.searchParams.get("rapport");
  const name =
    report === "hvem-mangler" ? "notCompleted" : report === "status-pr-enhed" ? "unitSummary" : null;
  if (!name)
    throw Response.json({ message: "Vælg rapporten hvem-mangler eller status-pr-enhed." }, { status: 400 });
  const file = await writeExportOffThread(viewerInput(user), { name, asOf: today(), format });
  recordAudit({ request, actor: user, action: "export", ...file.audit });
  return file.response();
}
