import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/audit/audit.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import {
  parsePeopleQuery,
  peopleQueryToParams,
  SORTS,
  STATUS_FILTERS,
  statusDate,
} from "~/compliance/people-list";
import { STATUS_LABEL } from "~/compliance/status";
import { requireUnitForViewer } from "~/compliance/units.server";
import { viewerInput } from "~/server/jobs.server";
import { runInWorker } from "~/server/run-in-worker.server";
import { CourseFilter } from "~/ui/course-filter";
import { ExportLinks } from "~/ui/export-links";
import { Field, SelectField, SubmitButton } from "~/ui/form";
import { formatCount, formatLongDate, formatStatusDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";
import { StatusBadge } from "~/ui/status-badge";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = requireUnitForViewer(request, params.unitId);
  const asOf = today();
  const query = parsePeopleQuery(
    new URL(request.url).searchParams,
    listCourses().map((c) => c.code),
  );
  // Status, filter and sort of everyone in the unit are the heavy part: off the request thread.
  const view = await runInWorker("peopleView", {
    viewer: viewerInput(user),
    unitId: unit.id,
    query,
    asOf,
    page: query.page,
  });
  recordAudit({
    request,
    actor: user,
    action: "view_people",
    scope: view.scopeLabel,
    filters: view.filters,
    rowCount: view.total,
  });
  const unitPrefix = `${view.scopeLabel} > `;
  return {
    asOf,
    unit: { id: unit.id, name: unit.name },
    query,
    params: peopleQueryToParams(query, { page: 1 }).toString(),
    courses: view.courses.map((c) => ({ code: c.code, title: c.title })),
    total: view.total,
    page: view.page,
    pageCount: view.pageCount,
    rows: view.people.map((p) => {
      const label = view.unitLabels[p.unitId] ?? "";
      return {
        id: p.employeeId,
        name: p.name,
        employeeNumber: p.employeeNumber,
        // The part of the path below the unit on screen.
        unit: label.startsWith(unitPrefix) ? label.slice(unitPrefix.length) : unit.name,
        statuses: view.courses.map((c) => {
          const status = p.statuses[c.code] ?? { kind: "notListed" as const };
          return { code: c.code, status, date: statusDate(status) };
        }),
      };
    }),
  };
}

export default function PeopleList() {
  const d = useLoaderData<typeof loader>();
  const base = `/enheder/${d.unit.id}/personer`;
  const pageLink = (page: number) => {
    const params = new URLSearchParams(d.params);
    if (page > 1) params.set("side", String(page));
    return `${base}?${params}`;
  };
  const exportParams = new URLSearchParams(d.params);

  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to={`/enheder/${d.unit.id}`}>{d.unit.name}</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Personer i {d.unit.name}</h1>
      <p className="mt-2">Status pr. {formatLongDate(d.asOf)}, for enheden og alle enheder under den.</p>
      <p className="mt-2">
        <Link to={`/enheder/${d.unit.id}/paamindelser`}>
          Send påmindelse til dem, der ikke har gennemført
        </Link>
      </p>

      <Form
        method="get"
        className="mt-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3"
      >
        <CourseFilter course={d.query.course} courses={d.courses} />
        <SelectField
          id="status"
          name="status"
          label="Status"
          hint="Ikke gennemført = Mangler (fristen er ikke nået) og Overskredet (fristen er passeret)."
          defaultValue={STATUS_FILTERS[d.query.status].slug}
          options={Object.values(STATUS_FILTERS).map((f) => ({ value: f.slug, label: f.label }))}
        />
        <Field
          id="q"
          name="q"
          type="search"
          label="Søg på navn eller medarbejdernr."
          defaultValue={d.query.q}
        />
        <SelectField
          id="sort"
          name="sort"
          label="Sortér efter"
          defaultValue={SORTS[d.query.sort].slug}
          options={Object.values(SORTS).map((sort) => ({ value: sort.slug, label: sort.label }))}
        />
        <SelectField id="retning" name="retning" label="Rækkefølge" defaultValue={d.query.dir}>
          <option value="asc">Stigende (A-Å, tidligste først)</option>
          <option value="desc">Faldende (Å-A, seneste først)</option>
        </SelectField>
        <div className="flex items-end">
          <SubmitButton>Vis</SubmitButton>
        </div>
      </Form>

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="font-semibold">
          {d.total === 1 ? "1 person" : `${formatCount(d.total)} personer`}
        </p>
        <ExportLinks href={(format) => `/enheder/${d.unit.id}/eksport?format=${format}&${exportParams}`} />
      </div>

      {d.total === 0 ? (
        <p className="mt-4 rounded bg-white p-4">Ingen personer passer til filtrene.</p>
      ) : (
        <>
          <table className="mt-4 hidden w-full border-collapse bg-white text-sm shadow-sm md:table">
            <caption className="sr-only">
              Personer i {d.unit.name}, side {d.page} af {d.pageCount}
            </caption>
            <thead>
              <tr className="border-b-2 border-brand-700 text-left">
                <th scope="col" className="p-2">
                  Navn
                </th>
                <th scope="col" className="p-2">
                  Medarbejdernr.
                </th>
                <th scope="col" className="p-2">
                  Enhed
                </th>
                {d.courses.map((c) => (
                  <th key={c.code} scope="col" className="p-2">
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id} className="border-b border-gray-200 align-top">
                  <th scope="row" className="p-2 text-left font-normal">
                    <Link to={`/medarbejdere/${r.id}`}>{r.name}</Link>
                  </th>
                  <td className="p-2">{r.employeeNumber}</td>
                  <td className="p-2">{r.unit}</td>
                  {r.statuses.map((s) => (
                    <td key={s.code} className="p-2">
                      <StatusBadge status={s.status} />
                      {s.date ? (
                        <span className="block text-xs text-muted">
                          {formatStatusDate(s.status.kind, s.date)}
                        </span>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>

          <ul className="mt-4 space-y-3 md:hidden">
            {d.rows.map((r) => (
              <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm">
                <Link to={`/medarbejdere/${r.id}`} className="font-semibold">
                  {r.name}
                </Link>
                <p className="text-sm text-muted">
                  {r.employeeNumber} · {r.unit}
                </p>
                <dl className="mt-2 space-y-1 text-sm">
                  {r.statuses.map((s) => (
                    <div key={s.code} className="flex flex-wrap items-center gap-2">
                      <dt className="font-semibold">{d.courses.find((c) => c.code === s.code)?.title}:</dt>
                      <dd>
                        {s.status.kind === "notListed" ? "–" : STATUS_LABEL[s.status.kind]}
                        {s.date ? `, ${formatStatusDate(s.status.kind, s.date)}` : ""}
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>

          {d.pageCount > 1 ? (
            <nav aria-label="Sider" className="mt-4 flex flex-wrap items-center gap-4">
              {d.page > 1 ? <Link to={pageLink(d.page - 1)}>Forrige side</Link> : null}
              <span>
                Side {d.page} af {d.pageCount}
              </span>
              {d.page < d.pageCount ? <Link to={pageLink(d.page + 1)}>Næste side</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Personer i ${data?.unit.name ?? "enheden"}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/enheder" label="Gå til enhederne" />;
}
