import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { prepareCompletionsImport, prepareRosterImport, TOO_LARGE } from "~/imports/import.server";
import { stagePendingImport, takeAppliedSummary } from "~/imports/pending.server";
import { rosterPreview } from "~/imports/preview";
import { readImportUpload } from "~/imports/upload.server";
import { formErrorOf } from "~/ui/form-errors";
import { ImportForm } from "~/ui/import-form";
import { pageTitle } from "~/ui/page-title";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "hr");
  // The summary of the import just applied, from the database (shown once), never from the URL.
  const id = new URL(request.url).searchParams.get("indlaest");
  return { summary: id ? takeAppliedSummary(id, user.id) : null };
}

const CHOOSE_FILE = "Vælg en fil (CSV eller Excel) at indlæse.";

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "hr");
  const upload = await readImportUpload(request);
  if (!upload.ok) {
    const error =
      upload.reason === "too-large"
        ? TOO_LARGE
        : upload.reason === "extra-part"
          ? "Indlæs én fil ad gangen, med formularen på siden."
          : CHOOSE_FILE;
    return data({ errors: formErrorOf("file", error) }, { status: upload.status });
  }
  const { kind } = upload;
  if (kind !== "roster" && kind !== "completions") {
    return data({ errors: formErrorOf("kind", "Vælg, hvilken slags fil det er.") }, { status: 400 });
  }
  const fileName = upload.fileName.replace(/[^\p{L}\p{N} ._-]/gu, "_").slice(0, 120) || "fil";
  // Read, validated and planned once, here (in a worker thread); the preview page only shows it.
  const asOf = today();
  let id: string;
  if (kind === "roster") {
    const prepared = await prepareRosterImport(upload.bytes, fileName, asOf);
    id = stagePendingImport({
      kind,
      fileName,
      userId: user.id,
      rows: prepared.ok ? prepared.rows : [],
      preview: prepared.ok
        ? {
            errors: [],
            moreErrors: 0,
            warnings: prepared.warnings,
            roster: rosterPreview(prepared.plan, prepared.rowCount),
            completions: null,
          }
        : { ...prepared, roster: null, completions: null },
    });
  } else {
    const prepared = await prepareCompletionsImport(upload.bytes, fileName, asOf);
    id = stagePendingImport({
      kind,
      fileName,
      userId: user.id,
      rows: prepared.ok ? prepared.rows : [],
      preview: prepared.ok
        ? {
            errors: [],
            moreErrors: 0,
            warnings: prepared.warnings,
            roster: null,
            completions: {
              rowCount: prepared.rows.length,
              newCount: prepared.newCount,
              perCourse: prepared.perCourse,
            },
          }
        : { ...prepared, roster: null, completions: null },
    });
  }
  return redirect(`/hr/import/${id}`);
}

export default function ImportPage() {
  const { summary } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Indlæs data</h1>
      <p className="mt-2 max-w-prose">
        Indlæs personalelisten fra HR-systemet eller gennemførelser fra kursusleverandøren. Du ser altid en
        forhåndsvisning, før noget bliver gemt, og filen gemmes kun, hvis alle linjer er i orden.
      </p>
      <div role="status" className="mt-4">
        {summary ? <p className="rounded border-2 border-green-700 bg-white p-4 text-ok">{summary}</p> : null}
      </div>
      <ImportForm errors={result?.errors} />
      <section aria-labelledby="kolonner" className="mt-8 max-w-prose text-sm">
        <h2 id="kolonner" className="text-lg font-semibold">
          Kolonner
        </h2>
        <p className="mt-2">
          <strong>Personaleliste:</strong> Medarbejdernr, Navn, E-mail, Enhed (stien fra toppen, adskilt af „
          &gt; “), Startdato og evt. Fratrædelsesdato og Leder (ja/nej). Filen er hele personalelisten:
          medarbejdere, der ikke står i den, registreres som fratrådt. Andre kolonner (fx CPR eller løn)
          bliver ikke gemt.
        </p>
        <p className="mt-2">
          <strong>Gennemførelser:</strong> E-mail eller Medarbejdernr, Kursus, Gennemført (dato) og evt.
          Score. Den samme gennemførelse tælles kun én gang, også hvis filen indlæses igen. Kalder
          leverandøren et kursus noget andet, så tilføj navnet under{" "}
          <Link to="/hr/kursusnavne">Kursusnavne fra leverandøren</Link>.
        </p>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Indlæs data") }];
