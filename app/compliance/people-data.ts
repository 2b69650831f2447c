// People with their status per course, computed from loaded rows (people.server.ts loads them).
// Pure: the same rows give the status today and at each month end of the trend.
import type { CourseInfo } from "./courses.server";
import type { Day } from "./day";
import { type CourseStatus, courseStatus, type StatusCompletion, type StatusExemption } from "./status";
import { countStatuses, type StatusCounts } from "./summary";

export interface PersonRow {
  employeeId: number;
  employeeNumber: string;
  name: string;
  email: string;
  startDate: Day;
  endDate: Day | null;
  unitId: number;
  unitPath: string;
}

export interface PeopleData {
  courses: CourseInfo[];
  people: PersonRow[];
  completions: Map<string, StatusCompletion[]>;
  exemptions: Map<string, StatusExemption[]>;
}

export interface PersonStatus extends PersonRow {
  /** Status per course code. */
  statuses: Record<string, CourseStatus>;
}

const isListed = (person: PersonRow, asOf: Day) =>
  person.startDate <= asOf && (person.endDate === null || person.endDate > asOf);

function statusOf(data: PeopleData, person: PersonRow, course: CourseInfo, asOf: Day): CourseStatus {
  return courseStatus({
    employee: person,
    course,
    completions: data.completions.get(inputKey(person.employeeId, course.id)) ?? [],
    exemptions: data.exemptions.get(inputKey(person.employeeId, course.id)) ?? [],
    asOf,
  });
}

/** Status per course for everyone listed on `asOf` (leavers and future starters left out). */
export function statusesAsOf(data: PeopleData, asOf: Day): PersonStatus[] {
  const result: PersonStatus[] = [];
  for (const person of data.people) {
    if (!isListed(person, asOf)) continue;
    const statuses: Record<string, CourseStatus> = {};
    for (const course of data.courses) statuses[course.code] = statusOf(data, person, course, asOf);
    result.push({ ...person, statuses });
  }
  return result;
}

/** Just the counts per course on `asOf`, without building a row per person (for trends). */
export function countStatusesAsOf(data: PeopleData, asOf: Day): Record<string, StatusCounts> {
  const counts: Record<string, StatusCounts> = {};
  for (const course of data.courses) {
    counts[course.code] = countStatuses(
      (function* () {
        for (const person of data.people)
          if (isListed(person, asOf)) yield statusOf(data, person, course, asOf);
      })(),
    );
  }
  return counts;
}

/** The key the status rule's inputs are grouped by (see status-inputs.server.ts). */
export const inputKey = (employeeId: number, courseId: number) => `${employeeId}:${courseId}`;
