// Quiz rules, pure: scoring, the per-attempt order of answer options, and missing answers.
import type { QuizQuestion } from "~/content/parse";

/** Chosen option per question id, as the index of the option in the content file. */
export type QuizAnswers = Record<string, number>;

export interface QuestionResult {
  id: string;
  chosen: number | null;
  correctIndex: number;
  isCorrect: boolean;
}

export interface QuizScore {
  results: QuestionResult[];
  correctCount: number;
  total: number;
  /** Whole percent, rounded down, so 79.9 % never passes an 80 % mark. */
  percent: number;
  passed: boolean;
}

export function scoreQuiz(quiz: readonly QuizQuestion[], answers: QuizAnswers, passMark: number): QuizScore {
  const results = quiz.map((q) => {
    const correctIndex = q.options.findIndex((o) => o.correct);
    const chosen = answers[q.id] ?? null;
    return { id: q.id, chosen, correctIndex, isCorrect: chosen === correctIndex };
  });
  const correctCount = results.filter((r) => r.isCorrect).length;
  const percent = quiz.length === 0 ? 0 : Math.floor((correctCount * 100) / quiz.length);
  return { results, correctCount, total: quiz.length, percent, passed: percent >= passMark };
}

/** The questions that have no valid answer among the submitted form values. */
export function readAnswers(
  quiz: readonly QuizQuestion[],
  form: Record<string, unknown>,
): { answers: QuizAnswers; missing: string[] } {
  const answers: QuizAnswers = {};
  const missing: string[] = [];
  for (const q of quiz) {
    const raw = form[q.id];
    const index = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isInteger(index) && index >= 0 && index < q.options.length) answers[q.id] = index;
    else missing.push(q.id);
  }
  return { answers, missing };
}

// FNV-1a string hash, then mulberry32: a repeatable order from the attempt id, so the server
// can show the same shuffled order on the quiz, the review and the result without storing it.
function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The display order of a question's options in one attempt (indexes into the content order). */
export function optionOrder(attemptId: string, questionId: string, optionCount: number): number[] {
  const random = seededRandom(`${attemptId}:${questionId}`);
  const order = Array.from({ length: optionCount }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * An explanation without the verdict it may open with ("Forkert. Det afgørende er …"): the result
 * page already says Rigtigt or Forkert above it, and saying it twice reads as noise.
 */
export function explanationWithoutVerdict(explanation: string): string {
  return explanation.replace(/^(?:rigtigt|forkert|korrekt|helt rigtigt)[.!]\s+(?=\S)/i, "");
}
