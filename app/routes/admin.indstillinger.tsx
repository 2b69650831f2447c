import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listAuditEvents } from "~/audit/audit.server";
import { requireRole } from "~/auth/guard.server";
import {
  CONTACT_SETTING_NAMES,
  CONTACT_SETTINGS,
  type ContactSetting,
  ContactSettingsForm,
  loadContacts,
  saveContacts,
} from "~/site-settings.server";
import { ErrorSummary, Field, SubmitButton } from "~/ui/form";
import { formErrorOf, formErrorsFrom } from "~/ui/form-errors";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

// The municipality's own links and contacts, which the module texts refer to by placeholder
// ({{medarbejdersiden}} and so on). Admin only; every change is in the audit trail.

const fieldId = (name: ContactSetting) => `indstilling-${name}`;

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  const contacts = loadContacts();
  return {
    fields: CONTACT_SETTING_NAMES.map((name) => ({
      name,
      label: CONTACT_SETTINGS[name].label,
      hint: CONTACT_SETTINGS[name].hint,
      value: contacts[name] ?? "",
    })),
    history: listAuditEvents({ action: "change_setting", limit: 20, offset: 0 }).map(({ event }) => ({
      id: event.id,
      at: new Date(event.at).toLocaleString("da-DK", { timeZone: "Europe/Copenhagen" }),
      actor: event.actorName,
      setting: event.scope,
      change: event.filters,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const form = Object.fromEntries(await request.formData());
  // The page always sends every field; a form without them changes nothing.
  if (CONTACT_SETTING_NAMES.some((n) => typeof form[n] !== "string")) {
    return data(
      {
        errors: formErrorOf(null, "Formularen er ufuldstændig. Hent siden igen."),
        values: null,
        saved: null,
      },
      { status: 400 },
    );
  }
  const raw = Object.fromEntries(CONTACT_SETTING_NAMES.map((n) => [n, String(form[n])])) as Record<
    ContactSetting,
    string
  >;
  const parsed = ContactSettingsForm.safeParse(raw);
  if (!parsed.success) {
    // The typed values come back, so nothing is lost.
    return data({ errors: formErrorsFrom(parsed.error), values: raw, saved: null }, { status: 400 });
  }
  const changed = saveContacts({ values: parsed.data, actor: admin, request });
  return {
    errors: null,
    values: null,
    saved:
      changed.length === 0
        ? "Der var ingen ændringer."
        : `Gemt: ${changed.map((n) => CONTACT_SETTINGS[n].label).join(", ")}.`,
  };
}

export default function Settings() {
  const { fields, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <div className="max-w-2xl">
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/">Forside</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Links og kontakter</h1>
      <p className="mt-2 max-w-prose">
        Modulerne linker til kommunens egne sider og nævner IT-Helpdesk og databeskyttelsesrådgiveren. Her
        skriver du adresserne. Lader du et felt stå tomt, står der „spørg din leder“ i teksten i stedet for et
        link.
      </p>
      <div role="status" className="mt-3">
        {result?.saved ? <p className="rounded bg-green-50 p-3 text-ok">{result.saved}</p> : null}
      </div>
      <ErrorSummary
        errors={errors}
        labels={Object.fromEntries(fields.map((f) => [f.name, f.label]))}
        ids={Object.fromEntries(fields.map((f) => [f.name, fieldId(f.name)]))}
      />
      <Form method="post" noValidate className="mt-4 space-y-4 rounded-lg bg-white p-5 shadow-sm">
        {fields.map((f) => (
          <Field
            key={f.name}
            id={fieldId(f.name)}
            name={f.name}
            label={f.label}
            hint={f.hint}
            errors={errors?.fieldErrors[f.name]}
            type={f.name.endsWith("Url") ? "url" : f.name.endsWith("Email") ? "email" : "tel"}
            defaultValue={result?.values?.[f.name] ?? f.value}
          />
        ))}
        <SubmitButton pendingText="Gemmer …">Gem indstillingerne</SubmitButton>
      </Form>

      <h2 className="mt-8 text-xl font-semibold">Seneste ændringer</h2>
      {history.length === 0 ? (
        <p className="mt-2">Ingen ændringer endnu.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {history.map((h) => (
            <li key={h.id} className="break-words rounded bg-white p-3 text-sm shadow-sm">
              <span className="font-semibold">{h.setting}</span>: {h.change}
              <br />
              <span className="text-muted">
                {h.at} af {h.actor}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-sm">
        Alle ændringer står også i <Link to="/revision">revisionssporet</Link>.
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Links og kontakter") }];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/" label="Gå til forsiden" />;
}
