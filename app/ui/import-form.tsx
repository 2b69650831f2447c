import { Form, useNavigation } from "@remix-run/react";
import type { Ref } from "react";
import { MAX_IMPORT_LABEL } from "~/imports/limits";

const KINDS = {
  roster: "Personaleliste fra HR-systemet",
  completions: "Gennemførelser fra kursusleverandøren (MetaCompliance)",
} as const;

/** The upload form of the import page, also offered again on the preview of a file with errors. */
export function ImportForm({
  error,
  errorRef,
  kind = "roster",
}: {
  error?: string;
  errorRef?: Ref<HTMLDivElement>;
  kind?: keyof typeof KINDS;
}) {
  const navigation = useNavigation();
  return (
    <>
      {error ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="mt-4 rounded border-2 border-bad bg-white p-4 text-bad"
        >
          <a href="#file">{error}</a>
        </div>
      ) : null}
      <Form
        method="post"
        action="/hr/import"
        encType="multipart/form-data"
        className="mt-6 space-y-5 rounded-lg bg-white p-6 shadow-sm"
      >
        <fieldset>
          <legend className="font-semibold">Hvilken fil?</legend>
          {Object.entries(KINDS).map(([value, label]) => (
            <div key={value} className="mt-2 flex items-start gap-3">
              <input
                id={`kind-${value}`}
                type="radio"
                name="kind"
                value={value}
                defaultChecked={value === kind}
                className="mt-1 size-6"
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
            aria-invalid={error ? true : undefined}
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
    </>
  );
}
