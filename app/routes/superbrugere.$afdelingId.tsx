import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { forbidden, requirePeopleViewer } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import {
  applySuperUserForm,
  canManageSuperUsers,
  getAfdeling,
  listSuperUserHistory,
  SuperUserForm,
} from "~/super-users/super-users.server";
import { ErrorSummary, Field, SubmitButton } from "~/ui/form";
import { type FormErrors, formErrorOf, formErrorsFrom } from "~/ui/form-errors";
import { formatShortDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { SuperUserCount } from "~/ui/super-user-count";
import { requireIdParam } from "~/url-params";

const NOT_FOUND = "Afdelingen findes ikke.";

/** The afdeling in the URL, if the caller may manage its super users: 404 or 403 otherwise. */
function requireManagedAfdeling(request: Request, param: string | undefined) {
  const user = requirePeopleViewer(request);
  const afdeling = getAfdeling(requireIdParam(param, NOT_FOUND));
  if (!afdeling) throw data({ message: NOT_FOUND }, { status: 404 });
  if (!canManageSuperUsers(user, afdeling)) forbidden();
  return { user, afdeling };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { user, afdeling } = requireManagedAfdeling(request, params.afdelingId);
  const asOf = today();
  const rows = listSuperUserHistory(user, afdeling.id);
  const isCurrent = (r: (typeof rows)[number]) =>
    r.startDate <= asOf && (r.endDate === null || r.endDate > asOf);
  const current = rows.filter(isCurrent);
  return {
    asOf,
    afdeling: { id: afdeling.id, name: afdeling.name },
    current,
    // Planned (start in the future, still open) and ended rows: the history is never deleted.
    planned: rows.filter((r) => r.startDate > asOf && r.endDate === null),
    ended: rows.filter((r) => r.endDate !== null && !isCurrent(r)),
  };
}

type ActionResult =
  | { ok: true; intent: "appoint" | "end"; message: string; savedAt: number }
  | { ok: false; intent: "appoint" | "end"; errors: FormErrors; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, afdeling } = requireManagedAfdeling(request, params.afdelingId);
  const form = Object.fromEntries(
    [...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
  );
  const intent = form.intent === "end" ? "end" : "appoint";
  const fail = (errors: FormErrors) =>
    data<ActionResult>({ ok: false, intent, errors, values: form }, { status: 400 });
  const parsed = SuperUserForm.safeParse(form);
  if (!parsed.success) return fail(formErrorsFrom(parsed.error));
  const result = applySuperUserForm({ request, actor: user, afdeling, form: parsed.data });
  if (!result.ok) return fail(formErrorOf(result.field || null, result.error));
  return data<ActionResult>({ ok: true, intent, message: result.message, savedAt: Date.now() });
}

const APPOINT_LABELS = { person: "Medarbejdernummer eller arbejdsmail", startDate: "AI-superbruger fra" };
const APPOINT_IDS = { person: "udpeg-person", startDate: "udpeg-start" };

export default function AfdelingSuperUsers() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const forIntent = (intent: "appoint" | "end") => (result?.intent === intent ? result : undefined);
  const appoint = forIntent("appoint");
  const end = forIntent("end");
  const failedAppoint = appoint && !appoint.ok ? appoint : undefined;
  const failedEnd = end && !end.ok ? end : undefined;
  const formKey = result?.ok ? String(result.savedAt) : "form";
  return (
    <div>
      <p className="text-sm">
        <Link to="/superbrugere" className="inline-block py-2">
          Tilbage til alle afdelinger
        </Link>
      </p>
      <h1 className="text-2xl font-bold">AI-superbrugere i {page.afdeling.name}</h1>
      <p className="mt-2">
        Antal pr. {formatShortDate(page.asOf)}: <SuperUserCount count={page.current.length} />
      </p>
      {result?.ok ? <Message result={result} /> : null}

      <section aria-labelledby="nuvaerende" className="mt-6">
        <h2 id="nuvaerende" className="text-xl font-semibold">
          Nuværende AI-superbrugere
        </h2>
        <ErrorSummary
          errors={failedEnd?.errors}
          labels={{ endDate: "Ikke længere superbruger fra" }}
          ids={{ endDate: `slut-${failedEnd?.values.superUserId}` }}
        />
        {page.current.length === 0 ? (
          <p className="mt-2">Afdelingen har ingen AI-superbrugere i dag.</p>
        ) : (
          <table className="stack-table mt-3 w-full border-collapse bg-white text-sm shadow-sm">
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">
                  Navn
                </th>
                <th scope="col" className="p-2">
                  Enhed
                </th>
                <th scope="col" className="p-2">
                  Arbejdsmail
                </th>
                <th scope="col" className="p-2">
                  Superbruger fra
                </th>
                <th scope="col" className="p-2">
                  Afslut
                </th>
              </tr>
            </thead>
            <tbody>
              {page.current.map((s) => {
                const failed = failedEnd?.values.superUserId === String(s.id);
                return (
                  <tr key={s.id} className="border-b align-top">
                    <td data-label="Navn" className="p-2 font-semibold">
                      {s.name}
                    </td>
                    <td data-label="Enhed" className="p-2">
                      {s.unitName}
                    </td>
                    <td data-label="Arbejdsmail" className="p-2 break-all">
                      {s.email}
                    </td>
                    <td data-label="Superbruger fra" className="p-2">
                      {formatShortDate(s.startDate)}
                    </td>
                    <td className="p-2">
                      <Form
                        key={`${formKey}-${s.id}`}
                        method="post"
                        noValidate
                        className="flex flex-wrap items-end gap-2"
                      >
                        <input type="hidden" name="intent" value="end" />
                        <input type="hidden" name="superUserId" value={s.id} />
                        <Field
                          id={`slut-${s.id}`}
                          name="endDate"
                          type="date"
                          label={`Ikke længere superbruger fra (dato for ${s.name})`}
                          errors={failed ? failedEnd?.errors.fieldErrors.endDate : undefined}
                          defaultValue={failed ? failedEnd?.values.endDate : page.asOf}
                        />
                        <SubmitButton
                          name="superUserId"
                          value={String(s.id)}
                          className="min-h-11 rounded border border-bad px-4 py-2 font-semibold text-bad"
                        >
                          Afslut {s.name} som AI-superbruger
                        </SubmitButton>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section
        aria-labelledby="udpeg"
        className="mt-8 max-w-xl rounded-lg border border-brand-100 bg-white p-5"
      >
        <h2 id="udpeg" className="text-xl font-semibold">
          Udpeg en AI-superbruger
        </h2>
        <p className="mt-1 text-sm">
          Personen skal være ansat i {page.afdeling.name} eller en enhed under den. Navn, enhed og arbejdsmail
          vises for alle i afdelingen under „Spørg en AI-superbruger“.
        </p>
        <ErrorSummary errors={failedAppoint?.errors} labels={APPOINT_LABELS} ids={APPOINT_IDS} />
        <Form key={formKey} method="post" noValidate className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="appoint" />
          <Field
            id={APPOINT_IDS.person}
            name="person"
            label={APPOINT_LABELS.person}
            autoComplete="off"
            errors={failedAppoint?.errors.fieldErrors.person}
            defaultValue={failedAppoint?.values.person ?? ""}
          />
          <Field
            id={APPOINT_IDS.startDate}
            name="startDate"
            type="date"
            label={APPOINT_LABELS.startDate}
            errors={failedAppoint?.errors.fieldErrors.startDate}
            defaultValue={failedAppoint?.values.startDate ?? page.asOf}
          />
          <SubmitButton name="intent" value="appoint" pendingText="Udpeger …">
            Udpeg som AI-superbruger
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="historik" className="mt-8">
        <h2 id="historik" className="text-xl font-semibold">
          Historik
        </h2>
        <p className="mt-1 max-w-prose text-sm">
          Afsluttede og kommende AI-superbrugere. Intet slettes: hver udpegning og afslutning står også i
          revisionssporet.
        </p>
        {page.planned.length + page.ended.length === 0 ? (
          <p className="mt-2">Ingen endnu.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {page.planned.map((s) => (
              <li key={s.id}>
                {s.name} ({s.unitName}): AI-superbruger fra {formatShortDate(s.startDate)}
              </li>
            ))}
            {page.ended.map((s) => (
              <li key={s.id}>
                {s.name} ({s.unitName}): AI-superbruger {formatShortDate(s.startDate)} –{" "}
                {s.endDate ? `${formatShortDate(s.endDate)} (afsluttet)` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The saved message, focused so a screen reader hears it (errors show in an ErrorSummary). */
function Message({ result }: { result: ActionResult & { ok: true } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="mt-4 rounded bg-green-50 p-3 text-ok">
      {result.message}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "AI-superbrugere") }];
