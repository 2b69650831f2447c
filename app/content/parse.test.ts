import { describe, expect, it } from "vitest";
import { allCourseContent } from "./content.server";
import { ContentError, parseCourse, splitPages } from "./parse";
import { describeBalance, quizBalance } from "./quiz-balance";

const courseMd = `---
code: test
title: "Testkursus"
version: "1.0"
publishedOn: "2025-08-11"
material: true
summary: "Et kursus."
---
Intro.
`;

const moduleMd = (frontmatterExtra = "", body = "## Side 1\nTekst.\n\n## Side 2\nMere tekst.\n") => `---
title: "Modul"
order: 1
minutes: 5
sources:
  - title: "Kilde"
    url: "https://example.org/kilde"
quiz:
${[1, 2, 3, 4]
  .map(
    (n) => `  - id: q${n}
    question: "Spørgsmål ${n}?"
    options:
      - text: "Ja"
        correct: true
        explanation: "Fordi."
      - text: "Nej"
        explanation: "Derfor ikke."`,
  )
  .join("\n")}
${frontmatterExtra}---
${body}`;

const parse = (moduleText: string, name = "01-modul.md") =>
  parseCourse([
    { path: "app/content/courses/test/course.md", text: courseMd },
    { path: `app/content/courses/test/${name}`, text: moduleText },
  ]);

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error("expected a ContentError");
}

describe("content validation", () => {
  it("parses a valid course with pages split at level-2 headings and a default pass mark", () => {
    const course = parse(moduleMd());
    expect(course.code).toBe("test");
    expect(course.modules[0]).toMatchObject({ slug: "modul", passMark: 80, minutes: 5 });
    expect(course.modules[0]?.pages.map((p) => p.heading)).toEqual(["Side 1", "Side 2"]);
  });

  it("names the file and the problem when a question has no correct answer", () => {
    const text = moduleMd().replace("        correct: true\n", "");
    expect(problemsOf(() => parse(text))).toMatch(
      /app\/content\/courses\/test\/01-modul\.md: quiz\.0\.options: præcis ét svar skal have correct: true/,
    );
  });

  it("rejects two correct answers, raw HTML, level-1 headings and a bad file name", () => {
    const twoCorrect = moduleMd().replace(
      'explanation: "Derfor ikke."',
      'correct: true\n        explanation: "Derfor ikke."',
    );
    expect(problemsOf(() => parse(twoCorrect))).toContain("præcis ét svar");
    expect(problemsOf(() => parse(moduleMd("", "## Side\n<script>alert(1)</script>\n")))).toContain(
      "indeholder HTML",
    );
    expect(problemsOf(() => parse(moduleMd("", "# Stor\n## Side\nTekst\n")))).toContain("niveau 1");
    expect(problemsOf(() => parse(moduleMd(), "Modul.md"))).toContain("filnavnet");
  });

  it("rejects unknown fields, missing sources and non-https links", () => {
    expect(problemsOf(() => parse(moduleMd("extra: 1\n")))).toContain("extra");
    expect(
      problemsOf(() => parse(moduleMd().replace("https://example.org/kilde", "http://example.org"))),
    ).toContain("https");
  });

  it("splits a body without headings into no pages", () => {
    expect(splitPages("Bare tekst")).toEqual([]);
    expect(problemsOf(() => parse(moduleMd("", "Bare tekst\n")))).toContain("ingen sider");
  });
});

describe("the real course content", () => {
  const courses = allCourseContent();

  it("has the AI course with 5-7 modules and an attestation naming the guidelines it confirms", () => {
    const ai = courses.find((c) => c.code === "ai");
    expect(ai?.modules.length).toBeGreaterThanOrEqual(5);
    expect(ai?.modules.length).toBeLessThanOrEqual(7);
    // The guidelines approved in June 2025, not the course version (content review M1).
    expect(ai?.attestation).toContain("AI-retningslinjer (juni 2025)");
    expect(ai?.attestation).not.toMatch(/version/);
  });

  it("has the GDPR course with 3-4 modules", () => {
    const gdpr = courses.find((c) => c.code === "gdpr");
    expect(gdpr?.modules.length).toBeGreaterThanOrEqual(3);
    expect(gdpr?.modules.length).toBeLessThanOrEqual(4);
  });

  it("gives every module 5-10 minutes, 4-6 questions and sources", () => {
    for (const m of courses.flatMap((c) => c.modules)) {
      expect(m.minutes, m.slug).toBeGreaterThanOrEqual(5);
      expect(m.minutes, m.slug).toBeLessThanOrEqual(10);
      expect(m.quiz.length, m.slug).toBeGreaterThanOrEqual(4);
      expect(m.sources.length, m.slug).toBeGreaterThan(0);
    }
  });

  it("balances every course's quiz: the correct option is the longest in at most a third", () => {
    for (const c of courses)
      expect(quizBalance(c), describeBalance(quizBalance(c))).toMatchObject({ ok: true });
  });
});
