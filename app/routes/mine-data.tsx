import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listLookupsOf } from "~/audit/audit.server";
import { ownRecordPhrase } from "~/audit/labels";
import { requireEmployee } from "~/auth/guard.server";
import { ROLE_LABEL } from "~/auth/roles";
import { today } from "~/compliance/day";
import { loadOwnHistory } from "~/compliance/employee-history.server";
import { listSelfReports } from "~/courses/voluntary.server";
import { formatShortDate, formatTimestamp } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { PersonFacts } from "~/ui/person-facts";

// "Mine data": everything the site holds about the signed-in person, and who has looked at it
// (GDPR art. 15, including the log of lookups).
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireEmployee(request);
  const history = loadOwnHistory(user.employeeId, today());
  return {
    person: {
      name: history.person.name,
      employeeNumber: history.person.employeeNumber,
      email: history.person.email,
      startDate: history.person.startDate,
      endDate: history.person.endDate,
    },
    unitLabel: history.unitLabel,
    completions: history.completions.map((r) => ({
      id: r.completion.id,
      text: `${formatShortDate(r.completion.completedOn)}: ${r.courseTitle} (version ${r.completion.courseVersion}${r.completion.score === null ? "" : `, ${r.completion.score} %`})${annulledText(r.annulment)}`,
    })),
    attempts: history.attempts.length,
    attestations: history.attestations.map((r) => ({
      id: r.attestation.id,
      text: `${formatTimestamp(r.attestation.attestedAt)}: ${r.attestation.statement}`,
    })),
    exemptions: history.exemptions.map((r) => ({
      id: r.exemption.id,
      text: `${r.courseTitle}: ${formatShortDate(r.exemption.validFrom)} – ${r.exemption.validUntil ? formatShortDate(r.exemption.validUntil) : "indtil videre"} (${r.exemption.reason})${annulledText(r.annulment)}`,
    })),
    selfReports: listSelfReports(user.employeeId).map((r) => ({
      key: r.courseKey,
      completedOn: r.completedOn,
    })),
    lookups: listLookupsOf(user.employeeId, history.unitLabel, user.id).map((e) => ({
      id: e.id,
      at: formatTimestamp(e.at),
      who: `${e.actorName} (${ROLE_LABEL[e.actorRole]})`,
      what: ownRecordPhrase(
        e.action,
        e.targetEmployeeId === user.employeeId || e.targetUserId === user.id,
        e.scope,
      ),
    })),
  };
}

// An annulled row stays in the history, marked, so the employee sees the correction too.
function annulledText(annulment: { reason: string; annulledAt: number } | null): string {
  return annulment
    ? `. Annulleret af HR ${formatTimestamp(annulment.annulledAt)}: ${annulment.reason} (tæller ikke med)`
    : "";
}

export default function MyData() {
  const myData = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">Mine data</h1>
      <p className="mt-2">
        Her kan du se de oplysninger, siden har om dig, og hvem der har set, eksporteret eller ændret dem. Er
        noget forkert, så kontakt HR.
      </p>

      <h2 className="mt-6 text-xl font-semibold">Om dig</h2>
      <PersonFacts person={myData.person} unitLabel={myData.unitLabel} showName={true} />

      <List
        title="Gennemførelser"
        empty="Ingen endnu."
        items={myData.completions.map((c) => ({ key: String(c.id), text: c.text }))}
      />
      <List
        title="Erklæringer"
        empty="Ingen."
        items={myData.attestations.map((a) => ({ key: String(a.id), text: a.text }))}
      />
      <List
        title="Fritagelser"
        empty="Ingen."
        items={myData.exemptions.map((e) => ({ key: String(e.id), text: e.text }))}
      />
      <List
        title="Frivillige kurser (selvrapporteret)"
        empty="Ingen."
        items={myData.selfReports.map((r) => ({
          key: r.key,
          text: `${r.key}: ${formatShortDate(r.completedOn)}`,
        }))}
      />
      <p className="mt-4">
        Du har besvaret {myData.attempts} quizzer på siden. Svarene bruges kun til at afgøre, om du har
        bestået.
      </p>

      <section aria-labelledby="opslag" className="mt-8">
        <h2 id="opslag" className="text-xl font-semibold">
          Hvem har set dine oplysninger
        </h2>
        <p className="mt-1 text-sm">
          Ledere og HR kan se status for kurserne i deres enheder. Hvert opslag og hvert udtræk bliver logget.
        </p>
        {myData.lookups.length === 0 ? (
          <p className="mt-2">Ingen har set dine oplysninger endnu.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {myData.lookups.map((l) => (
              <li key={l.id} className="rounded bg-white px-3 py-2 text-sm">
                {l.at}: {l.who} – {l.what}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function List({
  title,
  empty,
  items,
}: {
  title: string;
  empty: string;
  items: { key: string; text: string }[];
}) {
  return (
    <section className="mt-6" aria-label={title}>
      <h2 className="text-xl font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="mt-1">{empty}</p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {items.map((i) => (
            <li key={i.key}>{i.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Mine data") }];
