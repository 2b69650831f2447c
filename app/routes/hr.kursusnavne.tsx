import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guard.server";
import { listCourses } from "~/compliance/courses.server";
import { addCourseAlias, listCourseAliases } from "~/imports/completions-apply.server";
import { normalizeKey } from "~/imports/values";
import { ErrorSummary, Field, PRIMARY_BUTTON_CLASS, SelectField, SubmitButton } from "~/ui/form";
import { type FormErrors, formErrorOf, formErrorsFrom, submittedValues } from "~/ui/form-errors";
import { pageTitle } from "~/ui/page-title";

// Other names the course vendor's export uses for a course ("AI-Awareness" for ai), so the
// completions import recognises them. Compared without case, spaces, hyphens and dots.
const AliasForm = z.object({
  course: z.string().min(1, "Vælg et kursus."),
  alias: z
    .string()
    .trim()
    .min(2, "Skriv det navn, kursusleverandøren bruger (mindst 2 tegn).")
    .max(100, "Navnet er for langt."),
});

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "hr");
  const courses = listCourses();
  return {
    courses: courses.map((c) => ({ code: c.code, title: c.title })),
    aliases: listCourseAliases().map((a) => ({
      alias: a.alias,
      course: courses.find((c) => c.id === a.courseId)?.title ?? "",
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  requireRole(request, "hr");
  const form = await request.formData();
  const fail = (errors: FormErrors) =>
    data({ errors, values: submittedValues(form), added: null }, { status: 400 });
  const parsed = AliasForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail(formErrorsFrom(parsed.error));
  const course = listCourses().find((c) => c.code === parsed.data.course);
  if (!course) return fail(formErrorOf("course", "Kurset findes ikke."));
  const alias = normalizeKey(parsed.data.alias);
  if (alias === normalizeKey(course.code) || alias === normalizeKey(course.title)) {
    return fail(formErrorOf("alias", "Det navn genkendes allerede."));
  }
  addCourseAlias(course.id, alias);
  // The message comes from this result, never from the URL (anyone can put text in a link).
  return { errors: null, values: null, added: parsed.data.alias };
}

const LABELS = { course: "Kursus", alias: "Navn i leverandørens fil" };

export default function CourseAliases() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <div className="max-w-2xl">
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/hr/import">Indlæs data</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Kursusnavne fra leverandøren</h1>
      <p className="mt-2">
        Når kursusleverandørens fil kalder et kursus noget andet end her, kan du tilføje navnet, så importen
        genkender det. Store og små bogstaver, mellemrum og bindestreger er ligegyldige.
      </p>
      <div role="status">
        {result?.added ? (
          <p className="mt-3 rounded bg-green-50 p-3 text-ok">„{result.added}“ er tilføjet.</p>
        ) : null}
      </div>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form
        key={result?.added ?? "alias"}
        method="post"
        noValidate
        className="mt-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-[auto_minmax(0,1fr)_auto] sm:items-end"
      >
        <SelectField
          name="course"
          label={LABELS.course}
          errors={errors?.fieldErrors.course}
          defaultValue={result?.values?.course}
          options={page.courses.map((c) => ({ value: c.code, label: c.title }))}
        />
        <Field
          name="alias"
          label={LABELS.alias}
          className="min-w-0"
          errors={errors?.fieldErrors.alias}
          defaultValue={result?.values?.alias}
        />
        <SubmitButton pendingText="Tilføjer …" className={`justify-self-start ${PRIMARY_BUTTON_CLASS}`}>
          Tilføj navn
        </SubmitButton>
      </Form>
      <h2 className="mt-6 text-xl font-semibold">Kendte navne</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {page.aliases.map((a) => (
          <li key={a.alias} className="break-words">
            {a.alias} → {a.course}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Kursusnavne") }];
