import { Form, Link } from "@remix-run/react";
import { ATTESTATION_MISSING } from "~/courses/attestation";
import { CheckboxField, ErrorSummary, PRIMARY_BUTTON_CLASS, SubmitButton } from "./form";
import type { FormErrors } from "./form-errors";
import { Markdown } from "./markdown";

/** The attestation form: the statement from course.md, a link to the guidelines, one button. */
export function AttestationForm({
  code,
  statement,
  guidelinesHtml,
  errors,
}: {
  code: string;
  statement: string;
  /** "… {{ai-retningslinjer}} …" filled in from the settings and rendered by renderMarkdown. */
  guidelinesHtml: string;
  errors?: FormErrors | null;
}) {
  return (
    <section
      id="erklaering"
      aria-labelledby="erklaering-titel"
      className="mt-4 rounded-lg border-2 border-brand-600 bg-white p-5"
    >
      <h2 id="erklaering-titel" className="text-lg font-semibold">
        {ATTESTATION_MISSING}
      </h2>
      <p className="mt-1 max-w-prose">
        Du har bestået alle moduler. Kurset er først gennemført, når du har sat kryds og trykket på knappen.
      </p>
      <Markdown html={guidelinesHtml} />
      <ErrorSummary errors={errors} labels={{}} />
      {/* A route of its own, so a failed submit leaves a clean address (not "?index"). */}
      <Form method="post" action={`/kurser/${code}/erklaering`} className="mt-3">
        <CheckboxField
          name="attest"
          id="attest"
          value="ja"
          label={statement}
          errors={errors?.fieldErrors.attest}
        />
        <SubmitButton className={`mt-4 ${PRIMARY_BUTTON_CLASS}`} pendingText="Bekræfter …">
          Bekræft og afslut kurset
        </SubmitButton>
      </Form>
    </section>
  );
}

/** The reminder on the module and result pages: a link to the attestation at the top of the course page. */
export function AttestationReminder({ code }: { code: string }) {
  return (
    <div className="mt-4 rounded-lg border-2 border-brand-600 bg-white p-4">
      <p className="font-semibold">{ATTESTATION_MISSING}</p>
      <p className="mt-1">
        Du har bestået alle moduler, men kurset er ikke gennemført endnu.{" "}
        <Link to={`/kurser/${code}#erklaering`} className="font-semibold">
          Bekræft retningslinjerne
        </Link>
      </p>
    </div>
  );
}

export const GUIDELINES_LINE = "Vil du se dem igen, så læs {{ai-retningslinjer}}.";
