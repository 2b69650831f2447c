import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { evidenceDate } from "~/evidence/evidence-date";
import { EVIDENCE_TITLE } from "~/evidence/evidence-pack";
import { EVIDENCE_CONTENT_TYPE, evidenceFileName } from "~/evidence/generate.server";
import { runInWorker } from "~/server/run-in-worker.server";

// The evidence pack as a file: `?dato=ÅÅÅÅ-MM-DD&format=pdf|xlsx`. HR only.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "hr");
  const url = new URL(request.url);
  const format = url.searchParams.get("format");
  if (format !== "pdf" && format !== "xlsx") {
    throw Response.json({ message: "Vælg PDF eller XLSX." }, { status: 400 });
  }
  const parsed = evidenceDate(today()).safeParse(url.searchParams.get("dato") ?? "");
  if (!parsed.success) {
    throw Response.json({ message: parsed.error.issues[0]?.message ?? "Ugyldig dato." }, { status: 400 });
  }
  const asOf = parsed.data;
  const bytes = await runInWorker("evidencePack", { userId: user.id, asOf, format });
  recordAudit({
    request,
    actor: user,
    action: "export",
    scope: EVIDENCE_TITLE,
    filters: `Pr. ${asOf}; Format: ${format.toUpperCase()}`,
    rowCount: 1,
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": EVIDENCE_CONTENT_TYPE[format],
      "Content-Disposition": `attachment; filename="${evidenceFileName(asOf, format)}"`,
    },
  });
}
