import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { today } from "~/compliance/day";
import { applyImport } from "~/imports/apply-import.server";
import { getPendingImport, markPendingApplied } from "~/imports/pending.server";
import { ErrorSummary } from "~/ui/form";
import { formErrorOf } from "~/ui/form-errors";
import { formatCount, formatPercent, formatShortDate } from "~/ui/format";
import { ImportForm } from "~/ui/import-form";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

function loadPending(request: Request, id: string | undefined) {
  const user = requireRole(request, "hr");
  const pending = getPendingImport(id ?? "", user.id);
  if (!pending) throw data({ message: "Filen findes ikke længere. Indlæs den igen." }, { status: 404 });
  return { user, pending };
}

// The preview was made once, at upload; this only shows it.
export function loader({ request, params }: LoaderFunctionArgs) {
  const { pending } = loadPending(request, params.id);
  return {
    id: pending.id,
    kind: pending.kind,
    fileName: pending.fileName,
    asOf: today(),
    ...pending.preview,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, pending } = loadPending(request, params.id);
  const form = await request.formData();
  if (pending.preview.errors.length > 0) {
    return data({ errors: formErrorOf(null, "Filen har fejl og kan ikke indlæses.") }, { status: 400 });
  }
  const applied = await applyImport(
    pending.kind === "roster"
      ? {
          kind: "roster",
          fileName: pending.fileName,
          pendingId: pending.id,
          userId: user.id,
          asOf: today(),
          consent: { confirmed: form.get("confirmLeavers") === "ja", massAllowed: false },
        }
      : { kind: "completions", fileName: pending.fileName, pendingId: pending.id, userId: user.id },
    { request, actor: user },
  );
  if ("error" in applied) return data({ errors: formErrorOf(null, applied.error) }, { status: 400 });
  markPendingApplied(pending.id, applied.summary);
  // The page shows the summary from the database, once; the URL only says which import.
  return redirect(`/hr/import?indlaest=${pending.id}`);
}

export default function ImportPreview() {
  const importPage = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorCount = importPage.errors.length + importPage.moreErrors;
  const ok = errorCount === 0;
  const roster = importPage.roster;
  const leaverWarning = roster && (roster.needsLeaverConfirmation || roster.massLeavers);
  const canApply = ok && !roster?.massLeavers;

  const applyForm = (
    <Form method="post" className="mt-6 rounded-lg border-2 border-brand-600 bg-white p-5">
      <ErrorSummary errors={result?.errors} labels={{}} className="mb-3" />
      {roster?.needsLeaverConfirmation ? (
        <div className="mb-4 flex items-start gap-3">
          <input
            id="confirmLeavers"
            name="confirmLeavers"
            type="checkbox"
            value="ja"
            className="mt-1 size-6"
          />
          <label htmlFor="confirmLeavers">
            Jeg bekræfter, at {formatCount(roster.leaverCount)} af {formatCount(roster.activeBefore)} aktive
            medarbejdere er fratrådt, og at filen er hele personalelisten.
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
  );

  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/hr/import">Indlæs data</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Forhåndsvisning: {importPage.fileName}</h1>

      {roster && leaverWarning ? (
        <section aria-labelledby="fratraedelser" className="mt-4 rounded border-2 border-bad bg-red-50 p-4">
          <h2 id="fratraedelser" className="text-lg font-bold text-bad">
            {formatCount(roster.leaverCount)} af {formatCount(roster.activeBefore)} aktive medarbejdere (
            {formatPercent(roster.leaverShare)}) bliver registreret som fratrådt
          </h2>
          <p className="mt-1">
            {roster.massLeavers
              ? "Det er over halvdelen, så filen kan ikke indlæses her: den er næsten sikkert ikke hele personalelisten. Hent hele listen fra HR-systemet. Er det virkelig rigtigt, kan en administrator indlæse den med kommandoen npm run import og --allow-mass-leavers."
              : "Det er over 10 %. Står de ikke i filen, fordi den er skåret af, så indlæs hele personalelisten i stedet. Deres login lukkes, når filen indlæses."}
          </p>
          {canApply ? applyForm : null}
        </section>
      ) : null}

      {importPage.warnings.length > 0 ? (
        <ul className="mt-4 space-y-1 rounded border border-amber-700 bg-amber-50 p-4">
          {importPage.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}

      {!ok ? (
        <>
          <section aria-labelledby="fejl" className="mt-4 rounded border-2 border-bad bg-white p-4">
            <h2 id="fejl" className="font-semibold text-bad">
              Filen blev ikke indlæst: {formatCount(errorCount)} fejl
            </h2>
            <p className="mt-1">Intet er gemt. Ret fejlene i filen, og indlæs den igen herunder.</p>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {importPage.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
            {importPage.moreErrors > 0 ? (
              <p className="mt-2">… og {formatCount(importPage.moreErrors)} flere fejl.</p>
            ) : null}
          </section>
          <h2 className="mt-6 text-lg font-semibold">Indlæs den rettede fil</h2>
          <ImportForm kind={importPage.kind} />
        </>
      ) : null}

      {roster ? (
        <>
          <dl className="mt-4 grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1 rounded-lg bg-white p-4 shadow-sm">
            <dt>Medarbejdere i filen</dt>
            <dd className="text-right font-semibold">{formatCount(roster.rowCount)}</dd>
            <dt>Nye</dt>
            <dd className="text-right font-semibold">{formatCount(roster.newCount)}</dd>
            <dt>Ændrede</dt>
            <dd className="text-right font-semibold">{formatCount(roster.changedCount)}</dd>
            <dt>Uændrede</dt>
            <dd className="text-right font-semibold">{formatCount(roster.unchanged)}</dd>
            <dt>Fratrådte (står ikke i filen)</dt>
            <dd className="text-right font-semibold">
              {formatCount(roster.leaverCount)} af {formatCount(roster.activeBefore)}
            </dd>
            <dt>Nye enheder</dt>
            <dd className="text-right font-semibold">{formatCount(roster.unitsToCreateCount)}</dd>
          </dl>
          <PeopleTable
            title="Nye medarbejdere"
            total={roster.newCount}
            rows={roster.newEmployees.map((p) => [p.number, p.name, p.unit])}
            headers={["Medarbejdernr.", "Navn", "Enhed"]}
          />
          <PeopleTable
            title="Ændringer"
            total={roster.changedCount}
            rows={roster.changed.map((p) => [p.number, p.name, p.changes.join("; ")])}
            headers={["Medarbejdernr.", "Navn", "Ændring"]}
          />
          <PeopleTable
            title={`Fratræder pr. ${formatShortDate(importPage.asOf)}`}
            total={roster.leaverCount}
            rows={roster.leavers.map((p) => [p.number, p.name, p.unit])}
            headers={["Medarbejdernr.", "Navn", "Enhed"]}
          />
          {roster.unitsToCreateCount > 0 ? (
            <section className="mt-6" aria-label="Nye enheder">
              <h2 className="text-lg font-semibold">
                Nye enheder ({formatCount(roster.unitsToCreateCount)})
              </h2>
              <ul className="mt-2 list-disc pl-5">
                {roster.unitsToCreate.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
              {roster.unitsToCreateCount > roster.unitsToCreate.length ? (
                <p className="mt-1 text-sm">Viser de første {roster.unitsToCreate.length}.</p>
              ) : null}
            </section>
          ) : null}
        </>
      ) : null}

      {importPage.completions ? (
        <dl className="mt-4 grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1 rounded-lg bg-white p-4 shadow-sm">
          <dt>Gennemførelser i filen</dt>
          <dd className="text-right font-semibold">{formatCount(importPage.completions.rowCount)}</dd>
          {Object.entries(importPage.completions.perCourse).map(([code, n]) => (
            <div key={code} className="contents">
              <dt>– kursus {code}</dt>
              <dd className="text-right">{formatCount(n)}</dd>
            </div>
          ))}
          <dt>Nye (resten er indlæst før)</dt>
          <dd className="text-right font-semibold">{formatCount(importPage.completions.newCount)}</dd>
        </dl>
      ) : null}

      {canApply && !leaverWarning ? applyForm : null}
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

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Forhåndsvisning af import") },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/hr/import" label="Gå til Indlæs data" />;
}
