import type { CurrentUser } from "~/auth/guard.server";
import { allCourseContent } from "~/content/content.server";
import { awaitsAttestation } from "~/courses/attestation";
import { loadCourseState } from "~/courses/player.server";
import type { OwnCourse } from "~/ui/own-courses";
import { today } from "./day";

/** The mandatory courses of the signed-in person's own employee record (none without one). */
export function loadOwnCourses(user: CurrentUser): OwnCourse[] {
  if (user.employeeId === null) return [];
  const employeeId = user.employeeId;
  const asOf = today();
  return allCourseContent().flatMap((content) => {
    const state = loadCourseState(employeeId, content.code, asOf);
    if (!state || state.status.kind === "notListed") return [];
    return [
      {
        code: content.code,
        title: content.title,
        summary: content.summary,
        status: state.status,
        passedCount: state.passedCount,
        moduleCount: state.modules.length,
        started: state.modules.some((m) => m.state !== "notStarted"),
        done: state.done,
        hasCertificate: state.validCompletion !== null,
        awaitsAttestation: awaitsAttestation(state),
        completionSource: state.validCompletion?.source ?? null,
      },
    ];
  });
}
