// `npm run build` starts here: a malformed content file stops the build with its name and problem.
import { allCourseContent } from "./content.server";
import { ContentError } from "./parse";
import { describeBalance, quizBalance } from "./quiz-balance";

try {
  const courses = allCourseContent();
  for (const c of courses) {
    const questions = c.modules.reduce((n, m) => n + m.quiz.length, 0);
    console.log(`Indhold ok: ${c.code} v${c.version}, ${c.modules.length} moduler, ${questions} spørgsmål`);
  }
  // The correct option must not be findable by its length (and every question has one).
  const balances = courses.map(quizBalance);
  for (const b of balances) (b.ok ? console.log : console.error)(`Quizbalance ${describeBalance(b)}`);
  if (balances.some((b) => !b.ok)) process.exit(1);
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exit(1);
}
