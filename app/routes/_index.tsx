import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { count } from "drizzle-orm";
import { requireUser } from "~/auth/guard.server";
import { canViewPeople } from "~/auth/scope";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { loadOwnCourses } from "~/compliance/own-courses.server";
import { listTopUnitsInScope, summarizeUnitsAsOf } from "~/compliance/units.server";
import { getDb, schema } from "~/db.server";
import { formatLongDate } from "~/ui/format";
import { OwnCourseList } from "~/ui/own-courses";
import { UnitSummaryList } from "~/ui/unit-summary-list";

// One start page whose content follows the role.
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const asOf = today();
  const firstName = user.name.split(" ")[0] ?? user.name;
  const ownCourses = user.role === "employee" ? loadOwnCourses(user) : null;

  let units = null;
  let courses = null;
  if (canViewPeople(user)) {
    courses = listCourses();
    // Today's kept counts: a few rows, however many people HR sees.
    units = summarizeUnitsAsOf({ viewer: user, units: listTopUnitsInScope(user), asOf, courses }).map(
      (s) => ({
        id: s.unit.id,
        name: s.unit.name,
        counts: s.counts,
      }),
    );
  }

  const accountCount =
    user.role === "admin" ? (getDb().select({ n: count() }).from(schema.userAccount).get()?.n ?? 0) : null;

  return {
    role: user.role,
    firstName,
    asOf,
    ownCourses,
    units,
    courses: courses?.map((c) => ({ code: c.code, title: c.title })) ?? [],
    accountCount,
  };
}

export default function Index() {
  const { role, firstName, asOf, ownCourses, units, courses, accountCount } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Hej {firstName}</h1>
      {ownCourses ? (
        <>
          <p className="mt-2 max-w-prose">
            Her er dine obligatoriske kurser. Du skal gennemføre dem, når du starter, og derefter én gang om
            året.
          </p>
          <h2 className="mt-6 text-xl font-semibold">Dine kurser</h2>
          <OwnCourseList courses={ownCourses} />
        </>
      ) : null}
      {units ? (
        <>
          <p className="mt-2 max-w-prose">
            {role === "hr"
              ? "Status for hele organisationen"
              : units.length === 1
                ? "Status for din enhed"
                : "Status for dine enheder"}{" "}
            pr. {formatLongDate(asOf)}. Vælg en enhed for at se, hvem der ikke har gennemført, og enhederne
            under den.
          </p>
          <UnitSummaryList units={units} courses={courses} />
        </>
      ) : role === "manager" ? (
        <p className="mt-4 max-w-prose">
          Du er ikke sat som leder for nogen enhed endnu. Kontakt HR, hvis det er en fejl.
        </p>
      ) : null}
      {accountCount !== null ? (
        <p className="mt-4">
          Der er {accountCount} {accountCount === 1 ? "bruger" : "brugere"}.{" "}
          <Link to="/admin/brugere">Administrér brugere og roller</Link>.
        </p>
      ) : null}
      {role === "admin" ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            <Link to="/admin/ai-vaerktoejer">Redigér AI-værktøjer</Link>
          </li>
          <li>
            <Link to="/admin/indstillinger">Links og kontakter</Link> (Medarbejdersiden, retningslinjer,
            IT-Helpdesk og DPO)
          </li>
        </ul>
      ) : null}
    </div>
  );
}
