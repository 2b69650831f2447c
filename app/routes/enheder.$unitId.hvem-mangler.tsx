import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { recordAudit } from "~/audit/audit.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { parsePeopleQuery, peopleQueryToParams, statusDate } from "~/compliance/people-list";
import { buildPeopleView } from "~/compliance/people-view.server";
import { isNotCompleted, STATUS_LABEL } from "~/compliance/status";
import { requireUnitForViewer } from "~/compliance/units.server";
import { formatCount, formatLongDate, formatLongTimestamp, formatShortDate } from "~/ui/format";

// "Hvem mangler?": everyone who has not completed (Mangler or Overskredet), grouped by unit,
// ready to print or hand to the director.
export function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = requireUnitForViewer(request, params.unitId);
  const asOf = today();
  const url = new URL(request.url);
  url.searchParams.set("status", "ikke-gennemfoert");
  const courses = listCourses();
  const query = parsePeopleQuery(
    url.searchParams,
    courses.map((c) => c.code),
  );
  const view = buildPeopleView({ viewer: user, unit, query: { ...query, sort: "enhed", dir: "asc" }, asOf });
  recordAudit({
    request,
    actor: user,
    action: "view_not_completed",
    scope: view.scopeLabel,
    filters: view.filters,
    rowCount: view.people.length,
  });

  const selected = courses.filter((c) => query.course === "alle" || c.code === query.course);
  const groups = new Map<string, { name: string; employeeNumber: string; missing: string[] }[]>();
  for (const p of view.people) {
    const label = view.unitLabel(p.unitId);
    const missing = selected.flatMap((c) => {
      const s = p.statuses[c.code];
      if (!s || !isNotCompleted(s) || s.kind === "notListed") return [];
      const due = statusDate(s);
      return [`${c.title}: ${STATUS_LABEL[s.kind]}${due ? `, frist ${formatShortDate(due)}` : ""}`];
    });
    const list = groups.get(label) ?? [];
    list.push({ name: p.name, employeeNumber: p.employeeNumber, missing });
    groups.set(label, list);
  }
  return {
    asOf,
    madeAt: formatLongTimestamp(Date.now()),
    unit: { id: unit.id, name: unit.name },
    course: query.course,
    courses: courses.map((c) => ({ code: c.code, title: c.title })),
    courseLabel: selected.length === 1 ? selected[0]?.title : "GDPR eller AI",
    exportParams: peopleQueryToParams({ ...query, sort: "enhed", dir: "asc", page: 1 }).toString(),
    total: view.people.length,
    groups: [...groups].map(([label, people]) => ({ label, people })),
  };
}

export default function WhoIsMissing() {
  const d = useLoaderData<typeof loader>();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm print:hidden">
        <Link to={`/enheder/${d.unit.id}`}>{d.unit.name}</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Hvem mangler? {d.unit.name}</h1>
      <p className="mt-1">
        Medarbejdere, der ikke har gennemført {d.courseLabel} (mangler eller overskredet), pr.{" "}
        {formatLongDate(d.asOf)}. Lavet {d.madeAt}.
      </p>

      <div className="mt-4 flex flex-wrap items-end gap-4 print:hidden">
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="kursus" className="block text-sm font-semibold">
              Kursus
            </label>
            <select
              id="kursus"
              name="kursus"
              defaultValue={d.course}
              className="mt-1 rounded border border-gray-500 bg-white px-2 py-2"
            >
              <option value="alle">GDPR eller AI</option>
              {d.courses.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-brand-700 px-4 py-2 font-semibold">
            Vis
          </button>
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
        <a href={`/enheder/${d.unit.id}/eksport?format=csv&${d.exportParams}`}>Hent som CSV</a>
        <a href={`/enheder/${d.unit.id}/eksport?format=xlsx&${d.exportParams}`}>Hent som Excel (XLSX)</a>
      </div>

      <p role="status" className="mt-4 font-semibold">
        {d.total === 0 ? "Alle har gennemført. Ingen mangler." : `${formatCount(d.total)} mangler i alt.`}
      </p>

      {d.groups.map((g) => (
        <section key={g.label} aria-label={g.label} className="mt-6 break-inside-avoid-page">
          <h2 className="border-b-2 border-brand-700 pb-1 text-lg font-semibold">
            {g.label} <span className="font-normal">({g.people.length})</span>
          </h2>
          <ul className="mt-2 divide-y divide-gray-200 bg-white print:bg-transparent">
            {g.people.map((p) => (
              <li key={p.employeeNumber} className="flex flex-wrap justify-between gap-x-4 px-2 py-1.5">
                <span>
                  {p.name} <span className="text-sm text-muted">({p.employeeNumber})</span>
                </span>
                <span className="text-sm">{p.missing.join(" · ")}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Hvem mangler? ${data?.unit.name ?? ""} · Albertslund Kommune` },
];
