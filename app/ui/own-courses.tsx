import type { CourseStatus } from "~/compliance/status";
import { StatusBadge, statusDetail } from "./status-badge";

export interface OwnCourse {
  code: string;
  title: string;
  status: CourseStatus;
}

/** The signed-in employee's mandatory courses with status and the date that matters. */
export function OwnCourseList({ courses }: { courses: OwnCourse[] }) {
  if (courses.length === 0) {
    return <p className="mt-4">Du har ingen obligatoriske kurser lige nu.</p>;
  }
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2">
      {courses.map((c) => (
        <li key={c.code} className="rounded-lg bg-white p-5 shadow-sm">
          <h3 className="text-lg font-semibold">{c.title}</h3>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <StatusBadge status={c.status} />
            <span className="text-sm text-muted">{statusDetail(c.status)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
