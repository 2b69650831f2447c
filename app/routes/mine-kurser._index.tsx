import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireEmployee, requireUser } from "~/auth/guard.server";
import { isDay, today } from "~/compliance/day";
import { loadOwnCourses } from "~/compliance/own-courses.server";
import { VOLUNTARY_COURSES } from "~/courses/voluntary";
import { listSelfReports, reportVoluntaryCompletion } from "~/courses/voluntary.server";
import { askSuperUsersData } from "~/super-users/super-users.server";
import { AskSuperUsers } from "~/ui/ask-super-users";
import { ErrorSummary, Field, SubmitButton } from "~/ui/form";
import { formErrorsFrom, submittedValues } from "~/ui/form-errors";
import { formatShortDate } from "~/ui/format";
import { OwnCourseList } from "~/ui/own-courses";
import { pageTitle } from "~/ui/page-title";

const VOLUNTARY_KEYS = VOLUNTARY_COURSES.map((c) => c.key) as [string, ...string[]];

const SelfReport = z.object({
  courseKey: z.enum(VOLUNTARY_KEYS),
  completedOn: z
    .string()
    .min(1, "Skriv datoen, hvor du gennemførte kurset.")
    .refine(isDay, "Skriv en gyldig dato, fx 15-03-2025.")
    .refine((d) => d <= today(), "Datoen må ikke ligge i fremtiden.")
    .refine((d) => d >= "2018-01-01", "Kurset blev lanceret i 2018. Datoen kan ikke ligge før."),
});

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  if (user.employeeId === null) return { hasEmployeeRecord: false as const };
  const reports = listSelfReports(user.employeeId);
  return {
    hasEmployeeRecord: true as const,
    courses: loadOwnCourses(user),
    today: today(),
    askSuperUsers: askSuperUsersData(user.employeeId, today()),
    voluntary: VOLUNTARY_COURSES.map((c) => ({
      ...c,
      reportedOn: reports.find((r) => r.courseKey === c.key)?.completedOn ?? null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireEmployee(request);
  const form = await request.formData();
  const parsed = SelfReport.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return data({ errors: formErrorsFrom(parsed.error), values: submittedValues(form) }, { status: 400 });
  }
  reportVoluntaryCompletion(user.employeeId, parsed.data.courseKey, parsed.data.completedOn);
  return { errors: null, values: null };
}

export default function MyCourses() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (!page.hasEmployeeRecord) {
    return (
      <div>
        <h1 className="text-2xl font-bold">Mine kurser</h1>
        <p className="mt-4 max-w-prose">
          Din bruger er ikke knyttet til en medarbejder i personalelisten, så du har ingen obligatoriske
          kurser her.
        </p>
      </div>
    );
  }
  return (
    <div>
      <h1 className="text-2xl font-bold">Mine kurser</h1>
      <p className="mt-2 max-w-prose">
        Kurserne er obligatoriske for alle medarbejdere. Du tager dem, når du starter, og derefter én gang om
        året.
      </p>
      <h2 className="mt-6 text-xl font-semibold">Obligatoriske kurser</h2>
      <OwnCourseList courses={page.courses} />
      <AskSuperUsers data={page.askSuperUsers} />

      <h2 className="mt-10 text-xl font-semibold">Frivillige kurser</h2>
      {page.voluntary.map((c) => (
        <section
          key={c.key}
          aria-labelledby={`frivillig-${c.key}`}
          className="mt-4 rounded-lg bg-white p-5 shadow-sm"
        >
          <h3 id={`frivillig-${c.key}`} className="text-lg font-semibold">
            {c.title}
          </h3>
          <p className="mt-2 max-w-prose">{c.description}</p>
          <p className="mt-2">
            <a href={c.url}>Gå til {c.title} (åbner kursets egen side)</a>
          </p>
          <div role="status" className="mt-3">
            {c.reportedOn ? (
              <p>
                Du har registreret, at du gennemførte kurset {formatShortDate(c.reportedOn)}{" "}
                (selvrapporteret).
              </p>
            ) : null}
          </div>
          {/* Each course has its own form: the errors belong to the one that was sent. */}
          <ErrorSummary
            errors={result?.values?.courseKey === c.key ? result.errors : null}
            labels={{ completedOn: `Hvornår gennemførte du ${c.title}?` }}
            ids={{ completedOn: `${c.key}-dato` }}
          />
          <Form method="post" noValidate className="mt-3 flex flex-wrap items-end gap-3">
            <input type="hidden" name="courseKey" value={c.key} />
            <Field
              id={`${c.key}-dato`}
              name="completedOn"
              type="date"
              label={`Hvornår gennemførte du ${c.title}?`}
              max={page.today}
              errors={
                result?.values?.courseKey === c.key ? result.errors?.fieldErrors.completedOn : undefined
              }
              defaultValue={
                (result?.values?.courseKey === c.key ? result.values.completedOn : null) ?? c.reportedOn ?? ""
              }
            />
            <SubmitButton
              name="courseKey"
              value={c.key}
              className="min-h-11 rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
            >
              {c.reportedOn ? "Ret datoen" : "Registrér som gennemført"}
            </SubmitButton>
          </Form>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Mine kurser") }];
