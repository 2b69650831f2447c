import type Database from "better-sqlite3";
import { asc, sql } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { getDb, schema } from "~/db.server";
import { prepared } from "~/prepared.server";
import type { COURSE_KINDS } from "../../db/schema";
import type { StatusCourse } from "./status";

export interface CourseInfo extends StatusCourse {
  id: number;
  code: string;
  title: string;
  /** "site_and_import": a completion at the vendor, imported by HR, counts as well. */
  kind: (typeof COURSE_KINDS)[number];
}

/** The mandatory courses with their versions, in a fixed order (AI first, then GDPR). */
export function listCourses(
  db: BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema> = getDb(),
): CourseInfo[] {
  // Prepared once per connection: every quiz submission and kept-status refresh lists the courses.
  const versions = prepared(db, "courses.versions", (q) =>
    q
      .select()
      .from(schema.courseVersion)
      // On the same day a version from the tools list counts as published after the content's.
      .orderBy(asc(schema.courseVersion.publishedOn), sql`${schema.courseVersion.origin} = 'tools'`)
      .prepare(),
  ).all();
  return prepared(db, "courses.all", (q) =>
    q.select().from(schema.course).orderBy(asc(schema.course.id)).prepare(),
  )
    .all()
    .map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      kind: c.kind,
      validityMonths: c.validityMonths,
      dueDays: c.dueDays,
      campaignDeadline: c.campaignDeadline,
      requiredFrom: c.requiredFrom,
      versions: versions.filter((v) => v.courseId === c.id),
    }));
}

/**
 * The version in force today: the latest published, whether it came from course.md or from a
 * material change of the AI tools list. New completions and attestations are of this version,
 * so a material version ends only earlier completions (the quizzes keep the content's version).
 */
export function currentVersion(course: Pick<CourseInfo, "versions">): string {
  const latest = course.versions.at(-1);
  if (!latest) throw new Error("Kurset har ingen versioner");
  return latest.version;
}
