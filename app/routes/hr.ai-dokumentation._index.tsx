import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { AI_LITERACY_FROM, evidenceDate } from "~/evidence/evidence-date";
import { ErrorSummary, Field } from "~/ui/form";
import { formErrorOf } from "~/ui/form-errors";
import { pageTitle } from "~/ui/page-title";

// HR picks a day and gets the evidence pack for it. A plain GET form: a valid day redirects to
// the file (a download), a bad one shows the page again with the error.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "hr");
  const url = new URL(request.url);
  const day = today();
  const chosen = url.searchParams.get("dato");
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "pdf";
  if (chosen === null) return { today: day, value: day, errors: null };
  const parsed = evidenceDate(day).safeParse(chosen);
  if (!parsed.success) {
    return {
      today: day,
      value: chosen,
      errors: formErrorOf("dato", parsed.error.issues[0]?.message ?? "Ugyldig dato."),
    };
  }
  throw redirect(`/hr/ai-dokumentation/fil?dato=${parsed.data}&format=${format}`);
}

export default function EvidencePage() {
  const page = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Dokumentation for AI-kompetencer</h1>
      <p className="mt-2 max-w-prose">
        AI-forordningens artikel 4 kræver, at kommunen sikrer og kan dokumentere, at medarbejderne har
        tilstrækkelige AI-kompetencer. Her henter du dokumentationen for en dato, som en revisor eller
        Digitaliseringsstyrelsen kan læse uden adgang til siden.
      </p>
      <p className="mt-2 max-w-prose">Dokumentationen indeholder:</p>
      <ul className="mt-1 max-w-prose list-disc pl-6">
        <li>
          tiltagene: kurserne, deres versioner med udgivelsesdato og hvad der ændrede sig, erklæringen, reglen
          om årlig fornyelse og listen over AI-værktøjer pr. datoen
        </li>
        <li>
          hvor mange der havde gennemført pr. datoen, for hver afdeling og hele organisationen, og udviklingen
          de seneste 12 måneder
        </li>
        <li>AI-superbrugerne i hver afdeling og antallet af påmindelser</li>
        <li>hvordan oplysningerne registreres og opbevares</li>
      </ul>
      <p className="mt-2 max-w-prose">
        Tallene er de samme som på oversigten. Ingen medarbejdere nævnes ved navn, bortset fra
        AI-superbrugerne. Hentningen skrives i revisionssporet.
      </p>
      <ErrorSummary errors={page.errors} labels={{ dato: "Opgjort pr. dato" }} className="mt-4 max-w-prose" />
      {/* A plain form: the answer is a file download, not a page. */}
      <form method="get" noValidate className="mt-4 max-w-md space-y-3 rounded-lg bg-white p-5 shadow-sm">
        <Field
          name="dato"
          type="date"
          label="Opgjort pr. dato"
          hint="En dato fra 2. februar 2025 til i dag."
          min={AI_LITERACY_FROM}
          max={page.today}
          defaultValue={page.value}
          errors={page.errors?.fieldErrors.dato}
        />
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="format"
            value="pdf"
            className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            Hent som PDF
          </button>
          <button
            type="submit"
            name="format"
            value="xlsx"
            className="min-h-11 rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
          >
            Hent som XLSX (regneark)
          </button>
        </div>
      </form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Dokumentation for AI-kompetencer") },
];
