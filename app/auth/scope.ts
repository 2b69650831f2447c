// Who may see which people. Pure, so the rules are unit-tested without a database; the same
// rules are applied inside SQL by scope.server.ts.
import type { Role } from "../../db/schema";

export interface Viewer {
  role: Role;
  /** Materialised paths ("/1/5/") of the units a manager manages. */
  scopePaths: readonly string[];
}

/** HR sees the whole organisation; a manager their units and everything below them. */
export function seesWholeOrganisation(viewer: Viewer): boolean {
  return viewer.role === "hr";
}

export function canViewUnit(viewer: Viewer, unitPath: string): boolean {
  if (seesWholeOrganisation(viewer)) return true;
  if (viewer.role !== "manager") return false;
  return viewer.scopePaths.some((scope) => unitPath.startsWith(scope));
}

/** Whether the viewer can see compliance data about people at all. */
export function canViewPeople(viewer: Viewer): boolean {
  return seesWholeOrganisation(viewer) || (viewer.role === "manager" && viewer.scopePaths.length > 0);
}

/** The top units of a viewer's scope: scopes nested inside another scope are dropped. */
export function topScopePaths(scopePaths: readonly string[]): string[] {
  const sorted = [...new Set(scopePaths)].sort();
  return sorted.filter((p) => !sorted.some((other) => other !== p && p.startsWith(other)));
}
