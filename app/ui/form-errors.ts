// What an action answers when a form does not validate: every problem keyed by the field's name,
// so the page shows each beside its field and all of them in the error summary (WCAG 3.3.1).
// Shared by the server (actions) and the browser (app/ui/form.tsx); no server-only imports.
import { z } from "zod";

export interface FormErrors {
  /** The messages of each field that is wrong, by the field's name. */
  fieldErrors: Record<string, string[]>;
  /** A problem with the form as a whole (or one that names no field). */
  formError?: string;
}

/** Every zod issue of a failed parse, by the first segment of its path; pathless ones as formError. */
export function formErrorsFrom(error: z.ZodError): FormErrors {
  const flat = z.flattenError(error);
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(flat.fieldErrors) as [string, string[] | undefined][]) {
    if (messages?.length) fieldErrors[name] = messages;
  }
  return flat.formErrors.length > 0 ? { fieldErrors, formError: flat.formErrors.join(" ") } : { fieldErrors };
}

/** One problem of one field, or of the whole form (`field` null), in the same shape. */
export function formErrorOf(field: string | null, message: string): FormErrors {
  return field === null ? { fieldErrors: {}, formError: message } : { fieldErrors: { [field]: [message] } };
}

/** Whether there is anything to show. */
export function hasFormErrors(errors: FormErrors | null | undefined): errors is FormErrors {
  return !!errors && (errors.formError !== undefined || Object.keys(errors.fieldErrors).length > 0);
}

/** The form's values as the user typed them (files left out), to give back on an error. */
export function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") values[name] ??= value;
  return values;
}
