// Org units and the status counts shown on overviews.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Viewer } from "~/auth/scope";
import { seesWholeOrganisation, topScopePaths } from "~/auth/scope";
import { getDb, schema } from "~/db.server";
import { type CourseInfo, listCourses } from "./courses.server";
import type { Day } from "./day";
import { listPeopleStatuses } from "./people.server";
import { countStatuses, type StatusCounts } from "./summary";

const { orgUnit } = schema;

export type Unit = typeof orgUnit.$inferSelect;

export interface UnitSummary {
  unit: Unit;
  /** Status counts per course code, for the unit and everything below it. */
  counts: Record<string, StatusCounts>;
}

export function getUnit(id: number): Unit | undefined {
  return getDb().select().from(orgUnit).where(eq(orgUnit.id, id)).get();
}

export function listChildUnits(parentId: number): Unit[] {
  return getDb()
    .select()
    .from(orgUnit)
    .where(eq(orgUnit.parentId, parentId))
    .orderBy(asc(orgUnit.name))
    .all();
}

/** The units from the top of the tree down to `unit`, for breadcrumbs and "Enhed" paths. */
export function listAncestors(unit: Unit): Unit[] {
  const ids = unit.path.split("/").filter(Boolean).map(Number);
  const rows = getDb().select().from(orgUnit).where(inArray(orgUnit.id, ids)).all();
  return ids.map((id) => rows.find((r) => r.id === id)).filter((u): u is Unit => u !== undefined);
}

/** The highest units a viewer may see: every top unit for HR, the managed units for a manager. */
export function listTopUnitsInScope(viewer: Viewer): Unit[] {
  const db = getDb();
  if (seesWholeOrganisation(viewer)) {
    return db.select().from(orgUnit).where(isNull(orgUnit.parentId)).orderBy(asc(orgUnit.name)).all();
  }
  const paths = topScopePaths(viewer.scopePaths);
  if (paths.length === 0) return [];
  return db
    .select()
    .from(orgUnit)
    .where(and(inArray(orgUnit.path, paths)))
    .orderBy(asc(orgUnit.name))
    .all();
}

export function summarizeUnits(
  viewer: Viewer,
  units: Unit[],
  asOf: Day,
  courses: CourseInfo[] = listCourses(),
): UnitSummary[] {
  return units.map((unit) => {
    const people = listPeopleStatuses({ viewer, unitPath: unit.path, asOf, courses });
    const counts: Record<string, StatusCounts> = {};
    for (const course of courses) {
      counts[course.code] = countStatuses(people.flatMap((p) => p.statuses[course.code] ?? []));
    }
    return { unit, counts };
  });
}
