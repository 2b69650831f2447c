import { describe, expect, it } from "vitest";
import type { CourseContent, CourseModule, QuizQuestion } from "./parse";
import { correctIsLongest, describeBalance, quizBalance } from "./quiz-balance";

const question = (id: string, correct: string, ...wrong: string[]): QuizQuestion => ({
  id,
  question: `Spørgsmål ${id}?`,
  options: [
    { text: correct, correct: true, explanation: "Derfor." },
    ...wrong.map((text) => ({ text, explanation: "Derfor ikke." })),
  ],
});

const course = (...quiz: QuizQuestion[]): CourseContent => ({
  code: "test",
  title: "Test",
  version: "1.0",
  publishedOn: "2026-12-01",
  material: false,
  reattestDays: 30,
  attestation: null,
  summary: "",
  intro: "",
  modules: [
    {
      slug: "modul",
      title: "Modul",
      order: 1,
      minutes: 5,
      passMark: 80,
      sources: [],
      quiz,
      pages: [],
    } as CourseModule,
  ],
});

describe("quiz balance", () => {
  it("counts the correct option as longest when it is longest or tied", () => {
    expect(correctIsLongest(question("a", "Langt rigtigt svar", "Kort"))).toBe(true);
    expect(correctIsLongest(question("b", "Lige", "lang"))).toBe(true);
    expect(correctIsLongest(question("c", "Kort", "Et længere forkert svar"))).toBe(false);
  });

  it("passes at exactly one third and fails above it", () => {
    const longest = question("l", "Det rigtige og lange svar", "Kort");
    const shorter = (id: string) => question(id, "Kort", "Et længere forkert svar");
    const oneThird = quizBalance(course(longest, shorter("s1"), shorter("s2")));
    expect(oneThird).toMatchObject({ questions: 3, longestCorrect: 1, ok: true });
    const twoOfFour = quizBalance(course(longest, { ...longest, id: "l2" }, shorter("s1"), shorter("s2")));
    expect(twoOfFour).toMatchObject({ questions: 4, longestCorrect: 2, ok: false });
    expect(describeBalance(twoOfFour)).toContain("FEJL");
    expect(describeBalance(oneThird)).toBe(
      "test: 3 spørgsmål, det rigtige svar er det længste i 1 (33 %; højst en tredjedel)",
    );
  });

  it("fails a question without exactly one correct option", () => {
    const none: QuizQuestion = { ...question("n", "Kort", "Et længere forkert svar") };
    none.options = none.options.map((o) => ({ text: o.text, explanation: o.explanation }));
    const two = question("t", "Kort", "Et længere forkert svar");
    two.options = two.options.map((o) => ({ ...o, correct: true as const }));
    const balance = quizBalance(course(none, two, question("s", "Kort", "Længere svar")));
    expect(balance.notOneCorrect).toEqual(["modul/n", "modul/t"]);
    expect(balance.ok).toBe(false);
    expect(describeBalance(balance)).toContain("modul/n har ikke præcis ét rigtigt svar");
  });
});
