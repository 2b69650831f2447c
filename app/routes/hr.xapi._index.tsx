import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { config } from "~/env.server";
import { pageTitle } from "~/ui/page-title";
import { xapiCounts } from "~/xapi/statements.server";

// HR's page for the learning records in xAPI form: what the file holds, the download, and whether
// the statements also go to a learning record store (LRS). No person is shown, only counts.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "hr");
  const lrs = config().xapiLrs;
  return { counts: xapiCounts(), lrsHost: lrs?.url.host ?? null };
}

const number = new Intl.NumberFormat("da-DK");

export default function XapiPage() {
  const { counts, lrsHost } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">Læringsdata som xAPI</h1>
      <p className="mt-2">
        Filen indeholder alle gennemførelser og quizforsøg som xAPI-udsagn (version 1.0.3), så et andet
        læringssystem eller en læringsdatabase (LRS) kan indlæse dem. Medarbejderne står med
        medarbejdernummer, aldrig med navn eller e-mail. Gennemførelser, som HR har annulleret, er ikke med.
      </p>
      <h2 className="mt-6 text-xl font-semibold">Det er i filen</h2>
      <dl className="mt-2 grid grid-cols-[auto_auto] justify-start gap-x-6 gap-y-1">
        <dt>Gennemførte kurser</dt>
        <dd className="text-right tabular-nums">{number.format(counts.completions)}</dd>
        <dt>Beståede quizzer</dt>
        <dd className="text-right tabular-nums">{number.format(counts.passed)}</dd>
        <dt>Ikke beståede quizzer</dt>
        <dd className="text-right tabular-nums">{number.format(counts.failed)}</dd>
        <dt className="font-semibold">Udsagn i alt</dt>
        <dd className="text-right font-semibold tabular-nums">{number.format(counts.total)}</dd>
      </dl>
      <p className="mt-4">
        <a
          href="/hr/xapi/hent"
          download
          className="inline-block min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          Hent xAPI-udsagn (JSON)
        </a>
      </p>
      <p className="mt-2 text-sm">Hver gang du henter filen, bliver det skrevet i revisionssporet.</p>
      <h2 className="mt-6 text-xl font-semibold">Læringsdatabase (LRS)</h2>
      {lrsHost ? (
        <p className="mt-2">
          Udsagnene sendes til {lrsHost}. {number.format(counts.sent)} udsagn er sendt indtil nu; resten
          sendes ved næste kørsel af den planlagte opgave.
        </p>
      ) : (
        <p className="mt-2">
          Der er ikke sat en læringsdatabase op, så udsagnene sendes ikke automatisk. Du kan hente filen og
          indlæse den i læringsdatabasen.
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Læringsdata som xAPI") }];
