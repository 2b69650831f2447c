import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { recordAudit } from "~/audit/audit.server";
import { requirePeopleViewer, requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { loadEmployeeHistory } from "~/compliance/employee-history.server";
import { type Intent, ManualRegistration, registerManually } from "~/compliance/manual-registration.server";
import { allCourseContent } from "~/content/content.server";
import { REMINDER_KIND_LABEL, remindersForEmployee } from "~/reminders/reminders.server";
import { ErrorSummary, Field, SelectField, SubmitButton } from "~/ui/form";
import { type FormErrors, formErrorOf, formErrorsFrom } from "~/ui/form-errors";
import { formatShortDate, formatTimestamp } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { PersonFacts } from "~/ui/person-facts";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";
import { StatusBadge, statusDetail } from "~/ui/status-badge";
import { requireIdParam } from "~/url-params";

const SOURCE_LABEL = {
  site: "Her på siden",
  import: "Import fra kursusleverandør",
  manual: "Registreret af HR",
} as const;

const NOT_FOUND = "Medarbejderen findes ikke.";

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const history = loadEmployeeHistory(user, requireIdParam(params.employeeId, NOT_FOUND), today());
  recordAudit({
    request,
    actor: user,
    action: "view_employee",
    scope: history.unitLabel,
    targetEmployeeId: history.person.id,
    rowCount: 1,
  });
  const moduleTitles = new Map(
    allCourseContent().flatMap((c) => c.modules.map((m) => [m.slug, m.title] as const)),
  );
  const annulled = (a: { reason: string; annulledAt: number } | null, by: string | null) =>
    a && { at: formatTimestamp(a.annulledAt), by, reason: a.reason };
  const completions = history.completions.map((r) => ({
    id: r.completion.id,
    course: r.courseTitle,
    completedOn: r.completion.completedOn,
    version: r.completion.courseVersion,
    score: r.completion.score,
    source:
      r.completion.source === "manual" && r.recordedBy
        ? `Registreret af ${r.recordedBy} (HR)`
        : SOURCE_LABEL[r.completion.source],
    sourceRef: r.completion.source === "import" ? r.completion.sourceRef : null,
    reason: r.completion.reason,
    annulled: annulled(r.annulment, r.annulledBy),
  }));
  const exemptions = history.exemptions.map((r) => ({
    id: r.exemption.id,
    course: r.courseTitle,
    reason: r.exemption.reason,
    validFrom: r.exemption.validFrom,
    validUntil: r.exemption.validUntil,
    grantedBy: r.grantedBy,
    annulled: annulled(r.annulment, r.annulledBy),
  }));
  const period = (e: { validFrom: string; validUntil: string | null }) =>
    `${formatShortDate(e.validFrom)} – ${e.validUntil ? formatShortDate(e.validUntil) : "indtil videre"}`;
  return {
    // HR registers and corrects, but never on their own record (a second HR user must).
    registration:
      user.role !== "hr" ? "none" : user.employeeId === history.person.id ? "own" : ("allowed" as const),
    today: today(),
    person: {
      name: history.person.name,
      employeeNumber: history.person.employeeNumber,
      email: history.person.email,
      startDate: history.person.startDate,
      endDate: history.person.endDate,
    },
    unitId: history.person.orgUnitId,
    unitLabel: history.unitLabel,
    statuses: history.statuses,
    completions,
    exemptions,
    // What HR can annul: every row that is not annulled yet.
    annullable: [
      ...completions
        .filter((c) => !c.annulled)
        .map((c) => ({
          value: `completion:${c.id}`,
          label: `Gennemførelse: ${c.course}, ${formatShortDate(c.completedOn)} (${c.source})`,
        })),
      ...exemptions
        .filter((e) => !e.annulled)
        .map((e) => ({ value: `exemption:${e.id}`, label: `Fritagelse: ${e.course}, ${period(e)}` })),
    ],
    attempts: history.attempts.map((r) => ({
      id: r.attempt.id,
      course: r.courseTitle,
      module: moduleTitles.get(r.attempt.moduleSlug) ?? r.attempt.moduleSlug,
      at: formatTimestamp(r.attempt.submittedAt),
      score: r.attempt.score,
      passed: r.attempt.passed,
    })),
    // The reminders the person got (issue 13), whoever sent them.
    reminders: remindersForEmployee(history.person.id).map((r) => ({
      id: r.id,
      sentOn: r.sentOn,
      kind: r.sentBy ? `${REMINDER_KIND_LABEL[r.kind]} (${r.sentBy})` : REMINDER_KIND_LABEL[r.kind],
      course: r.course ?? "",
      mail: r.mailStatus === "sent" ? "Sendt" : r.mailStatus === "failed" ? "Fejlede" : "Ikke sendt endnu",
    })),
    attestations: history.attestations.map((r) => ({
      id: r.attestation.id,
      course: r.courseTitle,
      statement: r.attestation.statement,
      at: formatTimestamp(r.attestation.attestedAt),
    })),
  };
}

const INTENTS: readonly Intent[] = ["completion", "exemption", "annul"];
const SAVED: Record<Intent, string> = {
  completion: "Registreringen er gemt: gennemførelsen står nu i listen nedenfor.",
  exemption: "Registreringen er gemt: fritagelsen står nu i listen nedenfor.",
  annul: "Registreringen er annulleret. Den står stadig i historikken, men tæller ikke længere.",
};

type ActionResult =
  | { intent: Intent; ok: true; message: string; savedAt: number }
  | { intent: Intent; ok: false; errors: FormErrors; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "hr");
  const history = loadEmployeeHistory(user, requireIdParam(params.employeeId, NOT_FOUND), today());
  const form = Object.fromEntries(
    [...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
  );
  const intent = INTENTS.find((i) => i === form.intent) ?? "completion";
  const fail = (errors: FormErrors) =>
    data<ActionResult>({ intent, ok: false, errors, values: form }, { status: 400 });
  const parsed = ManualRegistration.safeParse(form);
  if (!parsed.success) return fail(formErrorsFrom(parsed.error));
  const result = registerManually(parsed.data, history.person.id, user, today());
  if (!result.ok) return fail(formErrorOf(result.field || null, result.error));
  recordAudit({
    request,
    actor: user,
    action: parsed.data.intent === "annul" ? "annul" : "register",
    scope: history.unitLabel,
    targetEmployeeId: history.person.id,
    filters:
      parsed.data.intent === "completion"
        ? "Gennemførelse"
        : parsed.data.intent === "exemption"
          ? "Fritagelse"
          : parsed.data.target.kind === "completion"
            ? "Gennemførelse"
            : "Fritagelse",
    rowCount: 1,
  });
  // The message comes from this result, never from the URL; the forms render empty again.
  return data<ActionResult>({ intent, ok: true, message: SAVED[intent], savedAt: Date.now() });
}

const th = "p-2 text-left";
const td = "p-2 align-top";

export default function EmployeeDetail() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const messageFor = (intent: Intent) => (result?.intent === intent ? result : undefined);
  // A new key after each save gives empty forms, with and without JavaScript.
  const formKey = result?.ok ? String(result.savedAt) : "form";
  return (
    <div>
      <p className="text-sm">
        <Link to={`/enheder/${page.unitId}/personer`} className="inline-block py-2">
          Tilbage til personerne i {page.unitLabel.split(" > ").at(-1)}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{page.person.name}</h1>
      <PersonFacts person={page.person} unitLabel={page.unitLabel} showName={false} />

      <h2 className="mt-8 text-xl font-semibold">Status i dag</h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {page.statuses.map((s) => (
          <li key={s.code} className="rounded-lg bg-white p-4 shadow-sm">
            <h3 className="font-semibold">{s.title}</h3>
            <p className="mt-1 flex flex-wrap items-center gap-2">
              {s.status.kind === "notListed" ? (
                "Ikke på listen (fratrådt eller ikke startet)"
              ) : (
                <StatusBadge status={s.status} />
              )}
              <span className="text-sm text-muted">{statusDetail(s.status)}</span>
            </p>
          </li>
        ))}
      </ul>

      {page.registration === "own" ? (
        <p className="mt-8 max-w-prose rounded border border-gray-400 bg-white p-4">
          Det er din egen medarbejder. Du kan ikke registrere eller annullere noget for dig selv; bed en anden
          i HR om det.
        </p>
      ) : null}
      {page.registration === "allowed" ? (
        <section aria-labelledby="registrer" className="mt-8 rounded-lg border border-brand-100 bg-white p-5">
          <h2 id="registrer" className="text-xl font-semibold">
            Registrér manuelt (HR)
          </h2>
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <Form key={`g-${formKey}`} method="post" noValidate className="space-y-3">
              <h3 className="font-semibold">Gennemførelse</h3>
              <FormMessage
                result={messageFor("completion")}
                labels={{ course: "Kursus", completedOn: "Gennemført den", reason: "Begrundelse" }}
                ids={{ course: "g-kursus", completedOn: "g-dato", reason: "g-begrundelse" }}
              />
              <input type="hidden" name="intent" value="completion" />
              <CourseSelect id="g-kursus" statuses={page.statuses} result={messageFor("completion")} />
              <RegistrationField
                id="g-dato"
                name="completedOn"
                label="Gennemført den"
                type="date"
                max={page.today}
                result={messageFor("completion")}
              />
              <RegistrationField
                id="g-begrundelse"
                name="reason"
                label="Begrundelse (fx kursusbevis fra anden kommune)"
                result={messageFor("completion")}
              />
              <SubmitButton name="intent" value="completion">
                Registrér gennemførelse
              </SubmitButton>
            </Form>
            <Form key={`f-${formKey}`} method="post" noValidate className="space-y-3">
              <h3 className="font-semibold">Fritagelse</h3>
              <FormMessage
                result={messageFor("exemption")}
                labels={{
                  course: "Kursus",
                  validFrom: "Gælder fra",
                  validUntil: "Gælder til og med",
                  reason: "Begrundelse",
                }}
                ids={{ course: "f-kursus", validFrom: "f-fra", validUntil: "f-til", reason: "f-begrundelse" }}
              />
              <input type="hidden" name="intent" value="exemption" />
              <CourseSelect id="f-kursus" statuses={page.statuses} result={messageFor("exemption")} />
              <RegistrationField
                id="f-fra"
                name="validFrom"
                label="Gælder fra"
                type="date"
                defaultValue={page.today}
                result={messageFor("exemption")}
              />
              <RegistrationField
                id="f-til"
                name="validUntil"
                label="Gælder til og med (tom: indtil videre)"
                type="date"
                result={messageFor("exemption")}
              />
              <RegistrationField
                id="f-begrundelse"
                name="reason"
                label="Begrundelse (fx langtidssygemeldt)"
                result={messageFor("exemption")}
              />
              <SubmitButton
                name="intent"
                value="exemption"
                className="min-h-11 rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
              >
                Registrér fritagelse
              </SubmitButton>
            </Form>
          </div>
          <Form
            key={`a-${formKey}`}
            method="post"
            noValidate
            aria-labelledby="annuller-titel"
            className="mt-8 space-y-3 border-t pt-5"
          >
            <h3 id="annuller-titel" className="font-semibold">
              Annullér en fejlregistrering
            </h3>
            <p className="max-w-prose text-sm">
              Annulleringen sletter ikke noget: registreringen bliver stående i historikken som annulleret,
              med din begrundelse, og tæller ikke længere med i status.
            </p>
            <FormMessage
              result={messageFor("annul")}
              labels={{ target: "Registrering", reason: "Begrundelse for annulleringen" }}
              ids={{ target: "a-registrering", reason: "a-begrundelse" }}
            />
            <input type="hidden" name="intent" value="annul" />
            {page.annullable.length === 0 ? (
              <p className="text-sm">Der er ingen registreringer at annullere.</p>
            ) : (
              <>
                <SelectField
                  id="a-registrering"
                  name="target"
                  label="Registrering"
                  defaultValue={values(messageFor("annul")).target ?? ""}
                  errors={errorsOf(messageFor("annul"), "target")}
                >
                  <option value="">Vælg registrering</option>
                  {page.annullable.map((a) => (
                    <option key={a.value} value={a.value}>
                      {a.label}
                    </option>
                  ))}
                </SelectField>
                <RegistrationField
                  id="a-begrundelse"
                  name="reason"
                  label="Begrundelse for annulleringen (fx registreret på forkert person)"
                  result={messageFor("annul")}
                />
                <SubmitButton
                  name="intent"
                  value="annul"
                  className="min-h-11 rounded border border-bad px-4 py-2 font-semibold text-bad"
                >
                  Annullér registreringen
                </SubmitButton>
              </>
            )}
          </Form>
        </section>
      ) : null}

      <Section
        title="Gennemførelser"
        empty="Ingen gennemførelser endnu."
        count={page.completions.length}
        headers={["Dato", "Kursus", "Version", "Score", "Kilde"]}
      >
        <tbody>
          {page.completions.map((c) => (
            <tr key={c.id} className={`border-b border-gray-200 ${c.annulled ? "bg-gray-50" : ""}`}>
              <td className={td} data-label="Dato">
                {c.annulled ? <s>{formatShortDate(c.completedOn)}</s> : formatShortDate(c.completedOn)}
              </td>
              <td className={td} data-label="Kursus">
                {c.course}
              </td>
              <td className={td} data-label="Version">
                {c.version}
              </td>
              <td className={td} data-label="Score">
                {c.score === null ? "–" : `${c.score} %`}
              </td>
              <td className={td} data-label="Kilde">
                {c.source}
                {c.sourceRef ? ` (${c.sourceRef})` : ""}
                {c.reason ? `. Begrundelse: ${c.reason}` : ""}
                <Annulled annulled={c.annulled} />
              </td>
            </tr>
          ))}
        </tbody>
      </Section>

      <Section
        title="Fritagelser"
        empty="Ingen fritagelser."
        count={page.exemptions.length}
        headers={["Kursus", "Periode", "Begrundelse"]}
      >
        <tbody>
          {page.exemptions.map((e) => (
            <tr key={e.id} className={`border-b border-gray-200 ${e.annulled ? "bg-gray-50" : ""}`}>
              <td className={td} data-label="Kursus">
                {e.course}
              </td>
              <td className={td} data-label="Periode">
                {formatShortDate(e.validFrom)} –{" "}
                {e.validUntil ? formatShortDate(e.validUntil) : "indtil videre"}
              </td>
              <td className={td} data-label="Begrundelse">
                {e.reason}
                {e.grantedBy ? ` (givet af ${e.grantedBy})` : ""}
                <Annulled annulled={e.annulled} />
              </td>
            </tr>
          ))}
        </tbody>
      </Section>

      <Section
        title="Quizforsøg"
        empty="Ingen quizforsøg her på siden."
        count={page.attempts.length}
        headers={["Tidspunkt", "Kursus og modul", "Resultat"]}
      >
        <tbody>
          {page.attempts.map((a) => (
            <tr key={a.id} className="border-b border-gray-200">
              <td className={td} data-label="Tidspunkt">
                {a.at}
              </td>
              <td className={td} data-label="Kursus og modul">
                {a.course}: {a.module}
              </td>
              <td className={td} data-label="Resultat">
                {a.score} % – {a.passed ? "bestået" : "ikke bestået"}
              </td>
            </tr>
          ))}
        </tbody>
      </Section>

      <Section
        title="Erklæringer"
        empty="Ingen erklæringer."
        count={page.attestations.length}
        headers={["Tidspunkt", "Erklæring"]}
      >
        <tbody>
          {page.attestations.map((a) => (
            <tr key={a.id} className="border-b border-gray-200">
              <td className={td} data-label="Tidspunkt">
                {a.at}
              </td>
              <td className={td} data-label="Erklæring">
                {a.statement}
              </td>
            </tr>
          ))}
        </tbody>
      </Section>

      <Section
        title="Påmindelser"
        empty="Ingen påmindelser."
        count={page.reminders.length}
        headers={["Dato", "Kursus", "Påmindelse", "Mail"]}
      >
        <tbody>
          {page.reminders.map((r) => (
            <tr key={r.id} className="border-b border-gray-200">
              <td className={td} data-label="Dato">
                {formatShortDate(r.sentOn)}
              </td>
              <td className={td} data-label="Kursus">
                {r.course}
              </td>
              <td className={td} data-label="Påmindelse">
                {r.kind}
              </td>
              <td className={td} data-label="Mail">
                {r.mail}
              </td>
            </tr>
          ))}
        </tbody>
      </Section>
    </div>
  );
}

type FormResult = ActionResult | undefined;

const values = (result: FormResult): Record<string, string> => (result && !result.ok ? result.values : {});
const errorsOf = (result: FormResult, field: string) =>
  result !== undefined && !result.ok ? result.errors.fieldErrors[field] : undefined;

/** The outcome of this form, next to it: the saved message (focused, so it is read) or the errors. */
function FormMessage({
  result,
  labels,
  ids,
}: {
  result: FormResult;
  labels: Record<string, string>;
  ids: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result?.ok) ref.current?.focus();
  }, [result]);
  if (!result) return null;
  return result.ok ? (
    <div ref={ref} tabIndex={-1} role="status" className="rounded bg-green-50 p-3 text-ok">
      {result.message}
    </div>
  ) : (
    <ErrorSummary errors={result.errors} labels={labels} ids={ids} className="" />
  );
}

function Annulled({ annulled }: { annulled: { at: string; by: string | null; reason: string } | null }) {
  if (!annulled) return null;
  return (
    <span className="mt-1 block font-semibold text-bad">
      Annulleret {annulled.at}
      {annulled.by ? ` af ${annulled.by}` : ""}. Begrundelse: {annulled.reason}
    </span>
  );
}

function CourseSelect({
  id,
  statuses,
  result,
}: {
  id: string;
  statuses: { code: string; title: string }[];
  result: FormResult;
}) {
  return (
    <SelectField
      id={id}
      name="course"
      label="Kursus"
      defaultValue={values(result).course}
      errors={errorsOf(result, "course")}
      options={statuses.map((s) => ({ value: s.code, label: s.title }))}
    />
  );
}

/** A field of a registration form; after a failed submit the typed value comes back. */
function RegistrationField({
  result,
  defaultValue,
  ...field
}: {
  id: string;
  name: string;
  label: string;
  type?: string;
  max?: string;
  defaultValue?: string;
  result: FormResult;
}) {
  return (
    <Field
      {...field}
      errors={errorsOf(result, field.name)}
      defaultValue={values(result)[field.name] ?? defaultValue}
    />
  );
}

/** A history table with its heading, or a sentence when there is nothing to show. */
function Section({
  title,
  empty,
  count,
  headers,
  children,
}: {
  title: string;
  empty: string;
  count: number;
  headers: string[];
  children: React.ReactNode;
}) {
  return (
    <section className="mt-8" aria-label={title}>
      <h2 className="text-xl font-semibold">{title}</h2>
      {count === 0 ? (
        <p className="mt-2">{empty}</p>
      ) : (
        <div className="mt-2">
          {/* On a phone the rows stack: each cell shows its column name (see tailwind.css). */}
          <table className="stack-table w-full border-collapse bg-white text-sm shadow-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b-2 border-brand-700">
                {headers.map((h) => (
                  <th key={h} scope="col" className={th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            {children}
          </table>
        </div>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `${data?.person.name ?? "Medarbejder"}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/enheder" label="Gå til enhederne" />;
}
