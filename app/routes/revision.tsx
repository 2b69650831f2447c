import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAuditEvents } from "~/audit/audit.server";
import { AUDIT_ACTION_LABEL } from "~/audit/labels";
import { requireRole } from "~/auth/guard.server";
import { ROLE_LABEL } from "~/auth/roles";
import { isDay } from "~/compliance/day";
import { Field, SelectField, SubmitButton } from "~/ui/form";
import { formatTimestamp } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { parseId } from "~/url-params";
import { AUDIT_ACTIONS } from "../../db/constants";

const PAGE_SIZE = 100;
const day = z.string().refine(isDay).optional().catch(undefined);
const text = z.string().trim().max(100).optional().catch(undefined);
const Query = z.object({
  handling: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  person: text,
  udfoert: text,
  fra: day,
  til: day,
});

// The audit trail for HR and admin: who looked at, exported or changed whose data, newest first,
// filtered by person, actor, action and dates (the filters live in the URL, so a link can be shared).
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "hr", "admin");
  const params = new URL(request.url).searchParams;
  const query = Query.parse(Object.fromEntries(params));
  const page = parseId(params.get("side")) ?? 1;
  const events = listAuditEvents({
    action: query.handling,
    person: query.person,
    actor: query.udfoert,
    from: query.fra,
    to: query.til,
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  });
  const filters = Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return {
    filters,
    page,
    hasNext: events.length > PAGE_SIZE,
    events: events.slice(0, PAGE_SIZE).map(({ event: e, ...target }) => ({
      id: e.id,
      at: formatTimestamp(e.at),
      // A command (npm run import, report, create-user) has no login: its name says who it was.
      actor:
        e.actorUserId === null && e.requestId === "kommando"
          ? e.actorName
          : `${e.actorName} (${ROLE_LABEL[e.actorRole]})`,
      action: AUDIT_ACTION_LABEL[e.action],
      about:
        target.employeeName !== null
          ? `${target.employeeName} (medarbejdernr. ${target.employeeNumber})`
          : target.userName !== null
            ? `Bruger: ${target.userName} (${target.userEmail})`
            : null,
      scope: e.scope,
      filters: e.filters,
      rowCount: e.rowCount,
    })),
  };
}

export default function AuditLog() {
  const auditPage = useLoaderData<typeof loader>();
  const link = (page: number) =>
    `/revision?${new URLSearchParams({ ...auditPage.filters, side: String(page) })}`;
  const filtered = Object.keys(auditPage.filters).length > 0;
  return (
    <div>
      <h1 className="text-2xl font-bold">Revisionsspor</h1>
      <p className="mt-2 max-w-prose">
        Her kan du se, hvem der har set eller eksporteret oplysninger om medarbejdernes kurser, hvem der har
        registreret eller annulleret noget, og hvem der har ændret brugere og indstillinger. Sporet kan ikke
        ændres eller slettes.
      </p>
      <Form
        method="get"
        className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        aria-label="Filtrér sporet"
      >
        <Field
          name="person"
          label="Om person (navn, medarbejdernr. eller e-mail)"
          defaultValue={auditPage.filters.person ?? ""}
        />
        <Field
          name="udfoert"
          label="Udført af (navn eller e-mail)"
          defaultValue={auditPage.filters.udfoert ?? ""}
        />
        <SelectField
          name="handling"
          label="Handling"
          defaultValue={auditPage.filters.handling ?? ""}
          options={[
            { value: "", label: "Alle handlinger" },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABEL[a] })),
          ]}
        />
        <Field name="fra" type="date" label="Fra og med dato" defaultValue={auditPage.filters.fra ?? ""} />
        <Field name="til" type="date" label="Til og med dato" defaultValue={auditPage.filters.til ?? ""} />
        <div className="flex flex-wrap items-end gap-3">
          <SubmitButton>Vis</SubmitButton>
          {filtered ? (
            <Link to="/revision" className="inline-block py-2">
              Nulstil filtre
            </Link>
          ) : null}
        </div>
      </Form>
      {auditPage.events.length === 0 ? (
        <p className="mt-4">Ingen hændelser{filtered ? " med disse filtre" : ""}.</p>
      ) : (
        <div className="mt-4">
          <table className="stack-table w-full border-collapse bg-white text-sm shadow-sm">
            <caption className="sr-only">Revisionsspor, side {auditPage.page}</caption>
            <thead>
              <tr className="border-b-2 border-brand-700 text-left">
                {["Tidspunkt", "Hvem", "Handling", "Om", "Filtre", "Rækker"].map((h) => (
                  <th key={h} scope="col" className="p-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {auditPage.events.map((e) => (
                <tr key={e.id} className="border-b border-gray-200 align-top">
                  <td className="p-2 sm:whitespace-nowrap" data-label="Tidspunkt">
                    {e.at}
                  </td>
                  <td className="p-2" data-label="Hvem">
                    {e.actor}
                  </td>
                  <td className="p-2" data-label="Handling">
                    {e.action}
                  </td>
                  <td className="p-2" data-label="Om">
                    {e.about ? (
                      <>
                        {e.about}
                        <span className="block text-muted">{e.scope}</span>
                      </>
                    ) : (
                      e.scope
                    )}
                  </td>
                  <td className="p-2 break-words" data-label="Filtre">
                    {e.filters || "–"}
                  </td>
                  <td className="p-2" data-label="Rækker">
                    {e.rowCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Sider" className="mt-4 flex gap-4">
        {auditPage.page > 1 ? (
          <Link to={link(auditPage.page - 1)} className="inline-block py-2">
            Nyere
          </Link>
        ) : null}
        {auditPage.hasNext ? (
          <Link to={link(auditPage.page + 1)} className="inline-block py-2">
            Ældre
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Revisionsspor") }];
