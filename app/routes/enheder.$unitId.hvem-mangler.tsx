import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { recordAudit } from "~/audit/audit.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import {
  parsePeopleQuery,
  peopleQueryToParams,
  STATUS_FILTERS,
  selectedCourses,
  statusDate,
} from "~/compliance/people-list";
import { isNotCompleted, STATUS_LABEL } from "~/compliance/status";
import { requireUnitForViewer } from "~/compliance/units.server";
import { viewerInput } from "~/server/jobs.server";
import { runInWorker } from "~/server/run-in-worker.server";
import { CourseFilter } from "~/ui/course-filter";
import { ExportLinks } from "~/ui/export-links";
import { SubmitButton } from "~/ui/form";
import { formatCount, formatLongDate, formatLongTimestamp, formatShortDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

// "Hvem mangler?": everyone who has not completed (Mangler or Overskredet), grouped by unit, as a
// compact table that prints on few pages (see the print rules in tailwind.css).

/** More than this is no page to read or print (a whole region): the files hold any number. */
const MAX_PEOPLE_ON_PAGE = 2000;
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = requireUnitForViewer(request, params.unitId);
  const asOf = today();
  const url = new URL(request.url);
  url.searchParams.set("status", STATUS_FILTERS.notCompleted.slug);
  const courses = listCourses();
  const query = parsePeopleQuery(
    url.searchParams,
    courses.map((c) => c.code),
  );
  // Status, filter and sort of everyone in the unit are the heavy part: off the request thread.
  const view = await runInWorker("peopleView", {
    viewer: viewerInput(user),
    unitId: unit.id,
    query: { ...query, sort: "unit", dir: "asc" },
    asOf,
    maxPeople: MAX_PEOPLE_ON_PAGE,
  });
  recordAudit({
    request,
    actor: user,
    action: "view_not_completed",
    scope: view.scopeLabel,
    filters: view.filters,
    rowCount: view.people.length,
  });

  const selected = selectedCourses(query, courses);
  // One row per person: for each course the status word and the frist, or "–" when it is done.
  const groups = new Map<string, { name: string; employeeNumber: string; cells: string[] }[]>();
  for (const p of view.people) {
    const label = view.unitLabels[p.unitId] ?? "";
    const cells = selected.map((c) => {
      const s = p.statuses[c.code];
      if (!s || !isNotCompleted(s) || s.kind === "notListed") return "–";
      const due = statusDate(s);
      return due ? `${STATUS_LABEL[s.kind]}, frist ${formatShortDate(due)}` : STATUS_LABEL[s.kind];
    });
    const list = groups.get(label) ?? [];
    list.push({ name: p.name, employeeNumber: p.employeeNumber, cells });
    groups.set(label, list);
  }
  return {
    asOf,
    madeAt: formatLongTimestamp(Date.now()),
    unit: { id: unit.id, name: unit.name },
    course: query.course,
    courses: courses.map((c) => ({ code: c.code, title: c.title })),
    columns: selected.map((c) => c.title),
    courseLabel: selected.length === 1 ? selected[0]?.title : "GDPR eller AI",
    exportParams: peopleQueryToParams({ ...query, sort: "unit", dir: "asc", page: 1 }).toString(),
    total: view.total,
    tooMany: view.tooMany,
    groups: [...groups].map(([label, people]) => ({ label, people })),
  };
}

export default function WhoIsMissing() {
  const d = useLoaderData<typeof loader>();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <div className="print-report">
      <nav aria-label="Brødkrumme" className="text-sm print:hidden">
        <Link to={`/enheder/${d.unit.id}`}>{d.unit.name}</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold print:text-xl">Hvem mangler? {d.unit.name}</h1>
      <p className="mt-1 print:text-sm">
        Medarbejdere, der ikke har gennemført {d.courseLabel} (mangler eller overskredet), pr.{" "}
        {formatLongDate(d.asOf)}. Lavet {d.madeAt}.
      </p>

      <div className="mt-4 flex flex-wrap items-end gap-4 print:hidden">
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <CourseFilter course={d.course} courses={d.courses} allLabel="GDPR eller AI" />
          <SubmitButton className="min-h-11 rounded border border-brand-700 px-4 py-2 font-semibold">
            Vis
          </SubmitButton>
        </Form>
        {canPrint ? (
          <button
            type="button"
            onClick={() => window.print()}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            Udskriv
          </button>
        ) : null}
        <ExportLinks href={(format) => `/enheder/${d.unit.id}/eksport?format=${format}&${d.exportParams}`} />
      </div>

      <p role="status" className="mt-4 font-semibold">
        {d.total === 0
          ? "Alle har gennemført."
          : `${d.total === 1 ? "1 person" : `${formatCount(d.total)} personer`} har ikke gennemført.`}
      </p>
      {d.tooMany ? (
        <p className="mt-2 max-w-prose">
          Det er for mange til at vise på én side. Hent listen som CSV eller Excel ovenfor, eller vælg en
          mindre enhed.
        </p>
      ) : null}

      {d.groups.map((g, i) => {
        const id = `enhed-${i}`;
        return (
          <section key={g.label} aria-labelledby={id} className="report-group mt-6 print:mt-3">
            <h2 id={id} className="report-unit text-lg font-semibold print:text-sm">
              {g.label} <span className="font-normal">({g.people.length})</span>
            </h2>
            <table className="report-table stack-table w-full border-collapse bg-white text-sm print:bg-transparent print:text-xs">
              <thead>
                {/* Repeated by the browser at the top of every printed page the table runs onto; on the
                    first page the unit heading above covers it. */}
                <tr className="report-continued">
                  <th colSpan={2 + d.columns.length} className="text-left font-semibold">
                    {g.label} (fortsat)
                  </th>
                </tr>
                <tr className="border-b-2 border-brand-700 text-left">
                  <th scope="col" className="p-1.5">
                    Navn
                  </th>
                  <th scope="col" className="p-1.5">
                    Medarbejdernr.
                  </th>
                  {d.columns.map((c) => (
                    <th key={c} scope="col" className="p-1.5">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {g.people.map((p) => (
                  <tr
                    key={p.employeeNumber}
                    className="break-inside-avoid border-b border-gray-200 align-top"
                  >
                    <td className="p-1.5 font-semibold sm:font-normal print:py-0.5">{p.name}</td>
                    <td data-label="Medarbejdernr." className="p-1.5 print:py-0.5">
                      {p.employeeNumber}
                    </td>
                    {p.cells.map((cell, c) => (
                      <td key={d.columns[c]} data-label={d.columns[c]} className="p-1.5 print:py-0.5">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Hvem mangler? ${data?.unit.name ?? ""}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/enheder" label="Gå til enhederne" />;
}
