import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAuditEvents } from "~/audit/audit.server";
import { AUDIT_ACTION_LABEL } from "~/audit/labels";
import { requireRole } from "~/auth/guard.server";
import { ROLE_LABEL } from "~/auth/roles";
import { formatTimestamp } from "~/ui/format";
import { AUDIT_ACTIONS } from "../../db/schema";

const PAGE_SIZE = 100;
const Query = z.object({
  handling: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  side: z.coerce.number().int().min(1).catch(1),
});

// The audit trail for HR and admin: who looked at or exported whose data, newest first.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "hr", "admin");
  const params = new URL(request.url).searchParams;
  const query = Query.parse({
    handling: params.get("handling") ?? undefined,
    side: params.get("side") ?? undefined,
  });
  const events = listAuditEvents({
    action: query.handling,
    limit: PAGE_SIZE + 1,
    offset: (query.side - 1) * PAGE_SIZE,
  });
  return {
    action: query.handling ?? "",
    page: query.side,
    hasNext: events.length > PAGE_SIZE,
    events: events.slice(0, PAGE_SIZE).map((e) => ({
      id: e.id,
      at: formatTimestamp(e.at),
      actor: `${e.actorName} (${ROLE_LABEL[e.actorRole]})`,
      action: AUDIT_ACTION_LABEL[e.action],
      scope: e.scope,
      filters: e.filters,
      rowCount: e.rowCount,
    })),
  };
}

export default function AuditLog() {
  const d = useLoaderData<typeof loader>();
  const link = (page: number) =>
    `/revision?${new URLSearchParams({ ...(d.action ? { handling: d.action } : {}), side: String(page) })}`;
  return (
    <div>
      <h1 className="text-2xl font-bold">Revisionsspor</h1>
      <p className="mt-2 max-w-prose">
        Hvem har set eller eksporteret oplysninger om medarbejdernes kurser. Sporet kan ikke ændres eller
        slettes.
      </p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="handling" className="block text-sm font-semibold">
            Handling
          </label>
          <select
            id="handling"
            name="handling"
            defaultValue={d.action}
            className="mt-1 rounded border border-gray-500 bg-white px-2 py-2"
          >
            <option value="">Alle handlinger</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABEL[a]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-brand-700 px-4 py-2 font-semibold">
          Vis
        </button>
      </Form>
      {d.events.length === 0 ? (
        <p className="mt-4">Ingen hændelser.</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm shadow-sm">
            <caption className="sr-only">Revisionsspor, side {d.page}</caption>
            <thead>
              <tr className="border-b-2 border-brand-700 text-left">
                <th scope="col" className="p-2">
                  Tidspunkt
                </th>
                <th scope="col" className="p-2">
                  Hvem
                </th>
                <th scope="col" className="p-2">
                  Handling
                </th>
                <th scope="col" className="p-2">
                  Omfang
                </th>
                <th scope="col" className="p-2">
                  Filtre
                </th>
                <th scope="col" className="p-2">
                  Rækker
                </th>
              </tr>
            </thead>
            <tbody>
              {d.events.map((e) => (
                <tr key={e.id} className="border-b border-gray-200 align-top">
                  <td className="p-2 whitespace-nowrap">{e.at}</td>
                  <td className="p-2">{e.actor}</td>
                  <td className="p-2">{e.action}</td>
                  <td className="p-2">{e.scope}</td>
                  <td className="p-2">{e.filters}</td>
                  <td className="p-2">{e.rowCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Sider" className="mt-4 flex gap-4">
        {d.page > 1 ? <Link to={link(d.page - 1)}>Nyere</Link> : null}
        {d.hasNext ? <Link to={link(d.page + 1)}>Ældre</Link> : null}
      </nav>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Revisionsspor · AI og GDPR · Albertslund Kommune" }];
