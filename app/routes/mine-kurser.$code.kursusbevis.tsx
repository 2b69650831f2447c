import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { renderCertificate } from "~/certificate/certificate.server";
import { today } from "~/compliance/day";
import { notFound, requireEmployee } from "~/courses/guard.server";
import { loadCourseState } from "~/courses/player.server";
import { getDb, schema } from "~/db.server";

// The certificate (kursusbevis) of the signed-in employee's own valid completion, as a PDF.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  const completion = state?.validCompletion;
  if (!state || !completion || (state.status.kind !== "completed" && state.status.kind !== "expiringSoon")) {
    notFound("Du har ingen gyldig gennemførelse af kurset, så der er intet kursusbevis.");
  }
  const person = getDb().select().from(schema.employee).where(eq(schema.employee.id, user.employeeId)).get();
  if (!person) notFound();
  const pdf = await renderCertificate({
    employeeName: person.name,
    employeeNumber: person.employeeNumber,
    courseTitle: state.content.title,
    courseVersion: completion.courseVersion,
    completedOn: completion.completedOn,
    validUntil: state.status.validUntil,
    source: completion.source,
    issuedOn: today(),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="kursusbevis-${state.content.code}-${completion.completedOn}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
