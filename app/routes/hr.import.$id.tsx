import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { applyCompletions } from "~/imports/completions-apply.server";
import { prepareCompletionsImport, prepareRosterImport } from "~/imports/import.server";
import { dropPendingImport, getPendingImport } from "~/imports/pending.server";
import { applyRosterPlan } from "~/imports/roster-apply.server";
import { FIELD_LABEL } from "~/imports/roster-plan";
import { formatCount, formatShortDate } from "~/ui/format";
import { useErrorFocus } from "~/ui/use-error-focus";

const SHOWN = 50;

function loadPending(request: Request, id: string | undefined) {
  const user = requireRole(request, "hr");
  const pending = getPendingImport(id ?? "", user.id);
  if (!pending) throw data({ message: "Filen findes ikke længere. Indlæs den igen." }, { status: 404 });
  return { user, pending, bytes: new Uint8Array(pending.content) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pending, bytes } = loadPending(request, params.id);
  const base = { id: pending.id, kind: pending.kind, fileName: pending.fileName };
  if (pending.kind === "roster") {
    const prepared = await prepareRosterImport(bytes, pending.fileName, today());
    if (!prepared.ok)
      return {
        ...base,
        errors: prepared.errors,
        warnings: prepared.warnings,
        roster: null,
        completions: null,
      };
    const { plan } = prepared;
    return {
      ...base,
      errors: [],
      warnings: prepared.warnings,
      completions: null,
      roster: {
        rowCount: prepared.rowCount,
        unchanged: plan.unchanged,
        activeBefore: plan.activeBefore,
        needsLeaverConfirmation: plan.needsLeaverConfirmation,
        unitsToCreate: plan.unitsToCreate,
        newCount: plan.newEmployees.length,
        newEmployees: plan.newEmployees.slice(0, SHOWN).map((r) => ({
          number: r.employeeNumber,
          name: r.name,
          unit: r.unitPath.join(" > "),
        })),
        changedCount: plan.changed.length,
        changed: plan.changed.slice(0, SHOWN).map((c) => ({
          number: c.row.employeeNumber,
          name: c.row.name,
          changes: c.changes.map((ch) => `${FIELD_LABEL[ch.field]}: ${ch.from || "–"} → ${ch.to || "–"}`),
        })),
        leaverCount: plan.leavers.length,
        leavers: plan.leavers
          .slice(0, SHOWN)
          .map((l) => ({ number: l.employeeNumber, name: l.name, unit: l.unitPath })),
      },
    };
  }
  const prepared = await prepareCompletionsImport(bytes, pending.fileName, today());
  if (!prepared.ok)
    return { ...base, errors: prepared.errors, warnings: prepared.warnings, roster: null, completions: null };
  return {
    ...base,
    errors: [],
    warnings: prepared.warnings,
    roster: null,
    completions: {
      rowCount: prepared.rows.length,
      newCount: prepared.newCount,
      perCourse: prepared.perCourse,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, pending, bytes } = loadPending(request, params.id);
  const form = await request.formData();
  const asOf = today();
  let summary: string;
  if (pending.kind === "roster") {
    const prepared = await prepareRosterImport(bytes, pending.fileName, asOf);
    if (!prepared.ok) return data({ error: "Filen har fejl og kan ikke indlæses." }, { status: 400 });
    if (prepared.plan.needsLeaverConfirmation && form.get("confirmLeavers") !== "ja") {
      return data(
        { error: "Sæt kryds for at bekræfte de mange fratrædelser, eller indlæs en hel personaleliste." },
        { status: 400 },
      );
    }
    const result = applyRosterPlan(prepared.plan);
    recordAudit({
      request,
      actor: user,
      action: "import",
      scope: "Personaleliste",
      filters: `Fil: ${pending.fileName}`,
      rowCount: prepared.rowCount,
    });
    summary = `Personalelisten ${pending.fileName} er indlæst: ${result.created} nye, ${result.updated} ændrede, ${result.leavers} fratrådte og ${result.unitsCreated} nye enheder.`;
  } else {
    const prepared = await prepareCompletionsImport(bytes, pending.fileName, asOf);
    if (!prepared.ok) return data({ error: "Filen har fejl og kan ikke indlæses." }, { status: 400 });
    const result = applyCompletions({ rows: prepared.rows, fileName: pending.fileName, userId: user.id });
    recordAudit({
      request,
      actor: user,
      action: "import",
      scope: "Gennemførelser fra kursusleverandør",
      filters: `Fil: ${pending.fileName}`,
      rowCount: prepared.rows.length,
    });
    summary = `Gennemførelserne i ${pending.fileName} er indlæst: ${result.added} nye, ${result.alreadyThere} fandtes allerede.`;
  }
  dropPendingImport(pending.id);
  return redirect(`/hr/import?${new URLSearchParams({ indlaest: pending.kind, resume: summary })}`);
}

export default function ImportPreview() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorRef = useErrorFocus(result);
  const ok = d.errors.length === 0;
  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/hr/import">Indlæs data</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Forhåndsvisning: {d.fileName}</h1>
      {d.warnings.length > 0 ? (
        <ul className="mt-4 space-y-1 rounded border border-amber-700 bg-amber-50 p-4">
          {d.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}

      {!ok ? (
        <section aria-labelledby="fejl" className="mt-4 rounded border-2 border-bad bg-white p-4">
          <h2 id="fejl" className="font-semibold text-bad">
            Filen blev ikke indlæst:{" "}
            {d.errors.length === 1 ? "1 fejl" : `${formatCount(d.errors.length)} fejl`}
          </h2>
          <p className="mt-1">Intet er gemt. Ret fejlene i filen, og indlæs den igen.</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {d.errors.slice(0, 200).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {d.errors.length > 200 ? (
            <p className="mt-2">… og {formatCount(d.errors.length - 200)} fejl mere.</p>
          ) : null}
        </section>
      ) : null}

      {d.roster ? (
        <>
          <dl className="mt-4 grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1 rounded-lg bg-white p-4 shadow-sm">
            <dt>Medarbejdere i filen</dt>
            <dd className="text-right font-semibold">{formatCount(d.roster.rowCount)}</dd>
            <dt>Nye</dt>
            <dd className="text-right font-semibold">{formatCount(d.roster.newCount)}</dd>
            <dt>Ændrede</dt>
            <dd className="text-right font-semibold">{formatCount(d.roster.changedCount)}</dd>
            <dt>Uændrede</dt>
            <dd className="text-right font-semibold">{formatCount(d.roster.unchanged)}</dd>
            <dt>Fratrådte (står ikke i filen)</dt>
            <dd className="text-right font-semibold">
              {formatCount(d.roster.leaverCount)} af {formatCount(d.roster.activeBefore)}
            </dd>
            <dt>Nye enheder</dt>
            <dd className="text-right font-semibold">{formatCount(d.roster.unitsToCreate.length)}</dd>
          </dl>
          <PeopleTable
            title="Nye medarbejdere"
            total={d.roster.newCount}
            rows={d.roster.newEmployees.map((p) => [p.number, p.name, p.unit])}
            headers={["Medarbejdernr.", "Navn", "Enhed"]}
          />
          <PeopleTable
            title="Ændringer"
            total={d.roster.changedCount}
            rows={d.roster.changed.map((p) => [p.number, p.name, p.changes.join("; ")])}
            headers={["Medarbejdernr.", "Navn", "Ændring"]}
          />
          <PeopleTable
            title={`Fratræder pr. ${formatShortDate(today())}`}
            total={d.roster.leaverCount}
            rows={d.roster.leavers.map((p) => [p.number, p.name, p.unit])}
            headers={["Medarbejdernr.", "Navn", "Enhed"]}
          />
          {d.roster.unitsToCreate.length > 0 ? (
            <section className="mt-6" aria-label="Nye enheder">
              <h2 className="text-lg font-semibold">Nye enheder</h2>
              <ul className="mt-2 list-disc pl-5">
                {d.roster.unitsToCreate.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}

      {d.completions ? (
        <dl className="mt-4 grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1 rounded-lg bg-white p-4 shadow-sm">
          <dt>Gennemførelser i filen</dt>
          <dd className="text-right font-semibold">{formatCount(d.completions.rowCount)}</dd>
          {Object.entries(d.completions.perCourse).map(([code, n]) => (
            <div key={code} className="contents">
              <dt>– kursus {code}</dt>
              <dd className="text-right">{formatCount(n)}</dd>
            </div>
          ))}
          <dt>Nye (resten er indlæst før)</dt>
          <dd className="text-right font-semibold">{formatCount(d.completions.newCount)}</dd>
        </dl>
      ) : null}

      {ok ? (
        <Form method="post" className="mt-6 rounded-lg border-2 border-brand-600 bg-white p-5">
          {result?.error ? (
            <div
              ref={errorRef}
              tabIndex={-1}
              role="alert"
              className="mb-3 rounded border-2 border-bad p-3 text-bad"
            >
              {result.error}
            </div>
          ) : null}
          {d.roster?.needsLeaverConfirmation ? (
            <div className="mb-4 flex items-start gap-3">
              <input
                id="confirmLeavers"
                name="confirmLeavers"
                type="checkbox"
                value="ja"
                className="mt-1 size-5"
              />
              <label htmlFor="confirmLeavers">
                Jeg bekræfter, at {formatCount(d.roster.leaverCount)} af {formatCount(d.roster.activeBefore)}{" "}
                aktive medarbejdere er fratrådt. (Over 10 %: tjek, at filen er hele personalelisten.)
              </label>
            </div>
          ) : null}
          <button
            type="submit"
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            Indlæs filen
          </button>
          <Link to="/hr/import" className="ml-4">
            Annullér
          </Link>
        </Form>
      ) : null}
    </div>
  );
}

function PeopleTable({
  title,
  total,
  rows,
  headers,
}: {
  title: string;
  total: number;
  rows: string[][];
  headers: string[];
}) {
  if (total === 0) return null;
  return (
    <section className="mt-6" aria-label={title}>
      <h2 className="text-lg font-semibold">
        {title} ({formatCount(total)})
      </h2>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm shadow-sm">
          <thead>
            <tr className="border-b-2 border-brand-700 text-left">
              {headers.map((h) => (
                <th key={h} scope="col" className="p-2">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.join("|")} className="border-b border-gray-200 align-top">
                {headers.map((h, i) => (
                  <td key={h} className="p-2">
                    {r[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > rows.length ? <p className="mt-1 text-sm">Viser de første {rows.length}.</p> : null}
    </section>
  );
}

export const meta: MetaFunction = () => [
  { title: "Forhåndsvisning af import · AI og GDPR · Albertslund Kommune" },
];
