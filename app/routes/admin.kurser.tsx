import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { recordSettingsChange } from "~/audit/audit.server";
import { requireRole } from "~/auth/guard.server";
import { listCourses } from "~/compliance/courses.server";
import { isDay } from "~/compliance/day";
import { rebuildInTransaction } from "~/compliance/kept-status.server";
import { getDb, schema } from "~/db.server";
import { ErrorSummary, Field, SubmitButton } from "~/ui/form";
import { type FormErrors, formErrorOf, formErrorsFrom } from "~/ui/form-errors";
import { formatShortDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

const optionalDay = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || isDay(v), message)
    .transform((v) => (v === "" ? null : v));

const CourseDates = z.object({
  code: z.string().min(1),
  requiredFrom: optionalDay("Skriv datoen, kravet gælder fra, som en gyldig dato."),
  campaignDeadline: optionalDay("Skriv kampagnefristen som en gyldig dato, eller lad feltet stå tomt."),
});

// Admin sets, per course, when the requirement began (no one is due before it) and an optional
// campaign deadline for staff employed before it. Both feed the status rule on every page.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return {
    courses: listCourses().map((c) => ({
      code: c.code,
      title: c.title,
      dueDays: c.dueDays,
      requiredFrom: c.requiredFrom,
      campaignDeadline: c.campaignDeadline,
    })),
  };
}

type Result =
  | { code: string; ok: true; message: string }
  | { code: string; ok: false; errors: FormErrors; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const form = Object.fromEntries(
    [...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
  );
  const code = form.code ?? "";
  const course = listCourses().find((c) => c.code === code);
  if (!course)
    return data<Result>(
      { code, ok: false, errors: formErrorOf(null, "Kurset findes ikke."), values: form },
      400,
    );
  const parsed = CourseDates.safeParse(form);
  if (!parsed.success) {
    return data<Result>({ code, ok: false, errors: formErrorsFrom(parsed.error), values: form }, 400);
  }
  const { requiredFrom, campaignDeadline } = parsed.data;
  const show = (d: string | null) => (d ? formatShortDate(d) : "ingen");
  const changes = [
    course.requiredFrom !== requiredFrom
      ? `Kravet gælder fra: ${show(course.requiredFrom)} → ${show(requiredFrom)}`
      : null,
    course.campaignDeadline !== campaignDeadline
      ? `Kampagnefrist: ${show(course.campaignDeadline)} → ${show(campaignDeadline)}`
      : null,
  ].filter((c): c is string => c !== null);
  if (changes.length === 0) return { code, ok: true as const, message: "Der var intet at ændre." };
  // The frist of everyone without a completion depends on these dates: the kept status follows
  // in the same transaction.
  getDb().transaction(
    (tx) => {
      tx.update(schema.course)
        .set({ requiredFrom, campaignDeadline })
        .where(eq(schema.course.id, course.id))
        .run();
      rebuildInTransaction(tx);
    },
    { behavior: "immediate" },
  );
  recordSettingsChange({
    request,
    actor: admin,
    action: "change_course",
    setting: `Kursus: ${course.title}`,
    change: changes.join("; "),
  });
  return { code, ok: true as const, message: `Gemt. ${changes.join(". ")}.` };
}

export default function AdminCourses() {
  const { courses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Kurser og frister</h1>
      <p className="mt-2 max-w-prose">
        Ingen får en frist, før kravet fandtes: en medarbejder, der var ansat før kravet, skal have kurset
        senest det antal dage efter kravets start, som kurset giver nyansatte. Har kurset en kampagnefrist,
        gælder den i stedet for alle, der var ansat før den. Ændringer står i revisionssporet.
      </p>
      <ul className="mt-4 space-y-4">
        {courses.map((c) => {
          const mine = result?.code === c.code ? result : undefined;
          const kept = mine && !mine.ok ? mine.values : undefined;
          const errorsOf = (name: string) => (mine && !mine.ok ? mine.errors.fieldErrors[name] : undefined);
          return (
            <li key={c.code} className="rounded-lg bg-white p-5 shadow-sm">
              <h2 className="text-xl font-semibold">{c.title}</h2>
              <Form method="post" noValidate className="mt-3 space-y-3">
                <Saved result={mine} />
                <ErrorSummary
                  errors={mine && !mine.ok ? mine.errors : null}
                  labels={LABELS}
                  ids={{ requiredFrom: `fra-${c.code}`, campaignDeadline: `kampagne-${c.code}` }}
                  className=""
                />
                <input type="hidden" name="code" value={c.code} />
                <Field
                  id={`fra-${c.code}`}
                  name="requiredFrom"
                  type="date"
                  label={LABELS.requiredFrom}
                  hint={`Medarbejdere ansat før denne dato har frist ${c.dueDays} dage efter den.`}
                  errors={errorsOf("requiredFrom")}
                  defaultValue={kept?.requiredFrom ?? c.requiredFrom ?? ""}
                  className="sm:max-w-xs"
                />
                <Field
                  id={`kampagne-${c.code}`}
                  name="campaignDeadline"
                  type="date"
                  label={LABELS.campaignDeadline}
                  hint="Gælder alle, der var ansat før fristen og endnu ikke har gennemført kurset."
                  errors={errorsOf("campaignDeadline")}
                  defaultValue={kept?.campaignDeadline ?? c.campaignDeadline ?? ""}
                  className="sm:max-w-xs"
                />
                <SubmitButton name="code" value={c.code} pendingText="Gemmer …">
                  Gem datoer for {c.title}
                </SubmitButton>
              </Form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const LABELS = { requiredFrom: "Kravet gælder fra", campaignDeadline: "Kampagnefrist (tom: ingen)" };

// What was saved, focused so a screen reader hears it (a failure shows the ErrorSummary instead).
function Saved({ result }: { result: Result | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result?.ok) ref.current?.focus();
  }, [result]);
  if (!result?.ok) return null;
  return (
    <p ref={ref} tabIndex={-1} role="status" className="rounded bg-green-50 p-3 text-ok">
      {result.message}
    </p>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Kurser og frister") }];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/" label="Gå til forsiden" />;
}
