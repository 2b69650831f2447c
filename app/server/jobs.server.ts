// The jobs the worker pool runs (see run-in-worker.server.ts): each takes one plain-data input
// and returns plain data, calling the same service functions the routes called before. They run
// on a worker's own connection, so they trust nothing in their input that could widen what the
// caller may see: the viewer is read again from the database, and the unit is checked again.
import { data } from "@remix-run/node";
import { and, eq, isNull } from "drizzle-orm";
import { forbidden } from "~/auth/guard.server";
import { canViewUnit, type Viewer } from "~/auth/scope";
import { listCourses } from "~/compliance/courses.server";
import type { Day } from "~/compliance/day";
import type { PeopleQuery } from "~/compliance/people-list";
import { buildPeopleList } from "~/compliance/people-view.server";
import { unitTrend } from "~/compliance/trend.server";
import {
  getUnit,
  listChildUnits,
  listOverviewUnits,
  summarizeUnitsAsOf,
  type Unit,
} from "~/compliance/units.server";
import { getDb, schema } from "~/db.server";
import { type EvidenceFormat, generateEvidencePack } from "~/evidence/generate.server";
import { writePendingCompletions, writePendingRoster } from "~/imports/write-import.server";
import { type ExportRequest, writeExportFile } from "~/reports/export-files.server";
import type { Role } from "../../db/schema";

/** Who asks, as plain data. Only ever narrowed by the worker, never widened. */
export interface ViewerInput {
  userId: number;
  role: Role;
  scopePaths: readonly string[];
}

export function viewerInput(user: { id: number; role: Role; scopePaths: readonly string[] }): ViewerInput {
  return { userId: user.id, role: user.role, scopePaths: [...user.scopePaths] };
}

/**
 * The viewer as the database says it is now: an active account with the role it was sent with,
 * and no scope path the account does not hold (403 otherwise).
 */
export function confirmViewer(input: ViewerInput): Viewer {
  const db = getDb();
  const account = db
    .select({ role: schema.userAccount.role })
    .from(schema.userAccount)
    .where(and(eq(schema.userAccount.id, input.userId), isNull(schema.userAccount.deactivatedAt)))
    .get();
  if (!account || account.role !== input.role) forbidden();
  if (account.role !== "manager") return { role: account.role, scopePaths: [] };
  const held = new Set(
    db
      .select({ path: schema.orgUnit.path })
      .from(schema.managerScope)
      .innerJoin(schema.orgUnit, eq(schema.orgUnit.id, schema.managerScope.orgUnitId))
      .where(eq(schema.managerScope.userId, input.userId))
      .all()
      .map((r) => r.path),
  );
  if (!input.scopePaths.every((p) => held.has(p))) forbidden();
  return { role: "manager", scopePaths: [...input.scopePaths] };
}

/** The unit, if the viewer may see it: 404 / 403 as requireUnitForViewer answers. */
function unitFor(viewer: Viewer, unitId: number): Unit {
  const unit = getUnit(unitId);
  if (!unit) throw data({ message: "Enheden findes ikke." }, { status: 404 });
  if (!canViewUnit(viewer, unit.path)) forbidden();
  return unit;
}

/** An active HR account (the imports are HR's). */
function confirmHr(userId: number): void {
  confirmViewer({ userId, role: "hr", scopePaths: [] });
}

export const jobs = {
  /** The overview (/enheder): counts per course for the top levels of the units in scope. */
  unitOverview(input: { viewer: ViewerInput; asOf: Day }) {
    const viewer = confirmViewer(input.viewer);
    const courses = listCourses();
    const shown = listOverviewUnits(viewer);
    const summaries = summarizeUnitsAsOf({
      viewer,
      units: shown.map((s) => s.unit),
      asOf: input.asOf,
      courses,
    });
    return summaries.map((s, i) => ({
      id: s.unit.id,
      parentId: s.unit.parentId,
      name: s.unit.name,
      counts: s.counts,
      childrenNotShown: shown[i]?.childrenNotShown ?? 0,
    }));
  },

  /** A unit's page: today's counts for it and its children, and the 12-month trend. */
  unitDashboard(input: { viewer: ViewerInput; unitId: number; asOf: Day }) {
    const viewer = confirmViewer(input.viewer);
    const unit = unitFor(viewer, input.unitId);
    const { asOf } = input;
    const courses = listCourses();
    const [total, ...children] = summarizeUnitsAsOf({
      viewer,
      units: [unit, ...listChildUnits(unit.id)],
      asOf,
      courses,
      unitPath: unit.path,
    });
    return {
      total: total?.counts ?? {},
      children: children.map((s) => ({ id: s.unit.id, name: s.unit.name, counts: s.counts })),
      trend: unitTrend({ viewer, unitPath: unit.path, asOf, courses }),
    };
  },

  /**
   * A unit's people list (buildPeopleList) as plain data: one page of it when `page` is given,
   * else everyone (the print view); with the path label of each row's unit.
   */
  peopleView(input: {
    viewer: ViewerInput;
    unitId: number;
    query: PeopleQuery;
    asOf: Day;
    page?: number;
    /** Without a page: more people than this load none (the count says how many there are). */
    maxPeople?: number;
  }) {
    const viewer = confirmViewer(input.viewer);
    const unit = unitFor(viewer, input.unitId);
    const view = buildPeopleList({ viewer, unit, query: input.query, asOf: input.asOf });
    const shown = input.page === undefined ? null : view.page(input.page);
    const total = shown ? shown.total : view.total();
    const tooMany = !shown && input.maxPeople !== undefined && total > input.maxPeople;
    const people = shown ? shown.rows : tooMany ? [] : [...view.rows()];
    const unitLabels: Record<number, string> = {};
    for (const p of people) unitLabels[p.unitId] ??= view.unitLabel(p.unitId);
    return {
      scopeLabel: view.scopeLabel,
      filters: view.filters,
      courses: view.courses.map((c) => ({ code: c.code, title: c.title })),
      total,
      tooMany,
      page: shown?.page ?? 1,
      pageCount: shown?.pageCount ?? 1,
      people,
      unitLabels,
    };
  },

  /** An export file (app/reports/export-files.server.ts), written to `path` (export-job.server.ts). */
  exportFile(input: { viewer: ViewerInput; request: ExportRequest; path: string }) {
    return writeExportFile(confirmViewer(input.viewer), input.request, input.path);
  },

  /** HR's evidence pack for a day: it loads the whole organisation's history, so it runs here. */
  async evidencePack(input: { userId: number; asOf: Day; format: EvidenceFormat }) {
    confirmHr(input.userId);
    return new Uint8Array(await generateEvidencePack({ asOf: input.asOf, format: input.format }));
  },

  /** Applies a staged roster in one IMMEDIATE transaction on the worker's connection. */
  applyPendingRoster(input: Parameters<typeof writePendingRoster>[0]) {
    confirmHr(input.userId);
    return writePendingRoster(input);
  },

  applyPendingCompletions(input: Parameters<typeof writePendingCompletions>[0]) {
    confirmHr(input.userId);
    return writePendingCompletions(input);
  },
};

export type Jobs = typeof jobs;
