import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireEmployee } from "~/auth/guard.server";
import { fillPlaceholders } from "~/content/placeholders";
import { awaitsAttestation } from "~/courses/attestation";
import { attestCourse, loadCourseState } from "~/courses/player.server";
import { loadContacts } from "~/site-settings.server";
import { AttestationForm, GUIDELINES_LINE } from "~/ui/attestation";
import { formErrorsFrom } from "~/ui/form-errors";
import { renderMarkdown } from "~/ui/markdown.server";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

// The attestation is posted here, not to the course page (an index route, whose form address
// carries "?index"): a refused submit shows the form again at this clean address.

const AttestForm = z.object({
  attest: z.literal("ja", {
    message: "Sæt kryds for at bekræfte, at du har gennemført kurset og kender retningslinjerne.",
  }),
});

function load(request: Request, code: string) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, code);
  if (!state?.content.attestation) notFound("Kurset findes ikke.");
  return { user, state, statement: state.content.attestation };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { state, statement } = load(request, params.code ?? "");
  // Nothing to confirm (not all modules passed, or already done): the course page says why.
  if (!awaitsAttestation(state)) throw redirect(`/kurser/${state.content.code}`);
  return {
    code: state.content.code,
    title: state.content.title,
    statement,
    guidelinesHtml: renderMarkdown(fillPlaceholders(GUIDELINES_LINE, loadContacts())),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, state } = load(request, params.code ?? "");
  // Already done, or modules left: the course page says which (as the loader would).
  if (!awaitsAttestation(state)) return redirect(`/kurser/${state.content.code}`);
  const parsed = AttestForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ errors: formErrorsFrom(parsed.error) }, { status: 400 });
  }
  attestCourse({ employeeId: user.employeeId, state });
  return redirect(`/kurser/${state.content.code}`);
}

export default function Attestation() {
  const course = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to={`/kurser/${course.code}`}>{course.title}</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Bekræft retningslinjerne</h1>
      <AttestationForm
        code={course.code}
        statement={course.statement}
        guidelinesHtml={course.guidelinesHtml}
        errors={result?.errors}
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Bekræft retningslinjerne · ${data?.title ?? ""}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/mine-kurser" label="Gå til Mine kurser" />;
}
