// Completions from the course vendor's export: what the parser needs to know, and the write.

import { listCourses } from "~/compliance/courses.server";
import { refreshKeptStatus } from "~/compliance/kept-status.server";
import { versionOn } from "~/courses/version-on";
import { getDb, schema } from "~/db.server";
import type { CompletionRow } from "./completions";

const { completion, courseAlias, employee } = schema;

export function loadCompletionContext() {
  const db = getDb();
  const aliases = db.select().from(courseAlias).all();
  const courses = listCourses().map((c) => ({
    id: c.id,
    code: c.code,
    title: c.title,
    versions: c.versions,
    aliases: aliases.filter((a) => a.courseId === c.id).map((a) => a.alias),
  }));
  const byNumber = new Map<string, number>();
  const byEmail = new Map<string, number>();
  for (const e of db
    .select({ id: employee.id, number: employee.employeeNumber, email: employee.email })
    .from(employee)
    .all()) {
    byNumber.set(e.number, e.id);
    byEmail.set(e.email, e.id);
  }
  return { courses, employees: { byNumber, byEmail } };
}

/** Inserts the rows in one transaction; a completion already imported is skipped. Returns how many were new. */
export function applyCompletions(input: {
  rows: readonly CompletionRow[];
  fileName: string;
  userId: number | null;
  now?: number;
}): { added: number; alreadyThere: number } {
  const now = input.now ?? Date.now();
  const { courses } = loadCompletionContext();
  const byCode = new Map(courses.map((c) => [c.code, c]));
  return getDb().transaction(
    (tx) => {
      let added = 0;
      for (const row of input.rows) {
        const course = byCode.get(row.courseCode);
        if (!course) throw new Error(`Ukendt kursus ${row.courseCode}`);
        added += tx
          .insert(completion)
          .values({
            employeeId: row.employeeId,
            courseId: course.id,
            completedOn: row.completedOn,
            courseVersion: versionOn(course.versions, row.completedOn),
            score: row.score,
            source: "import",
            sourceRef: input.fileName,
            recordedByUserId: input.userId,
            recordedAt: now,
          })
          .onConflictDoNothing()
          .run().changes;
      }
      refreshKeptStatus(
        tx,
        input.rows.map((r) => r.employeeId),
      );
      return { added, alreadyThere: input.rows.length - added };
    },
    { behavior: "immediate" },
  );
}

/** Adds another name the vendor uses for a course (normalised). */
export function addCourseAlias(courseId: number, normalizedAlias: string): void {
  getDb()
    .insert(courseAlias)
    .values({ alias: normalizedAlias, courseId })
    .onConflictDoUpdate({
      target: courseAlias.alias,
      set: { courseId },
    })
    .run();
}

export function listCourseAliases() {
  return getDb().select({ alias: courseAlias.alias, courseId: courseAlias.courseId }).from(courseAlias).all();
}
