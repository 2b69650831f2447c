import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePeopleViewer, requireUnitInScope } from "~/auth/guard.server";
import { canViewUnit } from "~/auth/scope";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { getUnit, listAncestors, listChildUnits, summarizeUnits } from "~/compliance/units.server";
import { formatLongDate } from "~/ui/format";
import { UnitSummaryList } from "~/ui/unit-summary-list";

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const unitId = Number(params.unitId);
  const unit = Number.isInteger(unitId) ? getUnit(unitId) : undefined;
  if (!unit) throw data({ message: "Enheden findes ikke." }, { status: 404 });
  requireUnitInScope(user, unit);

  const asOf = today();
  const courses = listCourses();
  const [summary] = summarizeUnits(user, [unit], asOf, courses);
  const children = summarizeUnits(user, listChildUnits(unit.id), asOf, courses);
  return {
    asOf,
    unit: { id: unit.id, name: unit.name },
    // Breadcrumbs link only to the units the viewer may open.
    ancestors: listAncestors(unit)
      .slice(0, -1)
      .map((a) => ({ id: a.id, name: a.name, linked: canViewUnit(user, a.path) })),
    courses: courses.map((c) => ({ code: c.code, title: c.title })),
    total: { id: unit.id, name: unit.name, counts: summary?.counts ?? {} },
    children: children.map((s) => ({ id: s.unit.id, name: s.unit.name, counts: s.counts })),
  };
}

export default function UnitPage() {
  const { asOf, unit, ancestors, courses, total, children } = useLoaderData<typeof loader>();
  return (
    <div>
      {ancestors.length > 0 ? (
        <nav aria-label="Brødkrumme" className="text-sm">
          <ol className="flex flex-wrap gap-1">
            {ancestors.map((a) => (
              <li key={a.id} className="after:ml-1 after:content-['›']">
                {a.linked ? <Link to={`/enheder/${a.id}`}>{a.name}</Link> : a.name}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <h1 className="mt-1 text-2xl font-bold">{unit.name}</h1>
      <p className="mt-2 max-w-prose">
        Status for enheden og alle enheder under den pr. {formatLongDate(asOf)}.
      </p>
      <section aria-labelledby="i-alt" className="mt-4">
        <h2 id="i-alt" className="sr-only">
          I alt
        </h2>
        <UnitSummaryList units={[total]} courses={courses} headingLevel={3} />
      </section>
      {children.length > 0 ? (
        <section aria-labelledby="underenheder" className="mt-8">
          <h2 id="underenheder" className="text-xl font-semibold">
            Enheder under {unit.name}
          </h2>
          <UnitSummaryList units={children} courses={courses} headingLevel={3} />
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.unit.name ?? "Enhed"} · AI og GDPR · Albertslund Kommune` },
];
