import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AI_TOOL_STATUS_LABEL, lines } from "~/ai-tools/tools";
import { lastChangedAt, listTools } from "~/ai-tools/tools.server";
import { today } from "~/compliance/day";
import { fillPlaceholders } from "~/content/placeholders";
import { loadContacts } from "~/site-settings.server";
import { formatLongDate } from "~/ui/format";
import { Markdown } from "~/ui/markdown";
import { renderMarkdown } from "~/ui/markdown.server";
import { pageTitle } from "~/ui/page-title";
import type { AiToolStatus } from "../../db/schema";

const TITLE = "AI-værktøjer – hvad må du bruge?";

const STATUS_STYLE: Record<AiToolStatus, string> = {
  approved: "border-green-700 bg-green-100 text-ok",
  without_personal_data: "border-amber-700 bg-amber-50 text-warn",
  requires_approval: "border-sky-800 bg-sky-50 text-sky-900",
  not_allowed: "border-red-800 bg-red-50 text-bad",
};

// The page's own text; the placeholders become links from the admin settings, as in the modules.
const TEXT = {
  intro:
    "Her kan du hurtigt se, hvilke AI-værktøjer du må bruge i dit arbejde, og til hvad. Oversigten bygger " +
    "på Chefforums beslutning om AI af 19. juni 2025, og IT & Digitalisering holder den opdateret. Den er " +
    "et kort udtog: Det er {{ai-retningslinjer}}, der gælder. Du finder mere om AI på {{medarbejdersiden}}. " +
    "AI udvikler sig hurtigt, og reglerne kan ændre sig.\n\n" +
    "De fleste medarbejdere har **ikke** Copilot med kommunens licens. Ved du ikke, hvilken udgave af " +
    "Copilot du bruger, så gå ud fra, at det er gratisudgaven.",
  rules:
    "- **Aldrig personoplysninger eller forretningskritiske oplysninger i værktøjer uden kommunens licens.** " +
    "Det gælder gratis Copilot og al ChatGPT, også betalt ChatGPT.\n" +
    "- **Nye AI-løsninger skal godkendes.** Vejen går altid gennem IT & Digitalisering og IT-projektrådet " +
    "(ITP). En afdeling må ikke selv bestille et AI-værktøj eller en licens.\n" +
    "- **Spørg, før du bruger.** Er du i tvivl, om et værktøj eller en opgave er i orden, så lad være og " +
    "spørg først.\n" +
    "- **Brug så få personoplysninger som muligt**, også i Copilot med kommunens licens.\n" +
    "- **Tjek altid svaret.** AI kan tage fejl. Du træffer selv afgørelsen og har ansvaret.",
  help:
    "- **IT-Helpdesk:** tekniske spørgsmål, og hvis du vil have et AI-værktøj eller en licens vurderet. " +
    "Herfra går sagen videre til IT & Digitalisering. Kontakt {{it-helpdesk}}.\n" +
    "- **Din leder:** om AI passer til dine opgaver, og hvem der er AI-superbrugere i din afdeling.\n" +
    "- **AI-superbrugerne i din afdeling:** om Copilot, agenter og gode idéer til at bruge AI i jeres arbejde.\n" +
    "- **Databeskyttelsesrådgiveren:** om personoplysninger, fx om en opgave med borgeres oplysninger er i " +
    "orden. Kontakt {{dpo}}.",
  wrong:
    "Har du skrevet personoplysninger ind i et værktøj, der ikke er godkendt til det, eller har Copilot vist " +
    "dig oplysninger, som du ikke burde kunne se? Sig det **med det samme**, typisk til din leder eller " +
    "{{dpo}}, og følg {{brud-procedure}}. Kommunen skal som udgangspunkt anmelde et brud til Datatilsynet " +
    "inden for 72 timer.\n\n" +
    "Vil du vide mere, så tag kommunens AI-kursus. Her bliver reglerne forklaret med eksempler fra hverdagen.",
};

const SOURCES = [
  { title: "Referat, Chefforum 19. juni 2025" },
  {
    title:
      "Microsoft: dokumentation for Microsoft 365 Copilot (enterprise data protection, privatliv og datasikkerhed)",
    url: "https://github.com/MicrosoftDocs/microsoft-365-docs",
  },
];

// A reference page anyone may open, without signing in or finishing a course.
export function loader() {
  const contacts = loadContacts();
  const changedAt = lastChangedAt();
  return {
    updated: changedAt === null ? null : today(new Date(changedAt)),
    text: Object.fromEntries(
      Object.entries(TEXT).map(([k, v]) => [k, renderMarkdown(fillPlaceholders(v, contacts))]),
    ) as Record<keyof typeof TEXT, string>,
    tools: listTools({ includeRetired: false }).map((t) => ({
      id: t.id,
      name: t.name,
      status: t.status,
      summary: t.summary,
      allowed: lines(t.allowed),
      notAllowed: lines(t.notAllowed),
      note: t.note,
    })),
  };
}

function StatusLabel({ status }: { status: AiToolStatus }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[status]}`}>
      {AI_TOOL_STATUS_LABEL[status]}
    </span>
  );
}

export default function AiTools() {
  const page = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl break-words">
      <h1 className="text-2xl font-bold">{TITLE}</h1>
      {page.updated ? (
        <p className="mt-1 text-sm text-muted">Opdateret {formatLongDate(page.updated)}</p>
      ) : null}
      <section aria-labelledby="overblik" className="mt-6">
        <h2 id="overblik" className="text-xl font-semibold">
          Overblik
        </h2>
        <table className="mt-2 w-full border-collapse rounded-lg bg-white text-left wrap-anywhere shadow-sm">
          <caption className="sr-only">Værktøjerne og deres status</caption>
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="p-2 sm:p-3">
                Værktøj
              </th>
              <th scope="col" className="p-2 sm:p-3">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {page.tools.map((t) => (
              <tr key={t.id} className="border-b border-gray-200 align-top last:border-0">
                <th scope="row" className="p-2 font-normal sm:p-3">
                  <a href={`#vaerktoej-${t.id}`}>{t.name}</a>
                </th>
                <td className="p-2 sm:p-3">
                  <StatusLabel status={t.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="om" className="mt-8">
        <h2 id="om" className="text-xl font-semibold">
          Om oversigten
        </h2>
        <Markdown html={page.text.intro} />
      </section>

      <section aria-labelledby="regler" className="mt-8">
        <h2 id="regler" className="text-xl font-semibold">
          De gyldne regler
        </h2>
        <Markdown html={page.text.rules} />
      </section>

      <section aria-labelledby="vaerktoejerne" className="mt-8">
        <h2 id="vaerktoejerne" className="text-xl font-semibold">
          Værktøjerne
        </h2>
        <ul className="mt-3 space-y-4">
          {page.tools.map((tool) => (
            <li
              key={tool.id}
              id={`vaerktoej-${tool.id}`}
              className="rounded-lg bg-white p-4 shadow-sm sm:p-5"
            >
              <h3 className="text-lg font-semibold">{tool.name}</h3>
              <p className="mt-2">
                <StatusLabel status={tool.status} />
              </p>
              <p className="mt-2 max-w-prose">{tool.summary}</p>
              {tool.allowed.length > 0 ? (
                <>
                  <h4 className="mt-3 font-semibold">Du må</h4>
                  <ul className="mt-1 list-disc space-y-1 pl-6">
                    {tool.allowed.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {tool.notAllowed.length > 0 ? (
                <>
                  <h4 className="mt-3 font-semibold">Du må ikke</h4>
                  <ul className="mt-1 list-disc space-y-1 pl-6">
                    {tool.notAllowed.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {tool.note ? <p className="mt-3 max-w-prose text-sm">Note: {tool.note}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="hjaelp" className="mt-8">
        <h2 id="hjaelp" className="text-xl font-semibold">
          Her får du hjælp
        </h2>
        <Markdown html={page.text.help} />
      </section>

      <section aria-labelledby="galt" className="mt-8">
        <h2 id="galt" className="text-xl font-semibold">
          Er noget gået galt?
        </h2>
        <Markdown html={page.text.wrong} />
      </section>

      <section aria-labelledby="kilder" className="mt-8 text-sm">
        <h2 id="kilder" className="font-semibold">
          Kilder
        </h2>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {SOURCES.map((s) => (
            <li key={s.title}>{s.url ? <a href={s.url}>{s.title}</a> : s.title}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, TITLE) }];
