// "Dokumentation for AI-kompetencer": the AI Act (art. 4) evidence pack for a chosen day, as
// plain data. Pure: buildEvidencePack turns what evidence-source.server.ts loaded (through the
// same service functions as the overview, so the same status rule) into the sections that the PDF
// and the XLSX both print, so the two files hold the same data. Nothing here names an employee
// except the AI super users.

import type { Day } from "~/compliance/day";
import type { StatusCounts } from "~/compliance/summary";
import type { TrendSeries } from "~/compliance/trend";
import { config } from "~/env.server";
import type { Cell } from "~/reports/export-writers.server";
import { SUPER_USER_MAX, SUPER_USER_MIN, SUPER_USER_RANGE_TEXT, superUserRange } from "~/super-users/range";
import { formatLongDate } from "~/ui/format";
import type { ToolOnDay } from "./tools-as-of";

export const EVIDENCE_TITLE = "Dokumentation for AI-kompetencer";

export interface EvidenceCourse {
  code: string;
  title: string;
  /** "site_and_import": the vendor's course, imported, counts as well. */
  kind: "site" | "site_and_import";
  validityMonths: number;
  dueDays: number;
  requiredFrom: Day | null;
  campaignDeadline: Day | null;
  attestation: string | null;
  versions: {
    version: string;
    publishedOn: Day;
    material: boolean;
    reattestDays: number;
    origin: "content" | "tools";
    /** For a version published from the AI tools list: the changes that published it. */
    toolChanges: string[];
  }[];
}

export interface CompletionFigures {
  label: string;
  /** People on the roster that day (exempt included). */
  headcount: number;
  counts: Record<string, StatusCounts>;
}

export interface EvidenceSource {
  asOf: Day;
  /** When the file was made (UTC ms), printed in it. */
  generatedAt: number;
  courses: EvidenceCourse[];
  tools: ToolOnDay[];
  organisation: CompletionFigures;
  afdelinger: (CompletionFigures & {
    superUsers: { name: string; unitName: string; email: string; startDate: Day }[];
  })[];
  trend: TrendSeries[];
  /** Mails other than sign-in links, made in the 12 months up to the day, by kind and status. */
  mail: { kind: string; status: string; count: number }[];
  retentionMonths: number;
}

export interface PackTable {
  title: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

export interface PackSection {
  /** Also the XLSX sheet's name (at most 31 characters). */
  sheet: string;
  heading: string;
  paragraphs: string[];
  tables: PackTable[];
}

export interface EvidencePack {
  title: string;
  asOf: Day;
  generatedAt: number;
  intro: string[];
  sections: PackSection[];
}

const MAIL_KIND_LABEL: Record<string, string> = {
  reminder: "Påmindelse",
  digest: "Ugentlig oversigt til leder",
  department_list: "Afdelingsliste til afdelingsleder",
};

const MAIL_STATUS_LABEL: Record<string, string> = { sent: "Sendt", queued: "I kø", failed: "Fejlet" };

/** Completed (incl. expiring soon) and not completed (Mangler + Overskredet), as on the overview. */
function completionCells(figures: CompletionFigures, codes: readonly string[]): Cell[] {
  return codes.flatMap((code): Cell[] => {
    const c = figures.counts[code];
    if (!c) return [{ count: 0 }, { count: 0 }, { count: 0 }, { share: null }];
    return [
      { count: c.completed + c.expiringSoon },
      { count: c.missing + c.overdue },
      { count: c.exempt },
      { share: c.completionRate },
    ];
  });
}

function renewalRule(course: EvidenceCourse): string {
  const from = course.requiredFrom ? ` Kravet gælder fra ${formatLongDate(course.requiredFrom)}.` : "";
  const campaign = course.campaignDeadline
    ? ` Medarbejdere ansat før ${formatLongDate(course.campaignDeadline)} har frist den dag.`
    : "";
  const vendor =
    course.kind === "site_and_import"
      ? " Kravet opfyldes af kurset her på siden eller af leverandørens kursus (MetaCompliance), som HR indlæser."
      : "";
  return (
    `${course.title}: skal gennemføres inden ${course.dueDays} dage efter ansættelsen og derefter hver ` +
    `${course.validityMonths}. måned (en gennemførelse gælder i ${course.validityMonths} måneder).${from}${campaign}${vendor} ` +
    "En væsentlig ny version afslutter tidligere gennemførelser efter versionens genbekræftelsesfrist."
  );
}

function versionChange(v: EvidenceCourse["versions"][number]): string {
  const effect = v.material
    ? `Væsentlig ændring: tidligere gennemførelser gælder højst ${v.reattestDays} dage efter udgivelsen`
    : "Mindre ændring: tidligere gennemførelser gælder fortsat";
  if (v.origin === "tools") {
    const what = v.toolChanges.length > 0 ? v.toolChanges.join("; ") : "ændring af listen over AI-værktøjer";
    return `Listen over AI-værktøjer ændret (${what}). ${effect}.`;
  }
  return `Kursusindhold. ${effect}.`;
}

export function buildEvidencePack(source: EvidenceSource): EvidencePack {
  const { asOf, courses } = source;
  const codes = courses.map((c) => c.code);
  const completionColumns = [
    { header: "Enhed", width: 36 },
    { header: "Medarbejdere", width: 16 },
    ...courses.flatMap((c) => [
      { header: `${c.title}: Gennemført`, width: 14 },
      { header: `${c.title}: Ikke gennemført`, width: 14 },
      { header: `${c.title}: Fritaget`, width: 10 },
      { header: `${c.title}: Andel gennemført`, width: 14 },
    ]),
  ];
  const outside = source.afdelinger.filter((a) => superUserRange(a.superUsers.length) !== "ok").length;
  const mailKinds = [...new Set(source.mail.map((m) => m.kind))].sort();
  const statuses = ["sent", "queued", "failed"];

  const sections: PackSection[] = [
    {
      sheet: "Tiltag",
      heading: "1. Tiltag: kurser, versioner og regler",
      paragraphs: [
        "Chefforum besluttede den 19. juni 2025, at alle medarbejdere gennemfører et obligatorisk AI-kursus, når de starter, og derefter hvert år, og at hver afdeling udpeger 2-4 AI-superbrugere. AI-forordningens artikel 4 om AI-kompetencer har gældt siden 2. februar 2025.",
        ...courses.map(renewalRule),
        ...courses
          .filter((c) => c.attestation)
          .map((c) => `Erklæring i ${c.title}, som medarbejderen bekræfter til sidst: „${c.attestation}“.`),
      ],
      tables: [
        {
          title: "Kursusversioner udgivet til og med datoen",
          columns: [
            { header: "Kursus", width: 28 },
            { header: "Version", width: 24 },
            { header: "Udgivet", width: 12 },
            { header: "Hvad ændrede sig", width: 70 },
          ],
          rows: courses.flatMap((c) =>
            c.versions
              .filter((v) => v.publishedOn <= asOf)
              .map((v): Cell[] => [
                { text: c.title },
                { text: v.version },
                { day: v.publishedOn },
                { text: versionChange(v) },
              ]),
          ),
        },
        {
          title: `AI-værktøjer pr. ${formatLongDate(asOf)}`,
          columns: [
            { header: "Værktøj", width: 30 },
            { header: "Status", width: 30 },
            { header: "Beskrivelse", width: 70 },
          ],
          rows: source.tools.map((t): Cell[] => [
            { text: t.name },
            { text: t.statusLabel },
            { text: t.summary },
          ]),
        },
      ],
    },
    {
      sheet: "Gennemførelse",
      heading: `2. Gennemførelse pr. ${formatLongDate(asOf)}`,
      paragraphs: [
        "Tallene følger samme statusregel som oversigten på siden: Gennemført omfatter gyldige gennemførelser (også dem, der snart udløber); Ikke gennemført er Mangler og Overskredet; fritagne tæller ikke med i andelen. Fratrådte og endnu ikke startede medarbejdere er ikke med.",
      ],
      tables: [
        {
          title: "Hele organisationen og hver afdeling",
          columns: completionColumns,
          rows: [source.organisation, ...source.afdelinger].map((f): Cell[] => [
            { text: f.label },
            { count: f.headcount },
            ...completionCells(f, codes),
          ]),
        },
      ],
    },
    {
      sheet: "Udvikling",
      heading: "3. Udvikling de seneste 12 måneder",
      paragraphs: [
        "Andel af hele organisationen, der havde gennemført, ved hver månedsafslutning (den sidste måned pr. den valgte dato).",
      ],
      tables: [
        {
          title: "Andel gennemført ved månedens udgang",
          columns: [
            { header: "Måned", width: 14 },
            ...source.trend.map((s) => ({ header: s.name, width: 20 })),
          ],
          rows: (source.trend[0]?.points ?? []).map((p, i): Cell[] => [
            { text: p.label },
            ...source.trend.map((s): Cell => ({ share: s.points[i]?.value ?? null })),
          ]),
        },
      ],
    },
    {
      sheet: "AI-superbrugere",
      heading: "4. AI-superbrugere pr. afdeling",
      paragraphs: [
        `Chefforum har besluttet ${SUPER_USER_MIN}-${SUPER_USER_MAX} AI-superbrugere pr. afdeling. ${
          outside === 0
            ? `Alle ${source.afdelinger.length} afdelinger lever op til det.`
            : `${outside} af ${source.afdelinger.length} afdelinger har for få eller for mange.`
        } Superbrugerne er de eneste personer, der nævnes ved navn i denne dokumentation.`,
      ],
      tables: [
        {
          title: "Antal pr. afdeling",
          columns: [
            { header: "Afdeling", width: 40 },
            { header: "AI-superbrugere", width: 14 },
            { header: "Vurdering", width: 22 },
            { header: "Navne (enhed, arbejdsmail, fra)", width: 80 },
          ],
          rows: source.afdelinger.map((a): Cell[] => [
            { text: a.label },
            { count: a.superUsers.length },
            { text: SUPER_USER_RANGE_TEXT[superUserRange(a.superUsers.length)] },
            {
              text: a.superUsers
                .map((s) => `${s.name} (${s.unitName}, ${s.email}, fra ${formatLongDate(s.startDate)})`)
                .join("; "),
            },
          ]),
        },
      ],
    },
    {
      sheet: "Påmindelser",
      heading: "5. Påmindelser sendt",
      paragraphs: [
        `Mails fra siden i de 12 måneder til og med ${formatLongDate(asOf)}, efter slags (log ind-links er ikke med). Hver mail går gennem sidens udbakke, som gemmer, om den er sendt.`,
      ],
      tables: [
        {
          title: "Mails efter slags og status",
          columns: [
            { header: "Slags", width: 36 },
            ...statuses.map((s) => ({ header: MAIL_STATUS_LABEL[s] ?? s, width: 10 })),
            { header: "I alt", width: 10 },
          ],
          rows:
            mailKinds.length === 0
              ? [
                  [
                    { text: "Ingen påmindelser i perioden" },
                    { count: 0 },
                    { count: 0 },
                    { count: 0 },
                    { count: 0 },
                  ],
                ]
              : mailKinds.map((kind): Cell[] => {
                  const of = (status: string) =>
                    source.mail
                      .filter((m) => m.kind === kind && m.status === status)
                      .reduce((n, m) => n + m.count, 0);
                  const total = source.mail.filter((m) => m.kind === kind).reduce((n, m) => n + m.count, 0);
                  return [
                    { text: MAIL_KIND_LABEL[kind] ?? kind },
                    ...statuses.map((s): Cell => ({ count: of(s) })),
                    { count: total },
                  ];
                }),
        },
      ],
    },
    {
      sheet: "Registrering",
      heading: "6. Sådan registreres og opbevares oplysningerne",
      paragraphs: [
        "Gennemførelser gemmes som historik: en række ændres eller slettes aldrig (databasen afviser det). En fejlregistrering rettes af HR med en annullering med begrundelse, som gemmes som en ny række; begge står i historikken.",
        "Gennemførelser kommer fra kurset her på siden, fra kursusleverandørens eksport (indlæst af HR) eller registreres af HR med begrundelse. Hver gennemførelse har dato og kursusversion.",
        "Revisionsspor: hver visning og eksport af personers status, hver indlæsning, registrering og annullering og hver udpegning og afslutning af en AI-superbruger logges med hvem, hvornår og hvad. Revisionssporet kan ikke ændres.",
        "AI-superbrugere gemmes med startdato og slutdato; en afsluttet superbruger bliver stående i historikken.",
        `Opbevaring: oplysninger om medarbejdere, der er fratrådt for mere end ${source.retentionMonths} måneder siden, slettes (kun anonyme antal gemmes). Sikkerhedskopier opbevares højst 35 dage.`,
      ],
      tables: [],
    },
  ];

  return {
    title: EVIDENCE_TITLE,
    asOf,
    generatedAt: source.generatedAt,
    intro: [
      `${config().municipalityName}s dokumentation for AI-kompetencer efter AI-forordningens artikel 4, opgjort pr. ${formatLongDate(asOf)}.`,
      "Dokumentationen viser tiltagene (kurser, versioner, regler og listen over AI-værktøjer), hvor mange der har gennemført, udviklingen, AI-superbrugerne, påmindelserne og hvordan oplysningerne registreres. Den nævner ingen medarbejdere ved navn, bortset fra AI-superbrugerne.",
    ],
    sections,
  };
}

/** A cell as it reads in the PDF (and anywhere text is needed): "87,5 %", "15.03.2026". */
export function cellText(cell: Cell): string {
  if ("text" in cell) return cell.text;
  if ("count" in cell) return new Intl.NumberFormat("da-DK").format(cell.count);
  // "87,5 %", as the status-per-unit CSV writes a share, so the two files read alike.
  if ("share" in cell)
    return cell.share === null
      ? "–"
      : `${(Math.round(cell.share * 1000) / 10).toString().replace(".", ",")} %`;
  return cell.day ? cell.day.split("-").reverse().join(".") : "";
}
