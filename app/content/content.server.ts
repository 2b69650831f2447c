// Reads the course content from app/content once per process. The server runs from the
// repository root (as it does for db/migrations), so the Markdown is read where it is written.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type CourseContent, parseCourse } from "./parse";

const CONTENT_DIR = path.resolve("app/content");

function readCourses(): CourseContent[] {
  const coursesDir = path.join(CONTENT_DIR, "courses");
  return readdirSync(coursesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) =>
      parseCourse(
        readdirSync(path.join(coursesDir, d.name))
          .filter((f) => f.endsWith(".md"))
          .sort()
          .map((f) => ({
            path: `app/content/courses/${d.name}/${f}`,
            text: readFileSync(path.join(coursesDir, d.name, f), "utf8"),
          })),
      ),
    );
}

let courses: CourseContent[] | undefined;

export function allCourseContent(): CourseContent[] {
  courses ??= readCourses();
  return courses;
}

export function getCourseContent(code: string): CourseContent | undefined {
  return allCourseContent().find((c) => c.code === code);
}
