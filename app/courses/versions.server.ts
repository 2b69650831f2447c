// The course versions live in the content (course.md); the status rule reads them from the
// database. Every start copies them over, so the two never disagree.
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { allCourseContent } from "~/content/content.server";
import * as schema from "../../db/schema";

/** Returns true when a version was added or changed (then the kept status must be rebuilt). */
export function syncCourseVersions(db: BetterSQLite3Database<typeof schema>): boolean {
  const courses = db.select().from(schema.course).all();
  const before = JSON.stringify(db.select().from(schema.courseVersion).all());
  for (const content of allCourseContent()) {
    const course = courses.find((c) => c.code === content.code);
    if (!course) throw new Error(`Kurset "${content.code}" i app/content findes ikke i databasen (course).`);
    const version = {
      courseId: course.id,
      version: content.version,
      publishedOn: content.publishedOn,
      material: content.material,
      reattestDays: content.reattestDays,
    };
    db.insert(schema.courseVersion)
      .values(version)
      .onConflictDoUpdate({
        target: [schema.courseVersion.courseId, schema.courseVersion.version],
        set: {
          publishedOn: version.publishedOn,
          material: version.material,
          reattestDays: version.reattestDays,
        },
      })
      .run();
  }
  return JSON.stringify(db.select().from(schema.courseVersion).all()) !== before;
}
