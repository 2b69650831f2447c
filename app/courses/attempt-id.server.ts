// Quiz attempt ids are made by the server: a random part and an HMAC-SHA256 over it and the
// employee, course and module the quiz was opened for. The quiz page hands one out when it opens
// (a loader never writes, so nothing is stored until the submit); the submit is accepted only with
// an id this installation signed for the same person and module. A made-up id, or one opened by
// someone else, is refused instead of colliding with a stored attempt.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface AttemptBinding {
  employeeId: number;
  courseCode: string;
  moduleSlug: string;
}

const RANDOM_BYTES = 16;
const MAC_BYTES = 16;

function mac(key: Buffer, random: string, b: AttemptBinding): Buffer {
  return createHmac("sha256", key)
    .update(`quiz-attempt\n${b.employeeId}\n${b.courseCode}\n${b.moduleSlug}\n${random}`)
    .digest()
    .subarray(0, MAC_BYTES);
}

/** A new attempt id, e.g. `Vq3…Yw.k9P…2g` (base64url, 45 characters). */
export function issueAttemptId(key: Buffer, binding: AttemptBinding): string {
  const random = randomBytes(RANDOM_BYTES).toString("base64url");
  return `${random}.${mac(key, random, binding).toString("base64url")}`;
}

/** Whether this installation issued `id` for exactly this employee, course and module. */
export function isIssuedAttemptId(key: Buffer, id: string, binding: AttemptBinding): boolean {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(id);
  if (!match?.[1] || !match[2]) return false;
  const given = Buffer.from(match[2], "base64url");
  return given.length === MAC_BYTES && timingSafeEqual(given, mac(key, match[1], binding));
}
