import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { parsePeopleQuery } from "~/compliance/people-list";
import { requireUnitForViewer } from "~/compliance/units.server";
import { writeExportOffThread } from "~/reports/export-job.server";
import { viewerInput } from "~/server/jobs.server";

// The people list as a file: the same filters and order as on screen, every page. Streamed from
// SQL in screen order off the request thread, so other pages keep answering meanwhile.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = requireUnitForViewer(request, params.unitId);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const file = await writeExportOffThread(viewerInput(user), {
    name: "peopleList",
    asOf: today(),
    format,
    unitId: unit.id,
    query: parsePeopleQuery(
      url.searchParams,
      listCourses().map((c) => c.code),
    ),
  });
  recordAudit({ request, actor: user, action: "export", ...file.audit });
  return file.response();
}
