import { asc } from "drizzle-orm";
import { getDb, schema } from "~/db.server";
import type { StatusCourse } from "./status";

export interface CourseInfo extends StatusCourse {
  id: number;
  code: string;
  title: string;
}

/** The mandatory courses with their versions, in a fixed order (AI first, then GDPR). */
export function listCourses(): CourseInfo[] {
  const db = getDb();
  const versions = db
    .select()
    .from(schema.courseVersion)
    .orderBy(asc(schema.courseVersion.publishedOn))
    .all();
  return db
    .select()
    .from(schema.course)
    .orderBy(asc(schema.course.id))
    .all()
    .map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      validityMonths: c.validityMonths,
      dueDays: c.dueDays,
      campaignDeadline: c.campaignDeadline,
      requiredFrom: c.requiredFrom,
      versions: versions.filter((v) => v.courseId === c.id),
    }));
}
