import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "~/content/parse";
import { explanationWithoutVerdict, optionOrder, readAnswers, scoreQuiz } from "./quiz";

const question = (id: string, correct: number, count = 3): QuizQuestion => ({
  id,
  question: `Spørgsmål ${id}`,
  options: Array.from({ length: count }, (_, i) => ({
    text: `Svar ${i}`,
    explanation: `Forklaring ${i}`,
    ...(i === correct ? { correct: true as const } : {}),
  })),
});

const quiz = [question("q1", 0), question("q2", 1), question("q3", 2), question("q4", 1), question("q5", 0)];

describe("scoreQuiz", () => {
  it("scores every correct answer and passes at the mark", () => {
    const score = scoreQuiz(quiz, { q1: 0, q2: 1, q3: 2, q4: 1, q5: 1 }, 80);
    expect(score).toMatchObject({ correctCount: 4, total: 5, percent: 80, passed: true });
    expect(score.results.map((r) => r.isCorrect)).toEqual([true, true, true, true, false]);
    expect(score.results[4]).toEqual({ id: "q5", chosen: 1, correctIndex: 0, isCorrect: false });
  });

  it("fails below the mark and rounds down, never up", () => {
    expect(scoreQuiz(quiz, { q1: 0, q2: 1, q3: 2, q4: 0, q5: 1 }, 80)).toMatchObject({
      percent: 60,
      passed: false,
    });
    const six = [...quiz, question("q6", 0)];
    // 5 of 6 = 83.3 %: passes 80, not 84.
    expect(scoreQuiz(six, { q1: 0, q2: 1, q3: 2, q4: 1, q5: 0, q6: 2 }, 80)).toMatchObject({
      percent: 83,
      passed: true,
    });
    expect(scoreQuiz(six, { q1: 0, q2: 1, q3: 2, q4: 1, q5: 0, q6: 2 }, 84).passed).toBe(false);
  });

  it("counts an unanswered question as wrong", () => {
    expect(scoreQuiz(quiz, { q1: 0 }, 80)).toMatchObject({ correctCount: 1, passed: false });
  });
});

describe("readAnswers", () => {
  it("reads option indexes and names every question without a valid answer", () => {
    const { answers, missing } = readAnswers(quiz, { q1: "0", q2: "2", q3: "7", q4: "x", attemptId: "a" });
    expect(answers).toEqual({ q1: 0, q2: 2 });
    expect(missing).toEqual(["q3", "q4", "q5"]);
  });
});

describe("optionOrder", () => {
  it("is a permutation, the same for the same attempt", () => {
    const order = optionOrder("attempt-1", "q1", 4);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(optionOrder("attempt-1", "q1", 4)).toEqual(order);
  });

  it("differs between attempts", () => {
    const orders = new Set(
      Array.from({ length: 50 }, (_, i) => optionOrder(`attempt-${i}`, "q1", 4).join("")),
    );
    expect(orders.size).toBeGreaterThan(10);
  });
});

describe("explanationWithoutVerdict", () => {
  it("drops a leading Rigtigt or Forkert, which the result page already shows", () => {
    expect(explanationWithoutVerdict("Forkert. Det afgørende er, om nogen kan genkendes.")).toBe(
      "Det afgørende er, om nogen kan genkendes.",
    );
    expect(explanationWithoutVerdict("Rigtigt! Helbred er følsomt.")).toBe("Helbred er følsomt.");
  });

  it("keeps everything else, including a verdict that is the whole text or inside a sentence", () => {
    expect(explanationWithoutVerdict("Nej. Reglerne gælder også internt.")).toBe(
      "Nej. Reglerne gælder også internt.",
    );
    expect(explanationWithoutVerdict("Forkert.")).toBe("Forkert.");
    expect(explanationWithoutVerdict("Forkerte svar koster point.")).toBe("Forkerte svar koster point.");
  });
});
