import { Link } from "@remix-run/react";
import type { CourseStatus } from "~/compliance/status";
import { ATTESTATION_MISSING } from "~/courses/attestation";
import { CompletedElsewhere, ProgressBar } from "./course-progress";
import { StatusBadge, statusDetail } from "./status-badge";

export interface OwnCourse {
  code: string;
  title: string;
  summary: string;
  status: CourseStatus;
  passedCount: number;
  moduleCount: number;
  started: boolean;
  done: boolean;
  hasCertificate: boolean;
  /** Every module passed; only the attestation is missing. */
  awaitsAttestation: boolean;
  completionSource: "site" | "import" | "manual" | null;
}

function actionLabel(c: OwnCourse): string {
  if (c.done) return "Se kurset";
  if (c.awaitsAttestation) return "Bekræft retningslinjerne";
  if (c.status.kind === "expiringSoon") return "Tag kurset igen";
  return c.started ? "Fortsæt kurset" : "Start kurset";
}

/** The signed-in employee's mandatory courses: status, the date that matters, progress, next step. */
export function OwnCourseList({ courses }: { courses: OwnCourse[] }) {
  if (courses.length === 0) {
    return <p className="mt-4">Du har ingen obligatoriske kurser lige nu.</p>;
  }
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2">
      {courses.map((c) => (
        <li key={c.code} className="flex flex-col rounded-lg bg-white p-5 shadow-sm">
          <h3 className="text-lg font-semibold">{c.title}</h3>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <StatusBadge status={c.status} />
            <span className="text-sm text-muted">{statusDetail(c.status)}</span>
          </p>
          <p className="mt-2 text-sm">{c.summary}</p>
          {c.awaitsAttestation ? <p className="mt-2 font-semibold">{ATTESTATION_MISSING}.</p> : null}
          {c.done ? null : c.completionSource !== null &&
            c.completionSource !== "site" &&
            c.passedCount === 0 ? (
            <CompletedElsewhere source={c.completionSource} />
          ) : (
            <ProgressBar passed={c.passedCount} total={c.moduleCount} label={`Fremskridt i ${c.title}`} />
          )}
          <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
            <Link
              to={c.awaitsAttestation ? `/kurser/${c.code}#erklaering` : `/kurser/${c.code}`}
              aria-label={`${actionLabel(c)}: ${c.title}`}
              className={
                c.done
                  ? "font-semibold"
                  : "rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
              }
            >
              {actionLabel(c)}
            </Link>
            {c.hasCertificate ? (
              <a
                href={`/mine-kurser/${c.code}/kursusbevis`}
                aria-label={`Hent kursusbevis (PDF) for ${c.title}`}
              >
                Hent kursusbevis (PDF)
              </a>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
