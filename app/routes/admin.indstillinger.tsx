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
import { pageTitle } from "~/ui/page-title";
import { useErrorFocus } from "~/ui/use-error-focus";

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
      { error: "Formularen er ufuldstændig. Hent siden igen.", errors: {}, values: null, saved: null },
      { status: 400 },
    );
  }
  const raw = Object.fromEntries(
    CONTACT_SETTING_NAMES.map((n) => [n, typeof form[n] === "string" ? form[n] : ""]),
  ) as Record<ContactSetting, string>;
  const parsed = ContactSettingsForm.safeParse(raw);
  if (!parsed.success) {
    const errors: Partial<Record<ContactSetting, string>> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as ContactSetting;
      errors[name] ??= issue.message;
    }
    // The typed values come back, so nothing is lost.
    return data({ error: "Ret fejlene nedenfor.", errors, values: raw, saved: null }, { status: 400 });
  }
  const changed = saveContacts({ values: parsed.data, actor: admin, request });
  return {
    error: null,
    errors: {},
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
  const errorRef = useErrorFocus(result);
  const errors: Partial<Record<ContactSetting, string>> = result?.errors ?? {};
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
      {result?.error ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="mt-3 rounded border-2 border-bad bg-white p-3 text-bad"
        >
          <h2 className="font-semibold">{result.error}</h2>
          <ul className="mt-1 list-disc pl-5">
            {fields
              .filter((f) => errors[f.name])
              .map((f) => (
                <li key={f.name}>
                  <a href={`#${fieldId(f.name)}`}>
                    {f.label}: {errors[f.name]}
                  </a>
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" noValidate className="mt-4 space-y-4 rounded-lg bg-white p-5 shadow-sm">
        {fields.map((f) => {
          const error = errors[f.name];
          const hintId = `${fieldId(f.name)}-hjaelp`;
          const errorId = `${fieldId(f.name)}-fejl`;
          const describedBy = [f.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
          return (
            <div key={f.name}>
              <label htmlFor={fieldId(f.name)} className="block font-semibold">
                {f.label}
              </label>
              {f.hint ? (
                <p id={hintId} className="text-sm text-muted">
                  {f.hint}
                </p>
              ) : null}
              {error ? (
                <p id={errorId} className="text-sm font-semibold text-bad">
                  {error}
                </p>
              ) : null}
              <input
                id={fieldId(f.name)}
                name={f.name}
                type={f.name.endsWith("Url") ? "url" : f.name.endsWith("Email") ? "email" : "tel"}
                defaultValue={result?.values?.[f.name] ?? f.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy || undefined}
                className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
              />
            </div>
          );
        })}
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Gem indstillingerne
        </button>
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
