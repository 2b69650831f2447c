import { describe, expect, it } from "vitest";
import { ContentError, parseCourse } from "./parse";
import { fillPlaceholders, type MunicipalContacts, placeholderProblems } from "./placeholders";

const none: MunicipalContacts = {
  medarbejdersidenUrl: null,
  aiGuidelinesUrl: null,
  breachProcedureUrl: null,
  helpdeskPhone: null,
  helpdeskEmail: null,
  dpoEmail: null,
};
const all: MunicipalContacts = {
  medarbejdersidenUrl: "https://medarbejder.example.test/start",
  aiGuidelinesUrl: "https://medarbejder.example.test/ai (juni).pdf",
  breachProcedureUrl: "https://medarbejder.example.test/brud",
  helpdeskPhone: "43 00 00 00",
  helpdeskEmail: "it@example.test",
  dpoEmail: "dpo@example.test",
};

describe("fillPlaceholders", () => {
  it("links each placeholder from the settings", () => {
    const text = "Se {{medarbejdersiden}} og {{ai-retningslinjer}}. Meld brud efter {{brud-procedure}}.";
    expect(fillPlaceholders(text, all)).toBe(
      "Se [Medarbejdersiden](https://medarbejder.example.test/start) og " +
        "[kommunens AI-retningslinjer](https://medarbejder.example.test/ai%20%28juni%29.pdf). " +
        "Meld brud efter [kommunens procedure for brud på persondatasikkerheden](https://medarbejder.example.test/brud).",
    );
  });

  it("gives the helpdesk's phone and e-mail and the DPO's e-mail", () => {
    expect(fillPlaceholders("Ring til {{it-helpdesk}} eller skriv til {{dpo}}.", all)).toBe(
      "Ring til IT-Helpdesk (telefon 43 00 00 00, e-mail [it@example.test](mailto:it@example.test)) eller " +
        "skriv til kommunens databeskyttelsesrådgiver (DPO, e-mail [dpo@example.test](mailto:dpo@example.test)).",
    );
    expect(fillPlaceholders("{{it-helpdesk}}", { ...all, helpdeskEmail: null })).toBe(
      "IT-Helpdesk (telefon 43 00 00 00)",
    );
  });

  it("says 'spørg din leder' instead of a broken link when a setting is missing", () => {
    expect(fillPlaceholders("{{medarbejdersiden}}, {{brud-procedure}}, {{it-helpdesk}}, {{dpo}}", none)).toBe(
      "Medarbejdersiden (spørg din leder), " +
        "kommunens procedure for brud på persondatasikkerheden (spørg din leder), " +
        "IT-Helpdesk (spørg din leder), kommunens databeskyttelsesrådgiver (DPO, spørg din leder)",
    );
    expect(fillPlaceholders("{{ai-retningslinjer}}", none)).not.toContain("](");
  });

  it("leaves text without placeholders alone", () => {
    expect(fillPlaceholders("Ingen {pladsholder} her.", all)).toBe("Ingen {pladsholder} her.");
  });
});

describe("the content check's placeholder rules", () => {
  it("accepts the known placeholders and rejects unknown or malformed ones", () => {
    expect(placeholderProblems("m.md", "Se {{medarbejdersiden}} og {{ dpo }}.")).toEqual([]);
    expect(placeholderProblems("m.md", "Se {{intranet}}.")[0]).toMatch(
      /m\.md: ukendt pladsholder \{\{intranet\}\}/,
    );
    expect(placeholderProblems("m.md", "Se {{medarbejdersiden}.")).toEqual([
      "m.md: en pladsholder er ikke skrevet som {{navn}}",
    ]);
  });

  const course = (courseBody: string, question: string, body: string) => [
    {
      path: "app/content/courses/t/course.md",
      text: `---\ncode: t\ntitle: "T"\nversion: "1.0"\npublishedOn: "2025-08-11"\nmaterial: true\nsummary: "S."\n---\n${courseBody}\n`,
    },
    {
      path: "app/content/courses/t/01-m.md",
      text: `---
title: "M"
order: 1
minutes: 5
sources:
  - title: "Kilde"
quiz:
${[1, 2, 3, 4]
  .map(
    (n) => `  - id: q${n}
    question: "${n === 1 ? question : `Spørgsmål ${n}?`}"
    options:
      - text: "Ja"
        correct: true
        explanation: "Fordi."
      - text: "Nej"
        explanation: "Derfor ikke."`,
  )
  .join("\n")}
---
## Side
${body}
`,
    },
  ];

  function problemsOf(files: ReturnType<typeof course>): string {
    try {
      parseCourse(files);
    } catch (error) {
      if (error instanceof ContentError) return error.message;
      throw error;
    }
    return "";
  }

  it("allows placeholders in module bodies", () => {
    expect(problemsOf(course("Intro.", "Hvad?", "Se {{medarbejdersiden}}."))).toBe("");
  });

  it("rejects an unknown placeholder in a module body, and any placeholder in quiz or course.md", () => {
    expect(problemsOf(course("Intro.", "Hvad?", "Se {{intranettet}}."))).toContain(
      "01-m.md: ukendt pladsholder {{intranettet}}",
    );
    expect(problemsOf(course("Intro.", "Hvad siger {{dpo}}?", "Tekst."))).toContain(
      "01-m.md: pladsholdere som {{medarbejdersiden}} må kun stå i modulets tekst",
    );
    expect(problemsOf(course("Se {{medarbejdersiden}}.", "Hvad?", "Tekst."))).toContain(
      "course.md: pladsholdere som {{medarbejdersiden}} må kun stå i modulets tekst",
    );
  });
});
