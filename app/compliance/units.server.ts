// Org units and the status counts shown on overviews.
import { data } from "@remix-run/node";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { requirePeopleViewer, requireUnitInScope } from "~/auth/guard.server";
import type { Viewer } from "~/auth/scope";
import { seesWholeOrganisation, topScopePaths } from "~/auth/scope";
import { unitScopeCondition } from "~/auth/scope.server";
import { getDb, schema } from "~/db.server";
import { parseId } from "~/url-params";
import type { CourseInfo } from "./courses.server";
import type { Day } from "./day";
import { keptStatusCovers, listPeopleStatuses } from "./people.server";
import type { PersonStatus } from "./people-data";
import { countUnits } from "./status-queries.server";
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

/** Status counts per course for each unit, over the people in it and below it. */
export function summarizeUnits(
  people: readonly PersonStatus[],
  units: readonly Unit[],
  courses: readonly CourseInfo[],
): UnitSummary[] {
  return units.map((unit) => {
    const inUnit = people.filter((p) => p.unitPath.startsWith(unit.path));
    const counts: Record<string, StatusCounts> = {};
    for (const course of courses) {
      counts[course.code] = countStatuses(inUnit.flatMap((p) => p.statuses[course.code] ?? []));
    }
    return { unit, counts };
  });
}

/**
 * The same counts from SQL over the kept status: one grouped pass over the viewer's scope under
 * `unitPath`, rolled up the materialised paths (or, for a day before the kept rows, by the rule).
 */
export function summarizeUnitsAsOf(input: {
  viewer: Viewer;
  units: readonly Unit[];
  asOf: Day;
  courses: readonly CourseInfo[];
  /** The subtree to count ("/" for everything in scope); defaults to the units' common top. */
  unitPath?: string;
}): UnitSummary[] {
  const { viewer, units, asOf, courses } = input;
  if (units.length === 0) return [];
  if (!keptStatusCovers(asOf)) {
    const people = listPeopleStatuses({
      viewer,
      unitPath: input.unitPath ?? "/",
      asOf,
      courses: [...courses],
    });
    return summarizeUnits(people, units, courses);
  }
  const rolled = countUnits({
    viewer,
    unitPaths: units.map((u) => u.path),
    asOf,
    courses,
    unitPath: input.unitPath,
  });
  return units.map((unit) => ({ unit, counts: rolled.get(unit.path) ?? {} }));
}

/** Every unit the viewer may see, in tree order (parents before children, by name). */
export function listUnitsInScope(viewer: Viewer): Unit[] {
  return unitTreeInScope(viewer)
    .walk(Number.POSITIVE_INFINITY)
    .map((u) => u.unit);
}

/** Units on the overview at most: deeper levels are shown on each unit's own page. */
export const OVERVIEW_UNITS = 200;

export interface OverviewUnit {
  unit: Unit;
  /** How many units directly below it the overview leaves out (they are on the unit's page). */
  childrenNotShown: number;
}

/**
 * The overview's units: the tree in scope down to the deepest level that keeps it within
 * `maxUnits` (the top level always), in tree order.
 */
export function listOverviewUnits(viewer: Viewer, maxUnits = OVERVIEW_UNITS): OverviewUnit[] {
  const tree = unitTreeInScope(viewer);
  let depth = 0;
  let shown = tree.perDepth[0] ?? 0;
  while (depth + 1 < tree.perDepth.length && shown + (tree.perDepth[depth + 1] ?? 0) <= maxUnits) {
    depth++;
    shown += tree.perDepth[depth] ?? 0;
  }
  return tree.walk(depth).map(({ unit, depth: d }) => ({
    unit,
    childrenNotShown: d === depth ? (tree.children.get(unit.id)?.length ?? 0) : 0,
  }));
}

const danish = new Intl.Collator("da", { numeric: true });

/** The units in the viewer's scope (filtered in SQL) as a tree below the viewer's top units. */
function unitTreeInScope(viewer: Viewer) {
  const units = getDb().select().from(orgUnit).where(unitScopeCondition(viewer)).all();
  const ids = new Set(units.map((u) => u.id));
  // A unit whose parent is outside the scope is one of the viewer's top units.
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent);
    if (list) list.push(u);
    else children.set(parent, [u]);
  }
  const perDepth: number[] = [];
  const countLevel = (parent: number | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      perDepth[depth] = (perDepth[depth] ?? 0) + 1;
      countLevel(u.id, depth + 1);
    }
  };
  countLevel(null, 0);
  /** The units down to `maxDepth` in tree order, siblings by name. */
  const walk = (maxDepth: number) => {
    const ordered: { unit: Unit; depth: number }[] = [];
    const visit = (parent: number | null, depth: number) => {
      if (depth > maxDepth) return;
      for (const unit of [...(children.get(parent) ?? [])].sort((a, b) => danish.compare(a.name, b.name))) {
        ordered.push({ unit, depth });
        visit(unit.id, depth + 1);
      }
    };
    visit(null, 0);
    return ordered;
  };
  return { children, perDepth, walk };
}

/** A unit's full path from the top ("Børn, Sundhed & Velfærd > Børn & Familie"), by id ("" if unknown). */
export type UnitLabeler = (unitId: number) => string;

/** Labels one unit at a time, each made when first asked for (a page labels a few). */
export function unitPathLabeler(): UnitLabeler {
  const units = getDb()
    .select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path })
    .from(orgUnit)
    .all();
  const byId = new Map(units.map((u) => [u.id, u]));
  const made = new Map<number, string>();
  return (unitId) => {
    let label = made.get(unitId);
    if (label === undefined) {
      const unit = byId.get(unitId);
      label = unit ? pathLabel(byId, unit.path) : "";
      made.set(unitId, label);
    }
    return label;
  };
}

export function labelUnits(units: readonly Unit[]): Map<number, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  return new Map(units.map((u) => [u.id, pathLabel(byId, u.path)]));
}

/** "/1/5/" as "Børn, Sundhed & Velfærd > Børn & Familie". */
function pathLabel(byId: ReadonlyMap<number, { name: string }>, path: string): string {
  return path
    .split("/")
    .filter(Boolean)
    .map((id) => byId.get(Number(id))?.name ?? "?")
    .join(" > ");
}

/** Units with their path labels, sorted, for pickers. */
export function listUnitsWithPaths(): { id: number; label: string }[] {
  return [...labelUnits(getDb().select().from(orgUnit).all())]
    .map(([id, label]) => ({ id, label }))
    .sort((a, b) => a.label.localeCompare(b.label, "da"));
}

/** The unit a command names by its path ("Økonomi & Stab > Sekretariatet", spaces around ">" optional). */
export function findUnitByPathLabel(label: string): Unit | undefined {
  const wanted = label
    .split(">")
    .map((s) => s.trim())
    .join(" > ");
  const found = listUnitsWithPaths().find((u) => u.label === wanted);
  return found ? getUnit(found.id) : undefined;
}

/** The unit in the URL, if the caller may see it: 404 for no such unit, 403 outside the scope. */
export function requireUnitForViewer(request: Request, unitIdParam: string | undefined) {
  const user = requirePeopleViewer(request);
  const unitId = parseId(unitIdParam);
  const unit = unitId === null ? undefined : getUnit(unitId);
  if (!unit) throw data({ message: "Enheden findes ikke." }, { status: 404 });
  requireUnitInScope(user, unit);
  return { user, unit };
}
