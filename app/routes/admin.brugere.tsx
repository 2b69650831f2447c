import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  accountExists,
  addScope,
  listAccounts,
  removeScope,
  setActive,
  setRole,
} from "~/auth/accounts.server";
import { requireRole } from "~/auth/guard.server";
import { ROLE_LABEL } from "~/auth/roles";
import { getUnit, listUnitsWithPaths } from "~/compliance/units.server";
import { ROLES } from "../../db/schema";

const userId = z.coerce.number().int().positive();
const unitId = z.coerce.number({ message: "Vælg en enhed." }).int().positive("Vælg en enhed.");

const AccountChange = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), userId, role: z.enum(ROLES) }),
  z.object({ intent: z.literal("deactivate"), userId }),
  z.object({ intent: z.literal("activate"), userId }),
  z.object({ intent: z.literal("add-scope"), userId, unitId }),
  z.object({ intent: z.literal("remove-scope"), userId, unitId }),
]);

export function loader({ request }: LoaderFunctionArgs) {
  const admin = requireRole(request, "admin");
  return { accounts: listAccounts(), units: listUnitsWithPaths(), selfId: admin.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const parsed = AccountChange.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data(
      { error: parsed.error.issues[0]?.message ?? "Ugyldig ændring.", done: null },
      { status: 400 },
    );
  }
  const change = parsed.data;
  if (!accountExists(change.userId))
    return data({ error: "Brugeren findes ikke.", done: null }, { status: 404 });
  // An admin cannot lock themselves out by mistake.
  if (change.userId === admin.id && (change.intent === "deactivate" || change.intent === "role")) {
    return data(
      { error: "Du kan ikke ændre din egen rolle eller deaktivere dig selv.", done: null },
      { status: 400 },
    );
  }
  switch (change.intent) {
    case "role":
      setRole(change.userId, change.role);
      break;
    case "deactivate":
      setActive(change.userId, false);
      break;
    case "activate":
      setActive(change.userId, true);
      break;
    case "add-scope":
      if (!getUnit(change.unitId))
        return data({ error: "Enheden findes ikke.", done: null }, { status: 400 });
      addScope(change.userId, change.unitId);
      break;
    case "remove-scope":
      removeScope(change.userId, change.unitId);
      break;
  }
  return { error: null, done: "Ændringen er gemt. Brugeren skal logge ind igen." };
}

export default function Accounts() {
  const { accounts, units, selfId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Brugere og roller</h1>
      <p className="mt-2 max-w-prose">
        Når du ændrer en brugers rolle, enheder eller adgang, bliver brugeren logget ud alle steder.
      </p>
      <div role="status" className="mt-3">
        {result?.done ? <p className="rounded bg-green-50 p-3 text-ok">{result.done}</p> : null}
      </div>
      {result?.error ? (
        <p role="alert" className="mt-3 rounded border-2 border-bad bg-white p-3 text-bad">
          {result.error}
        </p>
      ) : null}
      <ul className="mt-4 space-y-4">
        {accounts.map((a) => (
          <li key={a.id} className="rounded-lg bg-white p-5 shadow-sm">
            <h2 className="font-semibold">
              {a.name} {a.active ? null : <span className="text-bad">(deaktiveret)</span>}
            </h2>
            <p className="text-sm text-muted">
              {a.email} · {ROLE_LABEL[a.role]}
            </p>
            {a.id === selfId ? (
              <p className="mt-2 text-sm">Det er dig.</p>
            ) : (
              <div className="mt-3 flex flex-wrap items-end gap-4">
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={a.id} />
                  <div>
                    <label htmlFor={`rolle-${a.id}`} className="block text-sm font-semibold">
                      Rolle for {a.name}
                    </label>
                    <select
                      id={`rolle-${a.id}`}
                      name="role"
                      defaultValue={a.role}
                      className="mt-1 rounded border border-gray-500 bg-white px-2 py-1"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABEL[r]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
                    Gem rolle
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value={a.active ? "deactivate" : "activate"} />
                  <input type="hidden" name="userId" value={a.id} />
                  <button type="submit" className="rounded border border-gray-600 px-3 py-1">
                    {a.active ? `Deaktivér ${a.name}` : `Aktivér ${a.name}`}
                  </button>
                </Form>
              </div>
            )}
            {a.role === "manager" ? (
              <div className="mt-4">
                <h3 className="text-sm font-semibold">Leder for</h3>
                {a.scopes.length === 0 ? <p className="text-sm">Ingen enheder endnu.</p> : null}
                <ul className="mt-1 space-y-1">
                  {a.scopes.map((s) => (
                    <li key={s.unitId} className="flex flex-wrap items-center gap-2 text-sm">
                      {s.unitName}
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove-scope" />
                        <input type="hidden" name="userId" value={a.id} />
                        <input type="hidden" name="unitId" value={s.unitId} />
                        <button type="submit" className="rounded border border-gray-600 px-2 text-sm">
                          Fjern {s.unitName}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
                <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="add-scope" />
                  <input type="hidden" name="userId" value={a.id} />
                  <div className="min-w-0 max-w-full">
                    <label htmlFor={`enhed-${a.id}`} className="block text-sm font-semibold">
                      Tilføj enhed for {a.name}
                    </label>
                    <select
                      id={`enhed-${a.id}`}
                      name="unitId"
                      defaultValue=""
                      className="mt-1 w-full max-w-md rounded border border-gray-500 bg-white px-2 py-1"
                    >
                      <option value="">Vælg enhed</option>
                      {units.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
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

export const meta: MetaFunction = () => [{ title: "Brugere · AI og GDPR · Albertslund Kommune" }];
