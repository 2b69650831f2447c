import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePeopleViewer } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { SUPER_USER_MAX, SUPER_USER_MIN, superUserRange } from "~/super-users/range";
import { countSuperUsersByAfdeling, listAfdelinger } from "~/super-users/super-users.server";
import { formatLongDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { SuperUserCount } from "~/ui/super-user-count";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const asOf = today();
  const counts = countSuperUsersByAfdeling(asOf);
  const afdelinger = listAfdelinger(user).map((a) => ({
    id: a.id,
    name: a.name,
    count: counts.get(a.id) ?? 0,
  }));
  return { asOf, wholeOrganisation: user.role === "hr", afdelinger };
}

export default function SuperUsers() {
  const { asOf, wholeOrganisation, afdelinger } = useLoaderData<typeof loader>();
  const outside = afdelinger.filter((a) => superUserRange(a.count) !== "ok").length;
  return (
    <div>
      <h1 className="text-2xl font-bold">AI-superbrugere</h1>
      <p className="mt-2 max-w-prose">
        Chefforum besluttede den 19. juni 2025, at hver afdeling udpeger {SUPER_USER_MIN}-{SUPER_USER_MAX}{" "}
        AI-superbrugere. Her ser du, hvor mange {wholeOrganisation ? "hver afdeling" : "dine afdelinger"} har
        pr. {formatLongDate(asOf)}. Vælg en afdeling for at udpege eller afslutte superbrugere.
      </p>
      {afdelinger.length === 0 ? (
        <p className="mt-6 max-w-prose rounded border border-gray-400 bg-white p-4">
          Du er ikke leder for en hel afdeling. Det er afdelingens leder eller HR, der udpeger
          AI-superbrugere.
        </p>
      ) : (
        <>
          <p className="mt-4 font-semibold" role="status">
            {outside === 0
              ? `Alle ${afdelinger.length} afdelinger har ${SUPER_USER_MIN}-${SUPER_USER_MAX} AI-superbrugere.`
              : `${outside} af ${afdelinger.length} afdelinger har for få eller for mange AI-superbrugere.`}
          </p>
          <table className="stack-table mt-4 w-full border-collapse bg-white text-sm shadow-sm">
            <caption className="sr-only">Antal AI-superbrugere pr. afdeling</caption>
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">
                  Afdeling
                </th>
                <th scope="col" className="p-2">
                  AI-superbrugere
                </th>
              </tr>
            </thead>
            <tbody>
              {afdelinger.map((a) => (
                <tr key={a.id} className="border-b">
                  <td data-label="Afdeling" className="p-2">
                    <Link to={`/superbrugere/${a.id}`} className="inline-block py-1">
                      {a.name}
                    </Link>
                  </td>
                  <td data-label="AI-superbrugere" className="p-2">
                    <SuperUserCount count={a.count} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "AI-superbrugere") }];
