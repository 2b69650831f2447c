import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { recordAudit } from "~/audit/audit.server";
import {
  addScope,
  createAccount,
  getAccount,
  listAccounts,
  removeScope,
  setActive,
  setRole,
} from "~/auth/accounts.server";
import { requireRole } from "~/auth/guard.server";
import { hashPassword } from "~/auth/password.server";
import { ROLE_LABEL } from "~/auth/roles";
import { getUnit, listUnitsWithPaths } from "~/compliance/units.server";
import { ErrorSummary, Field, SelectField, SubmitButton } from "~/ui/form";
import { type FormErrors, formErrorOf, formErrorsFrom, submittedValues } from "~/ui/form-errors";
import { formatCount } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";
import { parseId } from "~/url-params";
import { ROLES } from "../../db/constants";

const userId = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, "Brugeren findes ikke.")
  .transform(Number);
const unitId = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, "Vælg en enhed.")
  .transform(Number);

const NewAccount = z.object({
  intent: z.literal("create"),
  email: z.email("Skriv en gyldig e-mailadresse.").trim().toLowerCase(),
  name: z.string().trim().min(1, "Skriv brugerens navn.").max(200, "Navnet er for langt."),
  role: z.enum(ROLES, { message: "Vælg en rolle." }),
  unitId: z.union([z.literal(""), unitId]),
  password: z.union([
    z.literal(""),
    z.string().min(12, "Adgangskoden skal være mindst 12 tegn.").max(256, "Adgangskoden er for lang."),
  ]),
});

const AccountChange = z.discriminatedUnion("intent", [
  NewAccount,
  z.object({ intent: z.literal("role"), userId, role: z.enum(ROLES, { message: "Vælg en rolle." }) }),
  z.object({ intent: z.literal("deactivate"), userId }),
  z.object({ intent: z.literal("activate"), userId }),
  z.object({ intent: z.literal("add-scope"), userId, unitId }),
  z.object({ intent: z.literal("remove-scope"), userId, unitId }),
]);

export function loader({ request }: LoaderFunctionArgs) {
  const admin = requireRole(request, "admin");
  const params = new URL(request.url).searchParams;
  const search = (params.get("q") ?? "").trim().slice(0, 100);
  const units = listUnitsWithPaths();
  const label = new Map(units.map((u) => [u.id, u.label]));
  return {
    accounts: listAccounts(search).map((a) => ({
      ...a,
      // Full paths: "Leder for Sekretariatet" says little when three units share the name.
      scopes: a.scopes.map((s) => ({ unitId: s.unitId, label: label.get(s.unitId) ?? s.unitName })),
    })),
    search,
    units,
    selfId: admin.id,
    // The confirmation step before deactivating (works without JavaScript: a link, then a POST).
    confirmDeactivate: parseId(params.get("deaktiver")),
  };
}

type Result =
  | { target: number | "new"; ok: true; message: string }
  | { target: number | "new"; ok: false; errors: FormErrors; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const formData = await request.formData();
  const form = Object.fromEntries([...formData].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const target: number | "new" = form.intent === "create" ? "new" : (parseId(form.userId) ?? 0);
  // The typed values come back with the errors; a password never does.
  const { password: _password, ...typed } = submittedValues(formData);
  const fail = (errors: FormErrors, status = 400) =>
    data<Result>({ target, ok: false, errors, values: typed }, { status });
  const parsed = AccountChange.safeParse(form);
  if (!parsed.success) return fail(withoutHiddenFields(formErrorsFrom(parsed.error)));
  const change = parsed.data;
  const audit = (
    action: "create_user" | "change_role" | "change_units" | "change_activity",
    userId: number,
    what: string,
    scope: string,
  ) =>
    recordAudit({ request, actor: admin, action, scope, targetUserId: userId, filters: what, rowCount: 1 });

  if (change.intent === "create") {
    if (change.unitId !== "" && change.role !== "manager") {
      return fail(
        formErrorOf(
          "unitId",
          "En enhed giver kun mening for en leder. Vælg rollen Leder, eller lad enheden stå tom.",
        ),
      );
    }
    if (change.unitId !== "" && !getUnit(change.unitId))
      return fail(formErrorOf("unitId", "Enheden findes ikke."));
    const passwordHash = change.password ? await hashPassword(change.password) : null;
    const created = createAccount({
      email: change.email,
      name: change.name,
      role: change.role,
      unitIds: change.unitId === "" ? [] : [change.unitId],
      passwordHash,
    });
    if (!created) {
      return fail(formErrorOf("email", `Der findes allerede en bruger med e-mailen ${change.email}.`));
    }
    audit("create_user", created.id, `Rolle: ${ROLE_LABEL[change.role]}`, `Bruger: ${change.email}`);
    return data<Result>({
      target,
      ok: true,
      message: `${change.name} er oprettet som ${ROLE_LABEL[change.role].toLowerCase()}${
        created.linkedEmployee ? " og knyttet til medarbejderen med samme e-mail" : ""
      }.${passwordHash ? "" : " Brugeren har ingen adgangskode endnu."}`,
    });
  }

  const account = getAccount(change.userId);
  if (!account) return fail(formErrorOf(null, "Brugeren findes ikke."), 404);
  // An admin cannot lock themselves out by mistake.
  if (change.userId === admin.id && (change.intent === "deactivate" || change.intent === "role")) {
    return fail(formErrorOf(null, "Du kan ikke ændre din egen rolle eller deaktivere dig selv."));
  }
  const scope = `Bruger: ${account.email}`;
  switch (change.intent) {
    case "role":
      if (change.role === account.role)
        return fail(formErrorOf("role", `${account.name} er allerede ${ROLE_LABEL[change.role]}.`));
      setRole(change.userId, change.role);
      audit("change_role", change.userId, `${ROLE_LABEL[account.role]} → ${ROLE_LABEL[change.role]}`, scope);
      break;
    case "deactivate":
      setActive(change.userId, false);
      audit("change_activity", change.userId, "Deaktiveret", scope);
      break;
    case "activate":
      setActive(change.userId, true);
      audit("change_activity", change.userId, "Aktiveret", scope);
      break;
    case "add-scope": {
      const unit = getUnit(change.unitId);
      if (!unit) return fail(formErrorOf("unitId", "Enheden findes ikke."));
      addScope(change.userId, change.unitId);
      audit("change_units", change.userId, `Tilføjet: ${unitLabel(change.unitId)}`, scope);
      break;
    }
    case "remove-scope":
      removeScope(change.userId, change.unitId);
      audit("change_units", change.userId, `Fjernet: ${unitLabel(change.unitId)}`, scope);
      break;
  }
  return data<Result>({ target, ok: true, message: "Ændringen er gemt. Brugeren skal logge ind igen." });
}

/**
 * The hidden fields (intent, userId) have nothing on the page to link to: their problems are
 * about the form as a whole. A bad intent only comes from a hand-made request.
 */
function withoutHiddenFields(errors: FormErrors): FormErrors {
  const { intent, userId, ...fieldErrors } = errors.fieldErrors;
  const formError = [errors.formError, intent ? "Ugyldig ændring." : undefined, ...(userId ?? [])]
    .filter(Boolean)
    .join(" ");
  return formError ? { fieldErrors, formError } : { fieldErrors };
}

function unitLabel(id: number): string {
  return listUnitsWithPaths().find((u) => u.id === id)?.label ?? String(id);
}

const SECONDARY_BUTTON_CLASS =
  "min-h-11 rounded border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700";
const PLAIN_BUTTON_CLASS = "min-h-11 rounded border border-gray-600 px-4 py-2";

// The create form's fields: their names in the error summary, and their ids (the summary links there).
const NEW_LABELS = {
  email: "E-mail",
  name: "Navn",
  role: "Rolle",
  unitId: "Leder for enhed",
  password: "Adgangskode",
};
const NEW_IDS = {
  email: "ny-email",
  name: "ny-navn",
  role: "ny-rolle",
  unitId: "ny-enhed",
  password: "ny-kode",
};

export default function Accounts() {
  const { accounts, units, selfId, search, confirmDeactivate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const resultFor = (target: number | "new") => (result?.target === target ? result : undefined);
  // Every form here posts to this page: a button shows "sending" only for its own form.
  const sending = (intent: string, userId?: number, unitId?: number) => {
    const sent = navigation.state === "submitting" ? navigation.formData : undefined;
    return (
      sent?.get("intent") === intent &&
      (userId === undefined || sent.get("userId") === String(userId)) &&
      (unitId === undefined || sent.get("unitId") === String(unitId))
    );
  };
  const created = resultFor("new");
  const createErrors = errorsOf(created);
  const searchSuffix = search ? `?q=${encodeURIComponent(search)}` : "";
  return (
    <div>
      <h1 className="text-2xl font-bold">Brugere og roller</h1>
      <p className="mt-2 max-w-prose">
        Når du ændrer en brugers rolle, enheder eller adgang, bliver brugeren logget ud alle steder. Alle
        ændringer står i revisionssporet.
      </p>

      <section aria-labelledby="opret" className="mt-6 rounded-lg bg-white p-5 shadow-sm">
        <h2 id="opret" className="text-xl font-semibold">
          Opret bruger
        </h2>
        {/* After a successful create the form renders empty (a new key). */}
        <Form
          key={created?.ok ? created.message : "opret"}
          method="post"
          noValidate
          className="mt-3 space-y-3"
        >
          <Saved result={created} />
          <ErrorSummary
            errors={createErrors}
            labels={NEW_LABELS}
            ids={NEW_IDS}
            headingLevel={3}
            className=""
          />
          <input type="hidden" name="intent" value="create" />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              id={NEW_IDS.email}
              name="email"
              type="email"
              label={NEW_LABELS.email}
              autoComplete="off"
              errors={createErrors?.fieldErrors.email}
              defaultValue={values(created).email}
            />
            <Field
              id={NEW_IDS.name}
              name="name"
              label={NEW_LABELS.name}
              errors={createErrors?.fieldErrors.name}
              defaultValue={values(created).name}
            />
            <SelectField
              id={NEW_IDS.role}
              name="role"
              label={NEW_LABELS.role}
              errors={createErrors?.fieldErrors.role}
              defaultValue={values(created).role ?? "employee"}
              options={ROLE_OPTIONS}
            />
            <UnitSelect
              id={NEW_IDS.unitId}
              label="Leder for enhed (kun for ledere; flere kan tilføjes bagefter)"
              className="min-w-0"
              units={units}
              errors={createErrors?.fieldErrors.unitId}
              defaultValue={values(created).unitId}
            />
            <Field
              id={NEW_IDS.password}
              name="password"
              type="password"
              label="Adgangskode (mindst 12 tegn)"
              hint="Giv brugeren koden personligt. Lad feltet stå tomt for en bruger, der logger ind med sin arbejdskonto."
              autoComplete="new-password"
              className="sm:col-span-2 sm:max-w-md"
              errors={createErrors?.fieldErrors.password}
            />
          </div>
          <SubmitButton pending={sending("create")} pendingText="Opretter …">
            Opret bruger
          </SubmitButton>
        </Form>
      </section>

      <Form method="get" className="mt-6 flex flex-wrap items-end gap-2" role="search">
        <Field
          id="q"
          name="q"
          type="search"
          label="Søg på navn eller e-mail"
          className="min-w-0 flex-1 sm:max-w-md"
          defaultValue={search}
        />
        <SubmitButton
          pending={navigation.state === "loading" && navigation.formMethod?.toUpperCase() === "GET"}
          pendingText="Søger …"
          className={SECONDARY_BUTTON_CLASS}
        >
          Søg
        </SubmitButton>
        {search ? (
          <Link to="/admin/brugere" className="inline-block py-3">
            Vis alle
          </Link>
        ) : null}
      </Form>
      <p id="brugerliste" className="mt-2 text-sm" aria-live="polite">
        {`${formatCount(accounts.length)} ${accounts.length === 1 ? "bruger" : "brugere"}`}
        {search ? ` matcher „${search}“.` : "."}
      </p>

      <ul aria-labelledby="brugerliste" className="mt-4 space-y-4">
        {accounts.map((a) => {
          const outcome = resultFor(a.id);
          const errors = errorsOf(outcome);
          const roleId = `rolle-${a.id}`;
          const unitId = `enhed-${a.id}`;
          return (
            <li key={a.id} id={`bruger-${a.id}`} className="rounded-lg bg-white p-5 shadow-sm">
              <h2 className="font-semibold">
                {a.name} {a.active ? null : <span className="text-bad">(deaktiveret)</span>}
              </h2>
              <p className="text-sm break-all text-muted">
                {a.email} · {ROLE_LABEL[a.role]}
              </p>
              <Saved result={outcome} />
              <ErrorSummary
                errors={errors}
                labels={{ role: `Rolle for ${a.name}`, unitId: `Tilføj enhed for ${a.name}` }}
                ids={{ role: roleId, unitId }}
                headingLevel={3}
              />
              {a.id === selfId ? (
                <p className="mt-2 text-sm">Det er dig.</p>
              ) : confirmDeactivate === a.id && a.active ? (
                <div className="mt-3 rounded border-2 border-bad p-4">
                  <p className="font-semibold">Vil du deaktivere {a.name}?</p>
                  <p className="mt-1 text-sm">
                    {a.name} bliver logget ud med det samme og kan ikke logge ind, før en administrator
                    aktiverer brugeren igen.
                  </p>
                  <div className="mt-3 flex flex-wrap items-center gap-3">
                    <Form method="post" action={`/admin/brugere${searchSuffix}`}>
                      <input type="hidden" name="intent" value="deactivate" />
                      <input type="hidden" name="userId" value={a.id} />
                      <SubmitButton
                        pending={sending("deactivate", a.id)}
                        pendingText="Deaktiverer …"
                        className="min-h-11 rounded bg-bad px-4 py-2 font-semibold text-white"
                      >
                        Ja, deaktivér {a.name}
                      </SubmitButton>
                    </Form>
                    <Link to={`/admin/brugere${searchSuffix}#bruger-${a.id}`} className="inline-block py-3">
                      Fortryd
                    </Link>
                  </div>
                </div>
              ) : (
                <div className="mt-3 flex flex-wrap items-end gap-4">
                  <Form method="post" noValidate className="flex min-w-0 flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="userId" value={a.id} />
                    <SelectField
                      id={roleId}
                      name="role"
                      label={`Rolle for ${a.name}`}
                      errors={errors?.fieldErrors.role}
                      defaultValue={values(outcome).role ?? a.role}
                      options={ROLE_OPTIONS}
                    />
                    <SubmitButton
                      pending={sending("role", a.id)}
                      pendingText="Gemmer …"
                      className={SECONDARY_BUTTON_CLASS}
                    >
                      Gem rolle
                    </SubmitButton>
                  </Form>
                  {a.active ? (
                    <Link
                      to={`/admin/brugere?${new URLSearchParams({ ...(search ? { q: search } : {}), deaktiver: String(a.id) })}#bruger-${a.id}`}
                      className="inline-flex min-h-11 items-center rounded border border-gray-600 px-4 py-2 text-ink no-underline"
                    >
                      Deaktivér {a.name}
                    </Link>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="activate" />
                      <input type="hidden" name="userId" value={a.id} />
                      <SubmitButton
                        pending={sending("activate", a.id)}
                        pendingText="Aktiverer …"
                        className={PLAIN_BUTTON_CLASS}
                      >
                        Aktivér {a.name}
                      </SubmitButton>
                    </Form>
                  )}
                </div>
              )}
              {a.role === "manager" ? (
                <div className="mt-4">
                  <h3 className="text-sm font-semibold">Leder for</h3>
                  {a.scopes.length === 0 ? <p className="text-sm">Ingen enheder endnu.</p> : null}
                  <ul className="mt-1 space-y-2">
                    {a.scopes.map((s) => (
                      <li key={s.unitId} className="flex flex-wrap items-center gap-2 text-sm">
                        <span className="min-w-0 break-words">{s.label}</span>
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove-scope" />
                          <input type="hidden" name="userId" value={a.id} />
                          <input type="hidden" name="unitId" value={s.unitId} />
                          <SubmitButton
                            pending={sending("remove-scope", a.id, s.unitId)}
                            className="min-h-11 rounded border border-gray-600 px-3 text-sm"
                          >
                            Fjern <span className="sr-only">{s.label}</span>
                          </SubmitButton>
                        </Form>
                      </li>
                    ))}
                  </ul>
                  <Form method="post" noValidate className="mt-2 flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="add-scope" />
                    <input type="hidden" name="userId" value={a.id} />
                    <UnitSelect
                      id={unitId}
                      label={`Tilføj enhed for ${a.name}`}
                      className="min-w-0 max-w-full flex-1 sm:max-w-md"
                      units={units}
                      errors={errors?.fieldErrors.unitId}
                      defaultValue={values(outcome).unitId}
                    />
                    <SubmitButton
                      pending={sending("add-scope", a.id)}
                      pendingText="Tilføjer …"
                      className={SECONDARY_BUTTON_CLASS}
                    >
                      Tilføj
                    </SubmitButton>
                  </Form>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

type FormResult = Result | undefined;
const values = (result: FormResult): Record<string, string> => (result && !result.ok ? result.values : {});
const errorsOf = (result: FormResult): FormErrors | undefined =>
  result && !result.ok ? result.errors : undefined;

/** The saved message next to the form that caused it, focused so it is read out. */
function Saved({ result }: { result: FormResult }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result?.ok) ref.current?.focus();
  }, [result]);
  if (!result?.ok) return null;
  return (
    <p ref={ref} tabIndex={-1} role="status" className="mt-3 rounded bg-green-50 p-3 text-ok">
      {result.message}
    </p>
  );
}

function UnitSelect({
  units,
  defaultValue = "",
  ...field
}: {
  id: string;
  label: string;
  className?: string;
  units: { id: number; label: string }[];
  errors?: string[];
  defaultValue?: string;
}) {
  return (
    <SelectField {...field} name="unitId" defaultValue={defaultValue}>
      <option value="">Vælg enhed</option>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.label}
        </option>
      ))}
    </SelectField>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Brugere") }];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/" label="Gå til forsiden" />;
}
