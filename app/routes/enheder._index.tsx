import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePeopleViewer } from "~/auth/guard.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { listTopUnitsInScope, summarizeUnits } from "~/compliance/units.server";
import { formatLongDate } from "~/ui/format";
import { UnitSummaryList } from "~/ui/unit-summary-list";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const asOf = today();
  const courses = listCourses();
  const units = summarizeUnits(user, listTopUnitsInScope(user), asOf, courses);
  return {
    asOf,
    wholeOrganisation: user.role === "hr",
    courses: courses.map((c) => ({ code: c.code, title: c.title })),
    units: units.map((s) => ({ id: s.unit.id, name: s.unit.name, counts: s.counts })),
  };
}

export default function Units() {
  const { asOf, wholeOrganisation, courses, units } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">{wholeOrganisation ? "Organisationen" : "Mine enheder"}</h1>
      <p className="mt-2 max-w-prose">Status pr. {formatLongDate(asOf)}.</p>
      <UnitSummaryList units={units} courses={courses} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Enheder · AI og GDPR · Albertslund Kommune" }];
