import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guard.server";
import { listCourses } from "~/compliance/courses.server";
import { addCourseAlias, listCourseAliases } from "~/imports/completions-apply.server";
import { normalizeKey } from "~/imports/values";
import { pageTitle } from "~/ui/page-title";
import { useErrorFocus } from "~/ui/use-error-focus";

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
  const parsed = AliasForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data({ error: parsed.error.issues[0]?.message ?? "Ugyldigt navn.", added: null }, { status: 400 });
  const course = listCourses().find((c) => c.code === parsed.data.course);
  if (!course) return data({ error: "Kurset findes ikke.", added: null }, { status: 400 });
  const alias = normalizeKey(parsed.data.alias);
  if (alias === normalizeKey(course.code) || alias === normalizeKey(course.title)) {
    return data({ error: "Det navn genkendes allerede.", added: null }, { status: 400 });
  }
  addCourseAlias(course.id, alias);
  // The message comes from this result, never from the URL (anyone can put text in a link).
  return { error: null, added: parsed.data.alias };
}

export default function CourseAliases() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorRef = useErrorFocus(result);
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
      {result?.error ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="mt-3 rounded border-2 border-bad bg-white p-3 text-bad"
        >
          <a href="#alias">{result.error}</a>
        </div>
      ) : null}
      <Form
        key={result?.added ?? "alias"}
        method="post"
        className="mt-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-[auto_minmax(0,1fr)_auto] sm:items-end"
      >
        <div>
          <label htmlFor="course" className="block text-sm font-semibold">
            Kursus
          </label>
          <select
            id="course"
            name="course"
            className="mt-1 min-h-11 w-full rounded border border-gray-500 bg-white px-2 py-2"
          >
            {d.courses.map((c) => (
              <option key={c.code} value={c.code}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor="alias" className="block text-sm font-semibold">
            Navn i leverandørens fil
          </label>
          <input
            id="alias"
            name="alias"
            aria-invalid={result?.error ? true : undefined}
            className="mt-1 min-h-11 w-full rounded border border-gray-500 px-2 py-2"
          />
        </div>
        <button
          type="submit"
          className="min-h-11 justify-self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Tilføj navn
        </button>
      </Form>
      <h2 className="mt-6 text-xl font-semibold">Kendte navne</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {d.aliases.map((a) => (
          <li key={a.alias} className="break-words">
            {a.alias} → {a.course}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Kursusnavne") }];
