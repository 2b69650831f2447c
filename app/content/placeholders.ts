// Placeholders in module texts (`{{medarbejdersiden}}`): the municipality's own links and contacts
// are settings an admin keeps (/admin/indstillinger), not text. Each placeholder is a whole noun
// phrase, replaced when the module page renders by a Markdown link or text built from the
// settings, or by a neutral "(spørg din leder)" text when a setting is missing (never a broken
// link). Pure: the caller supplies the settings.

/** The municipality's contacts, as the settings page stores them; null when not set. */
export interface MunicipalContacts {
  medarbejdersidenUrl: string | null;
  aiGuidelinesUrl: string | null;
  breachProcedureUrl: string | null;
  helpdeskPhone: string | null;
  helpdeskEmail: string | null;
  dpoEmail: string | null;
}

export const PLACEHOLDERS = [
  "medarbejdersiden",
  "ai-retningslinjer",
  "brud-procedure",
  "it-helpdesk",
  "dpo",
] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

const ASK = "spørg din leder";

/** Backslash-escapes the characters Markdown would read as formatting in link text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()<>#!|~]/g, "\\$&");
}

/** A link destination Markdown cannot misread: spaces and parentheses percent-encoded. */
function destination(url: string): string {
  return new URL(url).href.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function link(text: string, url: string | null): string {
  return url ? `[${escapeMarkdown(text)}](${destination(url)})` : `${text} (${ASK})`;
}

function mailLink(email: string): string {
  return `[${escapeMarkdown(email)}](mailto:${encodeURI(email)})`;
}

/** The Markdown a placeholder stands for, given the settings. */
export function placeholderMarkdown(name: PlaceholderName, c: MunicipalContacts): string {
  switch (name) {
    case "medarbejdersiden":
      return link("Medarbejdersiden", c.medarbejdersidenUrl);
    case "ai-retningslinjer":
      return link("kommunens AI-retningslinjer", c.aiGuidelinesUrl);
    case "brud-procedure":
      return link("kommunens procedure for brud på persondatasikkerheden", c.breachProcedureUrl);
    case "it-helpdesk": {
      const parts = [
        c.helpdeskPhone ? `telefon ${escapeMarkdown(c.helpdeskPhone)}` : null,
        c.helpdeskEmail ? `e-mail ${mailLink(c.helpdeskEmail)}` : null,
      ].filter((p) => p !== null);
      return `IT-Helpdesk (${parts.length > 0 ? parts.join(", ") : ASK})`;
    }
    case "dpo":
      return `kommunens databeskyttelsesrådgiver (DPO, ${c.dpoEmail ? `e-mail ${mailLink(c.dpoEmail)}` : ASK})`;
  }
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** Replaces every known placeholder in a module's Markdown. */
export function fillPlaceholders(markdown: string, contacts: MunicipalContacts): string {
  return markdown.replace(PLACEHOLDER, (whole, name: string) =>
    isPlaceholderName(name) ? placeholderMarkdown(name, contacts) : whole,
  );
}

/** Problems for the content check: unknown or malformed placeholders in a module body. */
export function placeholderProblems(path: string, body: string): string[] {
  const problems: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isPlaceholderName(name)) {
      problems.push(
        `${path}: ukendt pladsholder {{${name}}}; kendte pladsholdere er ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`,
      );
    }
  }
  const rest = body.replace(PLACEHOLDER, "");
  if (rest.includes("{{") || rest.includes("}}")) {
    problems.push(`${path}: en pladsholder er ikke skrevet som {{navn}}`);
  }
  return problems;
}

/** Problems for the content check: placeholders belong in module bodies only. */
export function placeholderOutsideBodyProblems(path: string, text: string, where: string): string[] {
  return text.includes("{{") || text.includes("}}")
    ? [`${path}: pladsholdere som {{medarbejdersiden}} må kun stå i modulets tekst, ikke i ${where}`]
    : [];
}
