import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireEmployee } from "~/courses/guard.server";
import { attestCourse, loadCourseState } from "~/courses/player.server";
import { ModuleStateLabel, ProgressBar } from "~/ui/course-progress";
import { formatShortDate } from "~/ui/format";
import { Markdown } from "~/ui/markdown";
import { StatusBadge, statusDetail } from "~/ui/status-badge";
import { useErrorFocus } from "~/ui/use-error-focus";

const AttestForm = z.object({
  attest: z.literal("ja", {
    message: "Sæt kryds for at bekræfte, at du har læst og forstået retningslinjerne.",
  }),
});

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  if (!state) notFound("Kurset findes ikke.");
  const { content } = state;
  return {
    code: content.code,
    title: content.title,
    version: content.version,
    intro: content.intro,
    attestationText: content.attestation,
    status: state.status,
    done: state.done,
    modules: state.modules,
    passedCount: state.passedCount,
    canAttest: state.needsAttestation && !state.attested && state.passedCount === state.modules.length,
    completedOn: state.validCompletion?.completedOn ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  if (!state) notFound("Kurset findes ikke.");
  const parsed = AttestForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ error: parsed.error.issues[0]?.message ?? "Ugyldig formular." }, { status: 400 });
  }
  if (!state.needsAttestation || state.passedCount < state.modules.length) {
    return data({ error: "Du skal bestå alle moduler, før du kan afslutte kurset." }, { status: 400 });
  }
  attestCourse({ employeeId: user.employeeId, state });
  return redirect(`/kurser/${state.content.code}`);
}

export default function CoursePage() {
  const c = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorRef = useErrorFocus(result);
  const next = c.modules.find((m) => m.state !== "passed");

  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/mine-kurser">Mine kurser</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">{c.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={c.status} />
        <span className="text-sm text-muted">{statusDetail(c.status)}</span>
      </p>

      {c.done && c.completedOn ? (
        <section
          aria-labelledby="gennemfoert"
          className="mt-4 rounded-lg border-2 border-green-700 bg-white p-5"
        >
          <h2 id="gennemfoert" className="text-lg font-semibold text-ok">
            Du har gennemført kurset
          </h2>
          <p className="mt-1">
            Gennemført {formatShortDate(c.completedOn)}. {statusDetail(c.status)}.
          </p>
          <p className="mt-3">
            <a href={`/mine-kurser/${c.code}/kursusbevis`} className="font-semibold">
              Hent kursusbevis (PDF)
            </a>
          </p>
        </section>
      ) : null}

      <div className="mt-6 max-w-prose">
        <Markdown>{c.intro}</Markdown>
      </div>

      <h2 className="mt-8 text-xl font-semibold">Moduler</h2>
      <ProgressBar passed={c.passedCount} total={c.modules.length} label={`Fremskridt i ${c.title}`} />
      <ol className="mt-4 space-y-3">
        {c.modules.map((m, i) => (
          <li key={m.slug} className="rounded-lg bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                {i + 1}. {m.title}
              </h3>
              <span className="text-sm text-muted">ca. {m.minutes} min.</span>
            </div>
            <p className="mt-1 text-sm">
              <ModuleStateLabel state={m.state} currentPage={m.currentPage} pageCount={m.pageCount} />
            </p>
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
              <Link
                to={`/kurser/${c.code}/${m.slug}?side=${m.state === "inProgress" ? m.currentPage + 1 : 1}`}
                aria-label={`${m.state === "notStarted" ? "Start" : m.state === "inProgress" ? "Fortsæt" : "Læs"} modul ${i + 1}: ${m.title}`}
                className="font-semibold"
              >
                {m.state === "notStarted" ? "Start" : m.state === "inProgress" ? "Fortsæt" : "Læs igen"}
              </Link>
              {m.quizOpen && m.state !== "passed" ? (
                <Link
                  to={`/kurser/${c.code}/${m.slug}/quiz`}
                  aria-label={`Tag quizzen i modul ${i + 1}: ${m.title}`}
                >
                  Tag quizzen
                </Link>
              ) : null}
            </p>
          </li>
        ))}
      </ol>

      {next && !c.done ? (
        <p className="mt-6">
          <Link
            to={`/kurser/${c.code}/${next.slug}?side=${next.state === "inProgress" ? next.currentPage + 1 : 1}`}
            className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            {c.passedCount === 0 && next.state === "notStarted" ? "Start kurset" : "Fortsæt kurset"}
          </Link>
        </p>
      ) : null}

      {c.canAttest && c.attestationText ? (
        <section
          aria-labelledby="erklaering"
          className="mt-8 rounded-lg border-2 border-brand-600 bg-white p-5"
        >
          <h2 id="erklaering" className="text-lg font-semibold">
            Afslut kurset
          </h2>
          <p className="mt-1">
            Du har bestået alle moduler. Bekræft til sidst, at du kender retningslinjerne.
          </p>
          {result?.error ? (
            <div
              ref={errorRef}
              tabIndex={-1}
              role="alert"
              className="mt-3 rounded border-2 border-bad p-3 text-bad"
            >
              <a href="#attest">{result.error}</a>
            </div>
          ) : null}
          <Form method="post" className="mt-3">
            <div className="flex items-start gap-3">
              <input
                id="attest"
                name="attest"
                type="checkbox"
                value="ja"
                className="mt-1 size-5"
                aria-invalid={result?.error ? true : undefined}
              />
              <label htmlFor="attest">{c.attestationText}</label>
            </div>
            <button
              type="submit"
              className="mt-4 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              Bekræft og afslut kurset
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Kursus"} · AI og GDPR · Albertslund Kommune` },
];
