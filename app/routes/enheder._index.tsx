import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePeopleViewer } from "~/auth/guard.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { listPeopleStatuses } from "~/compliance/people.server";
import { listUnitsInScope, summarizeUnits } from "~/compliance/units.server";
import { formatLongDate } from "~/ui/format";
import { UnitTree } from "~/ui/unit-tree";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const asOf = today();
  const courses = listCourses();
  const people = listPeopleStatuses({ viewer: user, unitPath: "/", asOf, courses });
  const units = summarizeUnits(people, listUnitsInScope(user), courses);
  return {
    asOf,
    wholeOrganisation: user.role === "hr",
    courses: courses.map((c) => ({ code: c.code, title: c.title })),
    units: units.map((s) => ({
      id: s.unit.id,
      parentId: s.unit.parentId,
      name: s.unit.name,
      counts: s.counts,
    })),
  };
}

export default function Units() {
  const { asOf, wholeOrganisation, courses, units } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">{wholeOrganisation ? "Organisationen" : "Mine enheder"}</h1>
      <p className="mt-2 max-w-prose">
        Andel, der har gennemført hvert kursus, pr. {formatLongDate(asOf)}. Vælg en enhed for at se
        personerne, grafer og udvikling.
      </p>
      <UnitTree units={units} courses={courses} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Enheder · AI og GDPR · Albertslund Kommune" }];
