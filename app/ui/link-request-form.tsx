import { Form } from "@remix-run/react";
import { ErrorSummary, Field, SubmitButton } from "./form";
import type { FormErrors } from "./form-errors";

/** "Send mig et link": on the sign-in page, and again with its errors on /login/link. */
export function LinkRequestForm({
  errors,
  email,
  buttonClassName,
}: {
  errors?: FormErrors | null;
  email?: string;
  buttonClassName?: string;
}) {
  return (
    <>
      <ErrorSummary errors={errors} labels={{ email: "Din arbejdsmail" }} ids={{ email: "link-email" }} />
      <Form method="post" action="/login/link" noValidate className="mt-3 space-y-3">
        <Field
          id="link-email"
          name="email"
          label="Din arbejdsmail"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          errors={errors?.fieldErrors.email}
          defaultValue={email}
        />
        <SubmitButton pendingText="Sender …" className={buttonClassName}>
          Send mig et link
        </SubmitButton>
      </Form>
    </>
  );
}
