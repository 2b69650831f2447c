// The department lists the minutes ask for: per afdeling, who has not completed GDPR or AI. HR
// downloads each as XLSX here; `npm run reminders -- --department-lists` mails the same file to
// each afdeling's head.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { listDepartments } from "~/reminders/reminders.server";
import { formatLongDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "hr");
  return {
    day: today(),
    departments: listDepartments().map((d) => ({
      id: d.unit.id,
      label: d.label,
      name: d.unit.name,
      heads: d.heads.map((h) => `${h.name} (${h.email})`),
    })),
  };
}

export default function DepartmentLists() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/hr/udbakke">Udbakke</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Afdelingslister</h1>
      <p className="mt-2">
        Chefforum besluttede, at hver afdeling får en liste over, hvem der endnu ikke har gennemført kurserne.
        Her kan du hente listen for hver afdeling pr. {formatLongDate(d.day)} (én række pr. person og kursus,
        GDPR og AI). Det planlagte job <code>npm run reminders -- --department-lists</code> sender samme fil
        til afdelingens leder.
      </p>
      <ul className="mt-4 space-y-3">
        {d.departments.map((dep) => (
          <li key={dep.id} className="rounded-lg bg-white p-4 shadow-sm">
            <p className="break-words font-semibold">{dep.label}</p>
            <p className="mt-1 text-sm">
              {dep.heads.length > 0
                ? `Leder: ${dep.heads.join(", ")}`
                : "Ingen leder er registreret for afdelingen, så listen bliver ikke mailet."}
            </p>
            <a className="mt-2 inline-block" href={`/hr/afdelingslister/${dep.id}`} download>
              Hent listen for {dep.name} (XLSX)
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Afdelingslister") }];
