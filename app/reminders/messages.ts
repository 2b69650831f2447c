// The reminder mails' text, in Danish, as plain text and HTML built from the same blocks, so the
// two never say different things. Every mail ends with a footer saying why the person gets it.

import { addDaysToDay, type Day } from "~/compliance/day";
import { config } from "~/env.server";
import { formatLongDate } from "~/ui/format";
import type { DailyStep } from "./rules";

type Inline = string | { href: string; text: string };
type Block = { p: Inline[] } | { list: Inline[][] } | { footer: string };

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const inlineText = (parts: Inline[]) => parts.map((p) => (typeof p === "string" ? p : p.href)).join("");
const inlineHtml = (parts: Inline[]) =>
  parts
    .map((p) =>
      typeof p === "string" ? escapeHtml(p) : `<a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>`,
    )
    .join("");

function render(subject: string, blocks: Block[]): MailContent {
  const text = blocks
    .map((b) =>
      "p" in b
        ? inlineText(b.p)
        : "list" in b
          ? b.list.map((item) => `- ${inlineText(item)}`).join("\n")
          : `--\n${b.footer}`,
    )
    .join("\n\n");
  const html = [
    '<!doctype html><html lang="da"><head><meta charset="utf-8"></head><body style="font-family:sans-serif">',
    ...blocks.map((b) =>
      "p" in b
        ? `<p>${inlineHtml(b.p)}</p>`
        : "list" in b
          ? `<ul>${b.list.map((item) => `<li>${inlineHtml(item)}</li>`).join("")}</ul>`
          : `<hr><p style="font-size:90%;color:#444">${escapeHtml(b.footer)}</p>`,
    ),
    "</body></html>",
  ].join("\n");
  return { subject, text: `${text}\n`, html };
}

/** The course page through the sign-in flow: the login page sends the person on to the course. */
export function courseLink(origin: string, courseCode: string): string {
  return `${origin}/login?redirectTo=${encodeURIComponent(`/kurser/${courseCode}`)}`;
}

export interface ReminderItem {
  courseCode: string;
  courseTitle: string;
  frist: Day;
  /** Still valid, but runs out on the frist. */
  runningOut: boolean;
}

export type ReminderReason =
  | { kind: "daily"; step: DailyStep }
  | { kind: "manual"; by: string }
  | { kind: "new_hire" };

// A function, not a constant: the name comes from the configuration (MUNICIPALITY_NAME).
const signature = (): Block => ({
  p: ["Venlig hilsen", "\n", `${config().municipalityName}, IT & Digitalisering og HR`],
});

function itemLine(origin: string, item: ReminderItem, day: Day): Inline[] {
  const date = formatLongDate(item.frist);
  const when = item.runningOut
    ? `dit kursus gælder til og med ${formatLongDate(addDaysToDay(item.frist, -1))}, så tag det igen senest ${date}`
    : item.frist > day
      ? `fristen er ${date}`
      : item.frist === day
        ? `fristen er i dag, ${date}`
        : `fristen var ${date}, så du er bagud`;
  return [
    `${item.courseTitle}: ${when}. Tag kurset her: `,
    { href: courseLink(origin, item.courseCode), text: `Gå til kurset ${item.courseTitle}` },
  ];
}

/** A reminder to one employee about the courses in `items`. */
export function personReminderMail(input: {
  origin: string;
  name: string;
  unitLabel: string;
  items: readonly ReminderItem[];
  reason: ReminderReason;
  day: Day;
}): MailContent {
  const { origin, items, reason, day } = input;
  const titles = items.map((i) => i.courseTitle).join(" og ");
  const one = items.length === 1;
  const subject =
    reason.kind === "new_hire"
      ? "Velkommen: dine obligatoriske kurser i AI og GDPR"
      : `Påmindelse: ${one ? "dit kursus" : "dine kurser"} ${titles}`;
  const intro: Inline[] =
    reason.kind === "new_hire"
      ? [
          `Velkommen til ${config().municipalityName}. Alle medarbejdere skal gennemføre ${one ? "kurset" : "kurserne"} ${titles}. Det tager kort tid, og du kan gøre det på telefonen.`,
        ]
      : [`Du mangler at gennemføre ${one ? "kurset" : "kurserne"} ${titles}.`];
  const why =
    reason.kind === "manual"
      ? `Hvorfor får du denne mail? ${reason.by} har bedt siden sende dig en påmindelse, fordi du står i kommunens medarbejderliste i ${input.unitLabel}, og kurserne er obligatoriske for alle medarbejdere.`
      : reason.kind === "new_hire"
        ? `Hvorfor får du denne mail? Du er ny i ${input.unitLabel}, og kurserne i AI og GDPR er obligatoriske for alle medarbejdere i ${config().municipalityName}.`
        : `Hvorfor får du denne mail? Du står i kommunens medarbejderliste i ${input.unitLabel}, og kurserne i AI og GDPR er obligatoriske for alle medarbejdere. Siden minder dig om et kursus 14 dage før fristen, på fristen og en uge efter.`;
  return render(subject, [
    { p: [`Hej ${input.name}`] },
    { p: intro },
    { list: items.map((item) => itemLine(origin, item, day)) },
    { p: ["Linket fører dig til log ind og derefter direkte til kurset."] },
    signature(),
    {
      footer: `${why} Du får højst én påmindelse om det samme kursus på 7 dage, og ingen, når du har gennemført det eller er fritaget. Er mailen en fejl, så kontakt din leder.`,
    },
  ]);
}

export interface DigestUnit {
  unitId: number;
  label: string;
  people: { name: string; courses: string }[];
}

/** At most this many names in a digest; the page has the rest. */
export const DIGEST_NAME_LIMIT = 100;

/** The weekly overview to a manager: who in their units has not completed, one mail for all units. */
export function digestMail(input: {
  origin: string;
  name: string;
  units: readonly DigestUnit[];
  day: Day;
}): MailContent {
  const total = input.units.reduce((n, u) => n + u.people.length, 0);
  let left = DIGEST_NAME_LIMIT;
  const blocks: Block[] = [
    { p: [`Hej ${input.name}`] },
    {
      p: [
        `Pr. ${formatLongDate(input.day)} har ${total === 1 ? "1 medarbejder" : `${total} medarbejdere`} i dine enheder ikke gennemført AI- eller GDPR-kurset.`,
      ],
    },
  ];
  for (const unit of input.units) {
    const shown = unit.people.slice(0, Math.max(0, left));
    left -= shown.length;
    blocks.push({
      p: [
        `${unit.label}: ${unit.people.length} ikke gennemført. Hele listen: `,
        {
          href: `${input.origin}/enheder/${unit.unitId}/hvem-mangler`,
          text: `Hvem mangler i ${unit.label}?`,
        },
        ". Send påmindelser: ",
        {
          href: `${input.origin}/enheder/${unit.unitId}/paamindelser`,
          text: `Påmind medarbejdere i ${unit.label}`,
        },
      ],
    });
    if (shown.length > 0) blocks.push({ list: shown.map((p) => [`${p.name}: ${p.courses}`]) });
    if (shown.length < unit.people.length)
      blocks.push({ p: [`… og ${unit.people.length - shown.length} flere.`] });
  }
  blocks.push(signature(), {
    footer:
      "Hvorfor får du denne mail? Du er leder for enhederne ovenfor på kommunens side om AI og GDPR. Siden sender lederne en oversigt hver uge. Medarbejderne får selv påmindelser før og på fristen og en uge efter.",
  });
  return render(`Ugeoversigt: ${total} ikke gennemført AI eller GDPR i dine enheder`, blocks);
}

/** The department list the minutes ask for, with the XLSX attached. */
export function departmentListMail(input: {
  name: string;
  department: string;
  count: number;
  day: Day;
}): MailContent {
  return render(`Liste: hvem i ${input.department} mangler GDPR eller AI (${formatLongDate(input.day)})`, [
    { p: [`Hej ${input.name}`] },
    {
      p: [
        `Vedhæftet er listen over dem i ${input.department}, der pr. ${formatLongDate(input.day)} ikke har gennemført GDPR- eller AI-kurset: ${input.count === 1 ? "1 række" : `${input.count} rækker`} (én pr. person og kursus).`,
      ],
    },
    signature(),
    {
      footer: `Hvorfor får du denne mail? Du er leder for afdelingen ${input.department}. Chefforum besluttede 19. juni 2025, at IT & Digitalisering sender hver afdeling en liste over, hvem der endnu ikke har gennemført kurserne.`,
    },
  ]);
}
