import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "~/imports/limits";
import { stagePendingImport } from "~/imports/pending.server";
import { useErrorFocus } from "~/ui/use-error-focus";

const KINDS = {
  roster: "Personaleliste fra HR-systemet",
  completions: "Gennemførelser fra kursusleverandøren (MetaCompliance)",
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "hr");
  const params = new URL(request.url).searchParams;
  return { done: params.get("indlaest"), summary: params.get("resume") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "hr");
  let form: FormData;
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return data({ error: "Vælg en fil (CSV eller Excel) at indlæse." }, { status: 400 });
  }
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return data({ error: `Filen er for stor. Den må højst fylde ${MAX_IMPORT_LABEL}.` }, { status: 413 });
    }
    throw error;
  }
  const kind = form.get("kind");
  const file = form.get("file");
  if (kind !== "roster" && kind !== "completions")
    return data({ error: "Vælg, hvilken slags fil det er." }, { status: 400 });
  if (!(file instanceof File) || file.size === 0) {
    return data({ error: "Vælg en fil (CSV eller Excel) at indlæse." }, { status: 400 });
  }
  const id = stagePendingImport({
    kind,
    fileName: file.name.replace(/[^\p{L}\p{N} ._-]/gu, "_").slice(0, 120) || "fil",
    content: new Uint8Array(await file.arrayBuffer()),
    userId: user.id,
  });
  return redirect(`/hr/import/${id}`);
}

export default function ImportPage() {
  const { done, summary } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorRef = useErrorFocus(result);
  return (
    <div>
      <h1 className="text-2xl font-bold">Indlæs data</h1>
      <p className="mt-2 max-w-prose">
        Indlæs personalelisten fra HR-systemet eller gennemførelser fra kursusleverandøren. Du ser altid en
        forhåndsvisning, før noget bliver gemt, og filen gemmes kun, hvis alle linjer er i orden.
      </p>
      <div role="status" className="mt-4">
        {done && summary ? (
          <p className="rounded border-2 border-green-700 bg-white p-4 text-ok">{summary}</p>
        ) : null}
      </div>
      {result?.error ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="mt-4 rounded border-2 border-bad bg-white p-4 text-bad"
        >
          <a href="#file">{result.error}</a>
        </div>
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        className="mt-6 space-y-5 rounded-lg bg-white p-6 shadow-sm"
      >
        <fieldset>
          <legend className="font-semibold">Hvilken fil?</legend>
          {Object.entries(KINDS).map(([value, label], i) => (
            <div key={value} className="mt-2 flex items-start gap-3">
              <input
                id={`kind-${value}`}
                type="radio"
                name="kind"
                value={value}
                defaultChecked={i === 0}
                className="mt-1 size-5"
              />
              <label htmlFor={`kind-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <div>
          <label htmlFor="file" className="block font-semibold">
            Fil
          </label>
          <p id="file-hint" className="text-sm text-muted">
            CSV (semikolon, komma eller tabulator; UTF-8 eller Windows-1252) eller Excel (.xlsx), højst{" "}
            {MAX_IMPORT_LABEL}. Første linje skal være kolonneoverskrifter.
          </p>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="file-hint"
            aria-invalid={result?.error ? true : undefined}
            className="mt-2 block w-full max-w-full text-sm"
          />
        </div>
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {navigation.state === "submitting" ? "Læser filen …" : "Vis forhåndsvisning"}
        </button>
      </Form>
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

export const meta: MetaFunction = () => [{ title: "Indlæs data · AI og GDPR · Albertslund Kommune" }];
