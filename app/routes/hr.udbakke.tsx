// HR's outbox: every mail the site sent or tried to send (reminders, digests, department lists,
// sign-in links), with status, attempts and the reason of a failure, filtered in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guard.server";
import { config } from "~/env.server";
import { ALL_KINDS, ALL_KINDS_SLUG, OUTBOX_STATUS_FILTERS } from "~/reminders/outbox-labels";
import {
  listOutbox,
  OUTBOX_KIND_LABEL,
  outboxFilterParams,
  parseOutboxFilters,
} from "~/reminders/outbox-list.server";
import { Field, SelectField, SubmitButton } from "~/ui/form";
import { formatCount, formatTimestamp } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";

const STATUS_LABEL = { queued: "Venter", sent: "Sendt", failed: "Fejlede" } as const;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "hr");
  const filters = parseOutboxFilters(new URL(request.url).searchParams);
  const list = listOutbox(filters);
  recordAudit({
    request,
    actor: user,
    action: "view_outbox",
    scope: "Udbakken",
    filters: `Status: ${OUTBOX_STATUS_FILTERS[filters.status].label}; Type: ${OUTBOX_KIND_LABEL[filters.type] ?? "Alle typer"}; Søgning: ${filters.q}`,
    rowCount: list.rows.length,
  });
  const params = outboxFilterParams(filters);
  return {
    smtp: config().smtp !== null,
    filters,
    params: params.toString(),
    kinds: Object.entries(OUTBOX_KIND_LABEL),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    rows: list.rows.map((r) => ({
      id: r.id,
      kind: OUTBOX_KIND_LABEL[r.kind] ?? r.kind,
      to: r.to,
      subject: r.subject,
      text: r.text,
      attachments: r.attachments,
      status: r.status === "queued" && r.nextAttemptAt === null ? "Ikke sendt" : STATUS_LABEL[r.status],
      attempts: r.attempts,
      lastError: r.status === "sent" ? null : r.lastError,
      nextAttempt: r.status !== "sent" && r.nextAttemptAt !== null ? formatTimestamp(r.nextAttemptAt) : null,
      createdAt: formatTimestamp(r.createdAt),
      sentAt: r.sentAt ? formatTimestamp(r.sentAt) : null,
    })),
  };
}

export default function Outbox() {
  const outboxPage = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const params = new URLSearchParams(outboxPage.params);
    if (page > 1) params.set("side", String(page));
    return `/hr/udbakke?${params}`;
  };
  return (
    <div>
      <h1 className="text-2xl font-bold">Udbakke</h1>
      <p className="mt-2 max-w-prose">
        Alle mails, siden har sendt eller prøver at sende: påmindelser, ugeoversigter til ledere,
        afdelingslister og login-links. En mail, der fejler, prøves igen op til 6 gange. Afdelingernes lister
        over, hvem der mangler, finder du under <Link to="/hr/afdelingslister">Afdelingslister</Link>.
      </p>
      {outboxPage.smtp ? null : (
        <p className="mt-3 max-w-prose rounded border-2 border-warn bg-white p-3">
          Der er ikke sat en mailserver op (SMTP_URL) på denne installation. Mailene bliver liggende i
          udbakken med status „Ikke sendt“ og bliver ikke sendt.
        </p>
      )}

      <Form
        method="get"
        className="mt-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      >
        <SelectField
          name="status"
          label="Status"
          defaultValue={OUTBOX_STATUS_FILTERS[outboxPage.filters.status].slug}
          options={Object.values(OUTBOX_STATUS_FILTERS).map((f) => ({ value: f.slug, label: f.label }))}
        />
        <SelectField
          name="type"
          label="Type"
          defaultValue={outboxPage.filters.type === ALL_KINDS ? ALL_KINDS_SLUG : outboxPage.filters.type}
          options={[
            { value: ALL_KINDS_SLUG, label: "Alle typer" },
            ...outboxPage.kinds.map(([value, label]) => ({ value, label })),
          ]}
        />
        <Field name="q" type="search" label="Modtager (e-mail)" defaultValue={outboxPage.filters.q} />
        <div className="flex items-end">
          <SubmitButton>Vis</SubmitButton>
        </div>
      </Form>

      <p role="status" className="mt-4 font-semibold">
        {outboxPage.total === 1 ? "1 mail" : `${formatCount(outboxPage.total)} mails`}
      </p>
      {outboxPage.rows.length === 0 ? (
        <p className="mt-2 rounded bg-white p-4">Ingen mails passer til filtrene.</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {outboxPage.rows.map((m) => (
            <li key={m.id} className="rounded-lg bg-white p-4 shadow-sm">
              <p className="break-words font-semibold">{m.subject}</p>
              <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
                <dt className="font-semibold">Til</dt>
                <dd className="break-words">{m.to}</dd>
                <dt className="font-semibold">Type</dt>
                <dd>{m.kind}</dd>
                <dt className="font-semibold">Status</dt>
                <dd>
                  {m.status}
                  {m.sentAt ? `, ${m.sentAt}` : ""}
                  {m.attempts > 0 ? ` (${m.attempts} forsøg)` : ""}
                </dd>
                {m.lastError ? (
                  <>
                    <dt className="font-semibold">Årsag</dt>
                    <dd className="break-words">{m.lastError}</dd>
                  </>
                ) : null}
                {m.nextAttempt ? (
                  <>
                    <dt className="font-semibold">Næste forsøg</dt>
                    <dd>{m.nextAttempt}</dd>
                  </>
                ) : null}
                <dt className="font-semibold">Oprettet</dt>
                <dd>{m.createdAt}</dd>
                {m.attachments ? (
                  <>
                    <dt className="font-semibold">Vedhæftet</dt>
                    <dd className="break-words">{m.attachments}</dd>
                  </>
                ) : null}
              </dl>
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-700">Vis mailen til {m.to}</summary>
                <div className="mt-2 whitespace-pre-wrap break-words rounded border border-gray-300 p-3 text-sm">
                  {m.text}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {outboxPage.pageCount > 1 ? (
        <nav aria-label="Sider" className="mt-4 flex flex-wrap items-center gap-4">
          {outboxPage.page > 1 ? <Link to={pageLink(outboxPage.page - 1)}>Forrige side</Link> : null}
          <span>
            Side {outboxPage.page} af {outboxPage.pageCount}
          </span>
          {outboxPage.page < outboxPage.pageCount ? (
            <Link to={pageLink(outboxPage.page + 1)}>Næste side</Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Udbakke") }];
