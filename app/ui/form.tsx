// The form kit: every form on the site builds its fields, error summary and submit button from
// these, so labels, hints, errors (beside the field and in the summary) and touch targets are the
// same everywhere. Works without JavaScript: the action answers with status 400 and the errors,
// and the page renders them; with JavaScript the summary also takes focus.
import { useNavigation } from "@remix-run/react";
import type { MouseEvent, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { type InputHTMLAttributes, useRef } from "react";
import { type FormErrors, hasFormErrors } from "./form-errors";
import { useErrorFocus } from "./use-error-focus";

export const INPUT_CLASS = "mt-1 min-h-11 w-full rounded border border-gray-500 bg-white px-3 py-2";
export const PRIMARY_BUTTON_CLASS =
  "min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";

interface FieldShell {
  /** The element's id; the error summary links to it. Defaults to the name. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** This field's messages from the action (`errors.fieldErrors[name]`). */
  errors?: string[];
}

const hintId = (id: string) => `${id}-hjaelp`;
const errorId = (id: string) => `${id}-fejl`;

/** aria-describedby and aria-invalid for a field with this hint and these errors. */
function ariaFor(id: string, hint: ReactNode, errors: string[] | undefined) {
  const describedBy = [hint ? hintId(id) : null, errors?.length ? errorId(id) : null]
    .filter(Boolean)
    .join(" ");
  return { "aria-describedby": describedBy || undefined, "aria-invalid": errors?.length ? true : undefined };
}

function HintAndError({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={hintId(id)} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId(id)} className="text-sm font-semibold text-bad">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

type InputProps = FieldShell &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { name: string; multiline?: false };
type TextareaProps = FieldShell &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & { name: string; multiline: true };

/** A labelled text input (or textarea with `multiline`), with its hint and error under the label. */
export function Field(props: InputProps | TextareaProps) {
  const { id: givenId, label, hint, errors, className, ...rest } = props;
  const id = givenId ?? rest.name;
  const aria = ariaFor(id, hint, errors);
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <HintAndError id={id} hint={hint} errors={errors} />
      {rest.multiline ? (
        <textarea {...withoutMultiline(rest)} id={id} {...aria} className={INPUT_CLASS} />
      ) : (
        <input type="text" {...withoutMultiline(rest)} id={id} {...aria} className={INPUT_CLASS} />
      )}
    </div>
  );
}

function withoutMultiline<T extends { multiline?: boolean }>(props: T): Omit<T, "multiline"> {
  const { multiline: _multiline, ...rest } = props;
  return rest;
}

type SelectProps = FieldShell &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
    name: string;
    /** The choices; or pass <option> elements as children. */
    options?: readonly { value: string; label: string }[];
  };

/** A labelled select with its hint and error. */
export function SelectField({
  id: givenId,
  label,
  hint,
  errors,
  className,
  options,
  children,
  ...rest
}: SelectProps) {
  const id = givenId ?? rest.name;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <HintAndError id={id} hint={hint} errors={errors} />
      <select {...rest} id={id} {...ariaFor(id, hint, errors)} className={INPUT_CLASS}>
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}

type CheckboxProps = FieldShell &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & { name: string };

/** A checkbox with its label beside it (the whole row is the touch target). */
export function CheckboxField({ id: givenId, label, hint, errors, className, ...rest }: CheckboxProps) {
  const id = givenId ?? rest.name;
  return (
    <div className={className}>
      <div className="flex min-h-11 items-start gap-3">
        <input
          type="checkbox"
          {...rest}
          id={id}
          {...ariaFor(id, hint, errors)}
          className="mt-1 size-6 shrink-0 accent-brand-700"
        />
        <label htmlFor={id} className="py-0.5">
          {label}
        </label>
      </div>
      <HintAndError id={id} hint={hint} errors={errors} />
    </div>
  );
}

/**
 * The list of everything wrong after a failed submit, with a link to each field. It takes focus
 * when it appears, so a screen reader reads it and a keyboard starts from it (WCAG 3.3.1).
 * `labels` names the fields (by name); `ids` gives a field's id where it is not its name.
 * Without a `title`, a form-level problem alone is the heading.
 */
export function ErrorSummary({
  errors,
  labels,
  ids = {},
  title,
  headingLevel = 2,
  className = "mt-3",
}: {
  errors: FormErrors | null | undefined;
  labels: Record<string, string>;
  ids?: Record<string, string>;
  title?: string;
  headingLevel?: 2 | 3;
  className?: string;
}) {
  const ref = useErrorFocus(hasFormErrors(errors) ? errors : undefined);
  if (!hasFormErrors(errors)) return null;
  const fields = Object.entries(errors.fieldErrors);
  const heading = title ?? (fields.length > 0 ? "Ret fejlene nedenfor" : errors.formError);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const formErrorInList = errors.formError !== undefined && errors.formError !== heading;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className={`${className} rounded border-2 border-bad bg-white p-3 text-bad`}
    >
      <Heading className="font-semibold">{heading}</Heading>
      {fields.length > 0 || formErrorInList ? (
        <ul className="mt-1 list-disc pl-5">
          {formErrorInList ? <li>{errors.formError}</li> : null}
          {fields.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${ids[name] ?? name}`} onClick={focusTarget} className="text-bad">
                {labels[name] ? `${labels[name]}: ` : ""}
                {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

// A fragment link scrolls to the field but leaves focus where it was; move it into the field, so
// the user can type at once. Without JavaScript the link still scrolls.
function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: "center" });
}

/**
 * The form's submit button. While the form is being sent it says so (`pendingText`) and does
 * not send twice; without JavaScript it is a plain submit button. With `name`/`value` (several
 * buttons or forms on one page) only the button that was pressed shows the pending state.
 */
export function SubmitButton({
  children,
  pendingText,
  name,
  value,
  className = PRIMARY_BUTTON_CLASS,
  pending: pendingOverride,
  ...rest
}: {
  children: ReactNode;
  pendingText?: ReactNode;
  name?: string;
  value?: string;
  className?: string;
  /** For a fetcher's form: its own state (`fetcher.state !== "idle"`). */
  pending?: boolean;
  form?: string;
  formAction?: string;
}) {
  const navigation = useNavigation();
  const button = useRef<HTMLButtonElement>(null);
  const pending =
    pendingOverride ??
    (navigation.state === "submitting" &&
      sameAction(button.current?.form?.action, navigation.formAction) &&
      (name === undefined || navigation.formData?.get(name) === value));
  return (
    <button
      ref={button}
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending || undefined}
      onClick={pending ? (e) => e.preventDefault() : undefined}
      className={`${className} ${pending ? "cursor-wait opacity-75" : ""}`}
      {...rest}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

// Whether the navigation under way was sent by this button's form (a page can have several).
function sameAction(formAction: string | undefined, sending: string | undefined): boolean {
  if (!formAction || !sending) return true;
  const path = (url: string) => new URL(url, window.location.href).pathname;
  return path(formAction) === path(sending);
}
