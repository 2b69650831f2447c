import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canViewUnit } from "~/auth/scope";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { listAncestors, requireUnitForViewer } from "~/compliance/units.server";
import { viewerInput } from "~/server/jobs.server";
import { runInWorker } from "~/server/run-in-worker.server";
import { BarChart, TrendChart } from "~/ui/charts";
import { formatLongDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";
import { completionBars } from "~/ui/status-words";
import { UnitSummaryList } from "~/ui/unit-summary-list";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = requireUnitForViewer(request, params.unitId);
  const asOf = today();
  const courses = listCourses();
  // Today's counts and the 12-month trend are the heavy part: off the request thread.
  const { total, children, trend } = await runInWorker("unitDashboard", {
    viewer: viewerInput(user),
    unitId: unit.id,
    asOf,
  });
  return {
    asOf,
    unit: { id: unit.id, name: unit.name },
    ancestors: listAncestors(unit)
      .slice(0, -1)
      .map((a) => ({ id: a.id, name: a.name, linked: canViewUnit(user, a.path) })),
    courses: courses.map((c) => ({ code: c.code, title: c.title })),
    total: { id: unit.id, name: unit.name, counts: total },
    children,
    trend,
  };
}

export default function UnitPage() {
  const u = useLoaderData<typeof loader>();
  const base = `/enheder/${u.unit.id}`;
  return (
    <div>
      {u.ancestors.length > 0 ? (
        <nav aria-label="Brødkrumme" className="text-sm">
          <ol className="flex flex-wrap gap-1">
            {u.ancestors.map((a) => (
              <li key={a.id} className="after:ml-1 after:content-['›']">
                {a.linked ? <Link to={`/enheder/${a.id}`}>{a.name}</Link> : a.name}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <h1 className="mt-1 text-2xl font-bold">{u.unit.name}</h1>
      <p className="mt-2 max-w-prose">
        Status for enheden og alle enheder under den pr. {formatLongDate(u.asOf)}.
      </p>
      <ul className="mt-4 flex flex-wrap gap-3">
        <li>
          <Link
            to={`${base}/personer?status=ikke-gennemfoert`}
            className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            Se hvem der ikke har gennemført
          </Link>
        </li>
        <li>
          <Link
            to={`${base}/personer`}
            className="inline-block rounded border border-brand-700 px-4 py-2 font-semibold"
          >
            Alle personer
          </Link>
        </li>
        <li>
          <Link
            to={`${base}/hvem-mangler`}
            className="inline-block rounded border border-brand-700 px-4 py-2 font-semibold"
          >
            Udskriv „Hvem mangler?“
          </Link>
        </li>
      </ul>

      <section aria-labelledby="i-alt" className="mt-6">
        <h2 id="i-alt" className="text-xl font-semibold">
          I alt
        </h2>
        <UnitSummaryList units={[u.total]} courses={u.courses} headingLevel={3} />
      </section>

      {u.children.length > 0 ? (
        <section aria-labelledby="underenheder" className="mt-8">
          <h2 id="underenheder" className="text-xl font-semibold">
            Enheder under {u.unit.name}
          </h2>
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            {u.courses.map((c) => (
              <BarChart
                key={c.code}
                id={`soejler-${c.code}`}
                title={`${c.title}: andel gennemført pr. enhed`}
                description={`Vandrette søjler med andelen af medarbejdere i hver enhed under ${u.unit.name}, der har gennemført ${c.title}.`}
                data={completionBars(u.children, c.code)}
              />
            ))}
          </div>
          <UnitSummaryList units={u.children} courses={u.courses} headingLevel={3} />
        </section>
      ) : null}

      <section aria-labelledby="udvikling" className="mt-8">
        <h2 id="udvikling" className="text-xl font-semibold">
          Udvikling det seneste år
        </h2>
        <div className="mt-4">
          <TrendChart
            id="udvikling-graf"
            title={`Andel gennemført ved hver månedsafslutning, ${u.unit.name}`}
            description="Linjer for hvert kursus med andelen, der havde gennemført ved udgangen af hver af de seneste 12 måneder (denne måned til i dag)."
            series={u.trend.map((s) => ({
              name: s.name,
              points: s.points.map((p) => ({ label: p.label, value: p.value })),
            }))}
          />
        </div>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `${data?.unit.name ?? "Enhed"}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/enheder" label="Gå til enhederne" />;
}
