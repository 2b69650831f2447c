import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatCode, verifyCertificate } from "~/certificate/verification.server";
import { today } from "~/compliance/day";
import { formatLongDate, formatValidThrough } from "~/ui/format";
import { pageTitle, useSiteNames } from "~/ui/page-title";

// Public: anyone holding a certificate (a new employer, an auditor) can check it here without
// signing in. It confirms only what the certificate itself says, and whether it still counts.
export function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const asOf = today();
  const certificate = verifyCertificate(code, asOf);
  return { code: formatCode(code.toUpperCase().replace(/[\s-]/g, "")).slice(0, 40), asOf, certificate };
}

export default function VerifyCertificate() {
  const { code, asOf, certificate } = useLoaderData<typeof loader>();
  const { municipalityName } = useSiteNames();
  return (
    <div className="max-w-prose">
      <h1 className="text-2xl font-bold">Kontrol af kursusbevis</h1>
      {certificate ? (
        <>
          <p
            role="status"
            className="mt-4 rounded border-2 border-green-700 bg-white p-4 font-semibold text-ok"
          >
            Kontrolkoden {code} hører til et ægte kursusbevis fra {municipalityName}.
          </p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg bg-white p-4 shadow-sm">
            <dt className="font-semibold">Navn</dt>
            <dd>{certificate.name}</dd>
            <dt className="font-semibold">Kursus</dt>
            <dd>{certificate.courseTitle}</dd>
            <dt className="font-semibold">Gennemført</dt>
            <dd>{formatLongDate(certificate.completedOn)}</dd>
            <dt className="font-semibold">Gyldighed</dt>
            <dd>{formatValidThrough(certificate.validUntil, "long")}</dd>
            <dt className="font-semibold">Status</dt>
            <dd>
              {certificate.stillValid
                ? `Gælder stadig pr. ${formatLongDate(asOf)}.`
                : `Gælder ikke længere pr. ${formatLongDate(asOf)}: kurset skal gennemføres igen.`}
            </dd>
          </dl>
        </>
      ) : (
        <p role="status" className="mt-4 rounded border-2 border-bad bg-white p-4 text-bad">
          Der findes intet kursusbevis med kontrolkoden {code || "(ingen)"}. Tjek, at koden er skrevet rigtigt
          (den står nederst på beviset).
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Kontrol af kursusbevis") },
  // The page names a person: keep it out of search engines.
  { name: "robots", content: "noindex" },
];
