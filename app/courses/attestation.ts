// The AI course's last step: every module passed, only the attestation missing. Until it is given
// the course is not done, and the pages say so (issue 11: people stopped after module 6).
import type { CourseState } from "./player.server";

export function awaitsAttestation(
  state: Pick<CourseState, "needsAttestation" | "attested" | "passedCount" | "modules" | "done">,
): boolean {
  return (
    state.needsAttestation && !state.attested && !state.done && state.passedCount === state.modules.length
  );
}

/** The one sentence every page shows while the attestation is missing. */
export const ATTESTATION_MISSING = "Du mangler kun at bekræfte retningslinjerne";
