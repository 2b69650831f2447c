import type { CurrentUser } from "~/auth/guard.server";
import type { OwnCourse } from "~/ui/own-courses";
import { today } from "./day";
import { ownStatuses } from "./people.server";

/** The courses of the signed-in person's own employee record (none without a record). */
export function loadOwnCourses(user: CurrentUser): OwnCourse[] {
  if (user.employeeId === null) return [];
  return ownStatuses(user.employeeId, today())
    .filter((s) => s.status.kind !== "notListed")
    .map((s) => ({ code: s.course.code, title: s.course.title, status: s.status }));
}
