import type { Day } from "~/compliance/day";

/** The course version in force on a day: the latest published by then (else the first). */
export function versionOn(versions: readonly { version: string; publishedOn: Day }[], day: Day): string {
  return (versions.filter((v) => v.publishedOn <= day).at(-1) ?? versions[0])?.version ?? "1.0";
}
