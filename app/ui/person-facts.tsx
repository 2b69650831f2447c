import { formatShortDate } from "./format";

export interface PersonFactsData {
  name: string;
  employeeNumber: string;
  email: string;
  startDate: string;
  endDate: string | null;
}

/** The roster facts about one person, as on the employee page and "Mine data". */
export function PersonFacts({
  person,
  unitLabel,
  showName,
}: {
  person: PersonFactsData;
  unitLabel: string;
  showName: boolean;
}) {
  return (
    <dl className="mt-3 grid max-w-2xl grid-cols-1 gap-x-4 sm:grid-cols-[auto_1fr] sm:gap-y-1">
      {showName ? (
        <>
          <dt className="font-semibold">Navn</dt>
          <dd>{person.name}</dd>
        </>
      ) : null}
      <dt className="font-semibold">Medarbejdernr.</dt>
      <dd>{person.employeeNumber}</dd>
      <dt className="font-semibold">E-mail</dt>
      <dd className="break-all">{person.email}</dd>
      <dt className="font-semibold">Enhed</dt>
      <dd>{unitLabel}</dd>
      <dt className="font-semibold">Ansat</dt>
      <dd>
        {formatShortDate(person.startDate)}
        {person.endDate ? ` – fratrådt ${formatShortDate(person.endDate)}` : ""}
      </dd>
    </dl>
  );
}
