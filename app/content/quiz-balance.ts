// Quiz balance (issue 11): an employee must not be able to pass by picking the longest option.
// Pure, so the build check and the unit tests share it.
import type { CourseContent, QuizQuestion } from "./parse";

/** At most this share of a course's questions may have the correct option as the longest. */
export const MAX_LONGEST_CORRECT_SHARE = 1 / 3;

/** True when the correct option has at least as many characters as every other option (a tie counts). */
export function correctIsLongest(question: QuizQuestion): boolean {
  const correct = question.options.find((o) => o.correct);
  if (!correct) return false;
  return question.options.every((o) => o === correct || o.text.length <= correct.text.length);
}

export interface QuizBalance {
  code: string;
  questions: number;
  longestCorrect: number;
  /** Questions without exactly one correct option, as "module/question-id". */
  notOneCorrect: string[];
  ok: boolean;
}

export function quizBalance(course: CourseContent): QuizBalance {
  const questions = course.modules.flatMap((m) => m.quiz.map((q) => ({ slug: m.slug, q })));
  const longestCorrect = questions.filter(({ q }) => correctIsLongest(q)).length;
  const notOneCorrect = questions
    .filter(({ q }) => q.options.filter((o) => o.correct).length !== 1)
    .map(({ slug, q }) => `${slug}/${q.id}`);
  return {
    code: course.code,
    questions: questions.length,
    longestCorrect,
    notOneCorrect,
    ok:
      notOneCorrect.length === 0 &&
      questions.length > 0 &&
      longestCorrect <= questions.length * MAX_LONGEST_CORRECT_SHARE,
  };
}

/** One line for the build log, e.g. "ai: 33 spørgsmål, det rigtige svar er det længste i 9 (27 %)". */
export function describeBalance(b: QuizBalance): string {
  const share = b.questions === 0 ? 0 : Math.round((100 * b.longestCorrect) / b.questions);
  const line = `${b.code}: ${b.questions} spørgsmål, det rigtige svar er det længste i ${b.longestCorrect} (${share} %; højst en tredjedel)`;
  const problems = [
    ...(b.longestCorrect > b.questions * MAX_LONGEST_CORRECT_SHARE
      ? ["for mange spørgsmål, hvor det rigtige svar kan findes på længden"]
      : []),
    ...b.notOneCorrect.map((id) => `${id} har ikke præcis ét rigtigt svar`),
  ];
  return problems.length ? `${line} – FEJL: ${problems.join("; ")}` : line;
}
