import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePeopleViewer } from "~/auth/guard.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { viewerInput } from "~/server/jobs.server";
import { runInWorker } from "~/server/run-in-worker.server";
import { ExportLinks } from "~/ui/export-links";
import { formatLongDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { UnitTree } from "~/ui/unit-tree";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const asOf = today();
  const courses = listCourses();
  // Counting everyone in scope is the heavy part: off the request thread.
  const units = await runInWorker("unitOverview", { viewer: viewerInput(user), asOf });
  return {
    asOf,
    wholeOrganisation: user.role === "hr",
    courses: courses.map((c) => ({ code: c.code, title: c.title })),
    units,
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
        {units.some((u) => u.childrenNotShown > 0)
          ? " Oversigten viser de øverste niveauer; enhederne under dem finder du på hver enheds side."
          : ""}
      </p>
      <UnitTree units={units} courses={courses} />
      <section aria-labelledby="hent-filer" className="mt-8">
        <h2 id="hent-filer" className="text-xl font-bold">
          Hent filer for {wholeOrganisation ? "hele organisationen" : "dine enheder"}
        </h2>
        <h3 className="mt-4 font-semibold">Alle, der ikke har gennemført</h3>
        <p className="max-w-prose text-sm">
          Én række pr. person og kursus med status Mangler eller Overskredet, sorteret efter enhed.
        </p>
        <ExportLinks
          what="alle, der ikke har gennemført,"
          hint={false}
          href={(format) => `/enheder/eksport?rapport=hvem-mangler&format=${format}`}
        />
        <h3 className="mt-4 font-semibold">Status pr. enhed</h3>
        <p className="max-w-prose text-sm">
          Én række pr. enhed med antal medarbejdere og, for hvert kursus, hvor mange der har gennemført, hvor
          mange der ikke har (Mangler og Overskredet) og andelen, der har gennemført.
        </p>
        <ExportLinks
          what="status pr. enhed"
          href={(format) => `/enheder/eksport?rapport=status-pr-enhed&format=${format}`}
        />
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Enheder") }];
