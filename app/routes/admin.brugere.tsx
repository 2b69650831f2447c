import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
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
import { pageTitle } from "~/ui/page-title";
import { routeErrorBoundary } from "~/ui/route-error-boundary";
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
  z.object({ intent: z.literal("role"), userId, role: z.enum(ROLES) }),
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
  | { target: number | "new"; ok: false; error: string; values?: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const form = Object.fromEntries(
    [...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
  );
  const target: number | "new" = form.intent === "create" ? "new" : (parseId(form.userId) ?? 0);
  const fail = (error: string, status = 400) =>
    data<Result>(
      { target, ok: false, error, values: target === "new" ? { ...form, password: "" } : undefined },
      { status },
    );
  const parsed = AccountChange.safeParse(form);
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "Ugyldig ændring.");
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
      return fail("En enhed giver kun mening for en leder. Vælg rollen Leder, eller lad enheden stå tom.");
    }
    if (change.unitId !== "" && !getUnit(change.unitId)) return fail("Enheden findes ikke.");
    const passwordHash = change.password ? await hashPassword(change.password) : null;
    const created = createAccount({
      email: change.email,
      name: change.name,
      role: change.role,
      unitIds: change.unitId === "" ? [] : [change.unitId],
      passwordHash,
    });
    if (!created) return fail(`Der findes allerede en bruger med e-mailen ${change.email}.`);
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
  if (!account) return fail("Brugeren findes ikke.", 404);
  // An admin cannot lock themselves out by mistake.
  if (change.userId === admin.id && (change.intent === "deactivate" || change.intent === "role")) {
    return fail("Du kan ikke ændre din egen rolle eller deaktivere dig selv.");
  }
  const scope = `Bruger: ${account.email}`;
  switch (change.intent) {
    case "role":
      if (change.role === account.role)
        return fail(`${account.name} er allerede ${ROLE_LABEL[change.role]}.`);
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
      if (!unit) return fail("Enheden findes ikke.");
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

function unitLabel(id: number): string {
  return listUnitsWithPaths().find((u) => u.id === id)?.label ?? String(id);
}

const field = "mt-1 min-h-11 w-full rounded border border-gray-500 bg-white px-2 py-2";
const primary = "min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";
const secondary = "min-h-11 rounded border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700";

export default function Accounts() {
  const { accounts, units, selfId, search, confirmDeactivate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const resultFor = (target: number | "new") => (result?.target === target ? result : undefined);
  const created = resultFor("new");
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
          <Message result={created} />
          <input type="hidden" name="intent" value="create" />
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="ny-email" className="block text-sm font-semibold">
                E-mail
              </label>
              <input
                id="ny-email"
                name="email"
                type="email"
                autoComplete="off"
                defaultValue={values(created).email}
                className={field}
              />
            </div>
            <div>
              <label htmlFor="ny-navn" className="block text-sm font-semibold">
                Navn
              </label>
              <input id="ny-navn" name="name" defaultValue={values(created).name} className={field} />
            </div>
            <div>
              <label htmlFor="ny-rolle" className="block text-sm font-semibold">
                Rolle
              </label>
              <select
                id="ny-rolle"
                name="role"
                defaultValue={values(created).role ?? "employee"}
                className={field}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            </div>
            <div className="min-w-0">
              <label htmlFor="ny-enhed" className="block text-sm font-semibold">
                Leder for enhed (kun for ledere; flere kan tilføjes bagefter)
              </label>
              <UnitSelect id="ny-enhed" units={units} defaultValue={values(created).unitId} />
            </div>
            <div className="sm:col-span-2">
              <label htmlFor="ny-kode" className="block text-sm font-semibold">
                Adgangskode (mindst 12 tegn)
              </label>
              <p id="ny-kode-hjaelp" className="text-sm text-muted">
                Giv brugeren koden personligt. Lad feltet stå tomt for en bruger, der logger ind med sin
                arbejdskonto.
              </p>
              <input
                id="ny-kode"
                name="password"
                type="password"
                autoComplete="new-password"
                aria-describedby="ny-kode-hjaelp"
                className={`${field} sm:max-w-md`}
              />
            </div>
          </div>
          <button type="submit" className={primary}>
            Opret bruger
          </button>
        </Form>
      </section>

      <Form method="get" className="mt-6 flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-0 flex-1 sm:max-w-md">
          <label htmlFor="q" className="block text-sm font-semibold">
            Søg på navn eller e-mail
          </label>
          <input id="q" name="q" type="search" defaultValue={search} className={field} />
        </div>
        <button type="submit" className={secondary}>
          Søg
        </button>
        {search ? (
          <Link to="/admin/brugere" className="inline-block py-3">
            Vis alle
          </Link>
        ) : null}
      </Form>
      <p className="mt-2 text-sm" aria-live="polite">
        {search ? `${accounts.length} brugere matcher „${search}“.` : `${accounts.length} brugere.`}
      </p>

      <ul className="mt-4 space-y-4">
        {accounts.map((a) => (
          <li key={a.id} id={`bruger-${a.id}`} className="rounded-lg bg-white p-5 shadow-sm">
            <h2 className="font-semibold">
              {a.name} {a.active ? null : <span className="text-bad">(deaktiveret)</span>}
            </h2>
            <p className="text-sm break-all text-muted">
              {a.email} · {ROLE_LABEL[a.role]}
            </p>
            <Message result={resultFor(a.id)} />
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
                  <Form
                    method="post"
                    action={`/admin/brugere${search ? `?q=${encodeURIComponent(search)}` : ""}`}
                  >
                    <input type="hidden" name="intent" value="deactivate" />
                    <input type="hidden" name="userId" value={a.id} />
                    <button
                      type="submit"
                      className="min-h-11 rounded bg-bad px-4 py-2 font-semibold text-white"
                    >
                      Ja, deaktivér {a.name}
                    </button>
                  </Form>
                  <Link
                    to={`/admin/brugere${search ? `?q=${encodeURIComponent(search)}` : ""}#bruger-${a.id}`}
                    className="inline-block py-3"
                  >
                    Fortryd
                  </Link>
                </div>
              </div>
            ) : (
              <div className="mt-3 flex flex-wrap items-end gap-4">
                <Form method="post" className="flex min-w-0 flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={a.id} />
                  <div>
                    <label htmlFor={`rolle-${a.id}`} className="block text-sm font-semibold">
                      Rolle for {a.name}
                    </label>
                    <select id={`rolle-${a.id}`} name="role" defaultValue={a.role} className={field}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABEL[r]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className={secondary}>
                    Gem rolle
                  </button>
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
                    <button type="submit" className="min-h-11 rounded border border-gray-600 px-4 py-2">
                      Aktivér {a.name}
                    </button>
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
                        <button
                          type="submit"
                          className="min-h-11 rounded border border-gray-600 px-3 text-sm"
                        >
                          Fjern <span className="sr-only">{s.label}</span>
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
                <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="add-scope" />
                  <input type="hidden" name="userId" value={a.id} />
                  <div className="min-w-0 max-w-full flex-1 sm:max-w-md">
                    <label htmlFor={`enhed-${a.id}`} className="block text-sm font-semibold">
                      Tilføj enhed for {a.name}
                    </label>
                    <UnitSelect id={`enhed-${a.id}`} units={units} />
                  </div>
                  <button type="submit" className={secondary}>
                    Tilføj
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

type FormResult = Result | undefined;
const values = (result: FormResult): Record<string, string> =>
  (result && !result.ok ? result.values : undefined) ?? {};

/** The outcome next to the form that caused it, focused so it is read out. */
function Message({ result }: { result: FormResult }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  if (!result) return null;
  return result.ok ? (
    <p ref={ref} tabIndex={-1} role="status" className="mt-3 rounded bg-green-50 p-3 text-ok">
      {result.message}
    </p>
  ) : (
    <p
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="mt-3 rounded border-2 border-bad bg-white p-3 text-bad"
    >
      {result.error}
    </p>
  );
}

function UnitSelect({
  id,
  units,
  defaultValue = "",
}: {
  id: string;
  units: { id: number; label: string }[];
  defaultValue?: string;
}) {
  return (
    <select id={id} name="unitId" defaultValue={defaultValue} className={field}>
      <option value="">Vælg enhed</option>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.label}
        </option>
      ))}
    </select>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Brugere") }];

export const ErrorBoundary = routeErrorBoundary("/", "Gå til forsiden");
