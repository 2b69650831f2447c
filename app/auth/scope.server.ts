// The scope rules of scope.ts, as SQL conditions: a query that returns people filters by the
// caller's scope in its WHERE clause, never afterwards.
import { like, or, type SQL, sql } from "drizzle-orm";
import { schema } from "~/db.server";
import { seesWholeOrganisation, type Viewer } from "./scope";

/** Rows whose org unit lies inside the viewer's scope. */
export function unitScopeCondition(viewer: Viewer): SQL {
  if (seesWholeOrganisation(viewer)) return sql`1 = 1`;
  if (viewer.role !== "manager" || viewer.scopePaths.length === 0) return sql`0 = 1`;
  // Paths hold only digits and slashes, so no LIKE wildcard can sneak in.
  return or(...viewer.scopePaths.map((p) => like(schema.orgUnit.path, `${p}%`))) as SQL;
}
