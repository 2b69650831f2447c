// `npm run build` starts here: a malformed content file stops the build with its name and problem.
import { allCourseContent } from "./content.server";
import { ContentError } from "./parse";

try {
  const courses = allCourseContent();
  for (const c of courses) {
    const questions = c.modules.reduce((n, m) => n + m.quiz.length, 0);
    console.log(`Indhold ok: ${c.code} v${c.version}, ${c.modules.length} moduler, ${questions} spørgsmål`);
  }
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exit(1);
}
