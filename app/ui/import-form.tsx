import { Form } from "@remix-run/react";
import { MAX_IMPORT_LABEL } from "~/imports/limits";
import { ErrorSummary, Field, SubmitButton } from "./form";
import type { FormErrors } from "./form-errors";

const KINDS = {
  roster: "Personaleliste fra HR-systemet",
  completions: "Gennemførelser fra kursusleverandøren (MetaCompliance)",
} as const;

/** The upload form of the import page, also offered again on the preview of a file with errors. */
export function ImportForm({
  errors,
  kind = "roster",
}: {
  /** The upload's problems, by field ("file", "kind"). */
  errors?: FormErrors;
  kind?: keyof typeof KINDS;
}) {
  const kindErrors = errors?.fieldErrors.kind;
  return (
    <>
      <ErrorSummary
        errors={errors}
        labels={{ file: "Fil", kind: "Hvilken fil?" }}
        ids={{ kind: "kind-roster" }}
        className="mt-4"
      />
      <Form
        method="post"
        action="/hr/import"
        encType="multipart/form-data"
        className="mt-6 space-y-5 rounded-lg bg-white p-6 shadow-sm"
      >
        <fieldset>
          <legend className="font-semibold">Hvilken fil?</legend>
          {kindErrors?.length ? (
            <p id="kind-fejl" className="text-sm font-semibold text-bad">
              {kindErrors.join(" ")}
            </p>
          ) : null}
          {Object.entries(KINDS).map(([value, label]) => (
            <div key={value} className="mt-2 flex items-start gap-3">
              <input
                id={`kind-${value}`}
                type="radio"
                name="kind"
                value={value}
                defaultChecked={value === kind}
                aria-describedby={kindErrors?.length ? "kind-fejl" : undefined}
                className="mt-1 size-6"
              />
              <label htmlFor={`kind-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <Field
          name="file"
          type="file"
          label="Fil"
          hint={
            <>
              CSV (semikolon, komma eller tabulator; UTF-8 eller Windows-1252) eller Excel (.xlsx), højst{" "}
              {MAX_IMPORT_LABEL}. Første linje skal være kolonneoverskrifter.
            </>
          }
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          errors={errors?.fieldErrors.file}
        />
        <SubmitButton pendingText="Læser filen …">Vis forhåndsvisning</SubmitButton>
      </Form>
    </>
  );
}
