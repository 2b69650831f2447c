import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { notFound, requireEmployee } from "~/auth/guard.server";
import { renderCertificate } from "~/certificate/certificate.server";
import { certificateCodeFor, formatCode } from "~/certificate/verification.server";
import { today } from "~/compliance/day";
import { loadCourseState } from "~/courses/player.server";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";

// The certificate (kursusbevis) of the signed-in employee's own valid completion, as a PDF.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireEmployee(request);
  const code = params.code ?? "";
  const state = loadCourseState(user.employeeId, code);
  if (!state) notFound();
  const completion = state.validCompletion;
  if (!completion || (state.status.kind !== "completed" && state.status.kind !== "expiringSoon")) {
    // An old link (the completion has run out): a page that explains, not a bare error.
    throw redirect(`/mine-kurser/${encodeURIComponent(code)}/intet-kursusbevis`);
  }
  const person = getDb().select().from(schema.employee).where(eq(schema.employee.id, user.employeeId)).get();
  if (!person) notFound();
  const verification = certificateCodeFor(completion.id);
  const origin = config().publicOriginIsSet ? config().publicOrigin : new URL(request.url).origin;
  const pdf = await renderCertificate({
    employeeName: person.name,
    employeeNumber: person.employeeNumber,
    courseTitle: state.content.title,
    courseVersion: completion.courseVersion,
    completedOn: completion.completedOn,
    validUntil: state.status.validUntil,
    source: completion.source,
    issuedOn: today(),
    verification: { code: formatCode(verification), url: `${origin}/bevis/${verification}` },
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="kursusbevis-${state.content.code}-${completion.completedOn}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
