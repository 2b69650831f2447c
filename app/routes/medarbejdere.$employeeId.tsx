import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/audit/audit.server";
import { requirePeopleViewer, requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { loadEmployeeHistory } from "~/compliance/employee-history.server";
import { ManualRegistration, registerManually } from "~/compliance/manual-registration.server";
import { allCourseContent } from "~/content/content.server";
import { formatShortDate, formatTimestamp } from "~/ui/format";
import { PersonFacts } from "~/ui/person-facts";
import { StatusBadge, statusDetail } from "~/ui/status-badge";
import { useErrorFocus } from "~/ui/use-error-focus";

const SOURCE_LABEL = {
  site: "På dette site",
  import: "Import fra kursusleverandør",
  manual: "Registreret af HR",
} as const;

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requirePeopleViewer(request);
  const employeeId = Number(params.employeeId);
  const history = loadEmployeeHistory(user, Number.isInteger(employeeId) ? employeeId : -1, today());
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
  return {
    canRegister: user.role === "hr",
    registered: new URL(request.url).searchParams.get("registreret") === "1",
    today: today(),
    person: {
      name: history.person.name,
      employeeNumber: history.person.employeeNumber,
      email: history.person.email,
      startDate: history.person.startDate,
      endDate: history.person.endDate,
    },
    unitLabel: history.unitLabel,
    statuses: history.statuses,
    completions: history.completions.map((r) => ({
      id: r.completion.id,
      course: r.courseTitle,
      completedOn: r.completion.completedOn,
      version: r.completion.courseVersion,
      score: r.completion.score,
      source: SOURCE_LABEL[r.completion.source],
      sourceRef: r.completion.source === "import" ? r.completion.sourceRef : null,
      recordedBy: r.recordedBy,
      reason: r.completion.reason,
    })),
    exemptions: history.exemptions.map((r) => ({
      id: r.exemption.id,
      course: r.courseTitle,
      reason: r.exemption.reason,
      validFrom: r.exemption.validFrom,
      validUntil: r.exemption.validUntil,
      grantedBy: r.grantedBy,
    })),
    attempts: history.attempts.map((r) => ({
      id: r.attempt.id,
      course: r.courseTitle,
      module: moduleTitles.get(r.attempt.moduleSlug) ?? r.attempt.moduleSlug,
      at: formatTimestamp(r.attempt.submittedAt),
      score: r.attempt.score,
      passed: r.attempt.passed,
    })),
    attestations: history.attestations.map((r) => ({
      id: r.attestation.id,
      course: r.courseTitle,
      statement: r.attestation.statement,
      at: formatTimestamp(r.attestation.attestedAt),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "hr");
  const employeeId = Number(params.employeeId);
  const history = loadEmployeeHistory(user, Number.isInteger(employeeId) ? employeeId : -1, today());
  const parsed = ManualRegistration.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return data(
      { error: issue?.message ?? "Ugyldig registrering.", field: String(issue?.path[0] ?? "") },
      { status: 400 },
    );
  }
  const problem = registerManually(parsed.data, history.person.id, user.id, today());
  if (problem) return data({ error: problem, field: "" }, { status: 400 });
  recordAudit({
    request,
    actor: user,
    action: "register",
    scope: history.unitLabel,
    targetEmployeeId: history.person.id,
    filters: parsed.data.intent === "completion" ? "Gennemførelse" : "Fritagelse",
    rowCount: 1,
  });
  return redirect(`/medarbejdere/${history.person.id}?registreret=1`);
}

const th = "p-2 text-left";
const td = "p-2 align-top";

export default function EmployeeDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorRef = useErrorFocus(result);
  return (
    <div>
      <h1 className="text-2xl font-bold">{d.person.name}</h1>
      <div role="status">
        {d.registered ? (
          <p className="mt-2 rounded bg-green-50 p-3 text-ok">Registreringen er gemt.</p>
        ) : null}
      </div>
      <PersonFacts person={d.person} unitLabel={d.unitLabel} showName={false} />

      <h2 className="mt-8 text-xl font-semibold">Status i dag</h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {d.statuses.map((s) => (
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

      {d.canRegister ? (
        <section aria-labelledby="registrer" className="mt-8 rounded-lg border border-brand-100 bg-white p-5">
          <h2 id="registrer" className="text-xl font-semibold">
            Registrér manuelt (HR)
          </h2>
          {result?.error ? (
            <div
              ref={errorRef}
              tabIndex={-1}
              role="alert"
              className="mt-3 rounded border-2 border-bad p-3 text-bad"
            >
              {result.error}
            </div>
          ) : null}
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <Form method="post" noValidate className="space-y-3">
              <h3 className="font-semibold">Gennemførelse</h3>
              <input type="hidden" name="intent" value="completion" />
              <CourseSelect id="g-kursus" statuses={d.statuses} />
              <Field id="g-dato" name="completedOn" label="Gennemført den" type="date" max={d.today} />
              <Field
                id="g-begrundelse"
                name="reason"
                label="Begrundelse (fx kursusbevis fra anden kommune)"
              />
              <button
                type="submit"
                className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
              >
                Registrér gennemførelse
              </button>
            </Form>
            <Form method="post" noValidate className="space-y-3">
              <h3 className="font-semibold">Fritagelse</h3>
              <input type="hidden" name="intent" value="exemption" />
              <CourseSelect id="f-kursus" statuses={d.statuses} />
              <Field id="f-fra" name="validFrom" label="Gælder fra" type="date" defaultValue={d.today} />
              <Field
                id="f-til"
                name="validUntil"
                label="Gælder til og med (tom: indtil videre)"
                type="date"
              />
              <Field id="f-begrundelse" name="reason" label="Begrundelse (fx langtidssygemeldt)" />
              <button
                type="submit"
                className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
              >
                Registrér fritagelse
              </button>
            </Form>
          </div>
        </section>
      ) : null}

      <Section
        title="Gennemførelser"
        empty="Ingen gennemførelser endnu."
        count={d.completions.length}
        headers={["Dato", "Kursus", "Version", "Score", "Kilde"]}
      >
        <tbody>
          {d.completions.map((c) => (
            <tr key={c.id} className="border-b border-gray-200">
              <td className={td}>{formatShortDate(c.completedOn)}</td>
              <td className={td}>{c.course}</td>
              <td className={td}>{c.version}</td>
              <td className={td}>{c.score === null ? "–" : `${c.score} %`}</td>
              <td className={td}>
                {c.source}
                {c.sourceRef ? ` (${c.sourceRef})` : ""}
                {c.recordedBy ? `, af ${c.recordedBy}` : ""}
                {c.reason ? `. Begrundelse: ${c.reason}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </Section>

      <Section
        title="Fritagelser"
        empty="Ingen fritagelser."
        count={d.exemptions.length}
        headers={["Kursus", "Periode", "Begrundelse"]}
      >
        <tbody>
          {d.exemptions.map((e) => (
            <tr key={e.id} className="border-b border-gray-200">
              <td className={td}>{e.course}</td>
              <td className={td}>
                {formatShortDate(e.validFrom)} –{" "}
                {e.validUntil ? formatShortDate(e.validUntil) : "indtil videre"}
              </td>
              <td className={td}>
                {e.reason}
                {e.grantedBy ? ` (givet af ${e.grantedBy})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </Section>

      <Section
        title="Quizforsøg"
        empty="Ingen quizforsøg her på siden."
        count={d.attempts.length}
        headers={["Tidspunkt", "Kursus og modul", "Resultat"]}
      >
        <tbody>
          {d.attempts.map((a) => (
            <tr key={a.id} className="border-b border-gray-200">
              <td className={td}>{a.at}</td>
              <td className={td}>
                {a.course}: {a.module}
              </td>
              <td className={td}>
                {a.score} % – {a.passed ? "bestået" : "ikke bestået"}
              </td>
            </tr>
          ))}
        </tbody>
      </Section>

      <Section
        title="Erklæringer"
        empty="Ingen erklæringer."
        count={d.attestations.length}
        headers={["Tidspunkt", "Erklæring"]}
      >
        <tbody>
          {d.attestations.map((a) => (
            <tr key={a.id} className="border-b border-gray-200">
              <td className={td}>{a.at}</td>
              <td className={td}>{a.statement}</td>
            </tr>
          ))}
        </tbody>
      </Section>
    </div>
  );
}

function CourseSelect({ id, statuses }: { id: string; statuses: { code: string; title: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        Kursus
      </label>
      <select id={id} name="course" className="mt-1 w-full rounded border border-gray-500 bg-white px-2 py-2">
        {statuses.map((s) => (
          <option key={s.code} value={s.code}>
            {s.title}
          </option>
        ))}
      </select>
    </div>
  );
}

function Field({
  id,
  name,
  label,
  type = "text",
  max,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  type?: string;
  max?: string;
  defaultValue?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        max={max}
        defaultValue={defaultValue}
        className="mt-1 w-full rounded border border-gray-500 px-2 py-2"
      />
    </div>
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
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm shadow-sm">
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.person.name ?? "Medarbejder"} · AI og GDPR · Albertslund Kommune` },
];
