import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db.server";

const { selfReportedCourse } = schema;

export function listSelfReports(employeeId: number) {
  return getDb().select().from(selfReportedCourse).where(eq(selfReportedCourse.employeeId, employeeId)).all();
}

/** Records (or corrects) the day an employee says they completed a voluntary course. */
export function reportVoluntaryCompletion(employeeId: number, courseKey: string, completedOn: string): void {
  getDb()
    .insert(selfReportedCourse)
    .values({ employeeId, courseKey, completedOn, reportedAt: Date.now() })
    .onConflictDoUpdate({
      target: [selfReportedCourse.employeeId, selfReportedCourse.courseKey],
      set: { completedOn, reportedAt: Date.now() },
    })
    .run();
}

export function removeVoluntaryCompletion(employeeId: number, courseKey: string): void {
  getDb()
    .delete(selfReportedCourse)
    .where(and(eq(selfReportedCourse.employeeId, employeeId), eq(selfReportedCourse.courseKey, courseKey)))
    .run();
}
