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
import { formatShortDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { routeErrorBoundary } from "~/ui/route-error-boundary";

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
  | { code: string; ok: false; error: string; field: string; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const form = Object.fromEntries(
    [...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
  );
  const code = form.code ?? "";
  const course = listCourses().find((c) => c.code === code);
  if (!course)
    return data<Result>({ code, ok: false, error: "Kurset findes ikke.", field: "", values: form }, 400);
  const parsed = CourseDates.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return data<Result>(
      {
        code,
        ok: false,
        error: issue?.message ?? "Ugyldig dato.",
        field: String(issue?.path[0] ?? ""),
        values: form,
      },
      400,
    );
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

const field = "mt-1 min-h-11 w-full rounded border border-gray-500 bg-white px-2 py-2 sm:max-w-xs";

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
          return (
            <li key={c.code} className="rounded-lg bg-white p-5 shadow-sm">
              <h2 className="text-xl font-semibold">{c.title}</h2>
              <Form method="post" noValidate className="mt-3 space-y-3">
                <Message result={mine} />
                <input type="hidden" name="code" value={c.code} />
                <div>
                  <label htmlFor={`fra-${c.code}`} className="block text-sm font-semibold">
                    Kravet gælder fra
                  </label>
                  <p id={`fra-hjaelp-${c.code}`} className="text-sm text-muted">
                    Medarbejdere ansat før denne dato har frist {c.dueDays} dage efter den.
                  </p>
                  <input
                    id={`fra-${c.code}`}
                    name="requiredFrom"
                    type="date"
                    aria-describedby={`fra-hjaelp-${c.code}`}
                    aria-invalid={(mine && !mine.ok && mine.field === "requiredFrom") || undefined}
                    defaultValue={kept?.requiredFrom ?? c.requiredFrom ?? ""}
                    className={field}
                  />
                </div>
                <div>
                  <label htmlFor={`kampagne-${c.code}`} className="block text-sm font-semibold">
                    Kampagnefrist (tom: ingen)
                  </label>
                  <p id={`kampagne-hjaelp-${c.code}`} className="text-sm text-muted">
                    Gælder alle, der var ansat før fristen og endnu ikke har gennemført kurset.
                  </p>
                  <input
                    id={`kampagne-${c.code}`}
                    name="campaignDeadline"
                    type="date"
                    aria-describedby={`kampagne-hjaelp-${c.code}`}
                    aria-invalid={(mine && !mine.ok && mine.field === "campaignDeadline") || undefined}
                    defaultValue={kept?.campaignDeadline ?? c.campaignDeadline ?? ""}
                    className={field}
                  />
                </div>
                <button
                  type="submit"
                  className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
                >
                  Gem datoer for {c.title}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Message({ result }: { result: Result | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  if (!result) return null;
  return result.ok ? (
    <p ref={ref} tabIndex={-1} role="status" className="rounded bg-green-50 p-3 text-ok">
      {result.message}
    </p>
  ) : (
    <p ref={ref} tabIndex={-1} role="alert" className="rounded border-2 border-bad bg-white p-3 text-bad">
      {result.error}
    </p>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Kurser og frister") }];

export const ErrorBoundary = routeErrorBoundary("/", "Gå til forsiden");
