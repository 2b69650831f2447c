// The two HR imports from file to plan: read, validate every row, and work out the changes, in a
// worker thread (worker.server.ts). Nothing here writes; the caller shows the preview or applies it.

import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Day } from "~/compliance/day";
import { databasePath, getDb, schema } from "~/db.server";
import type { CompletionRow } from "./completions";
import { loadCompletionContext } from "./completions-apply.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "./limits";
import { type ImportProblems, problems, type RosterSnapshot } from "./prepare";
import type { RosterRow } from "./roster";
import { loadRosterSnapshot, rosterLockout } from "./roster-apply.server";
import { planRoster, type RosterPlan } from "./roster-plan";
import { prepareInWorker } from "./worker.server";

export type { ImportProblems } from "./prepare";

export const TOO_LARGE = `Filen er for stor. Den må højst fylde ${MAX_IMPORT_LABEL}.`;

function tooLarge(bytes: Uint8Array): ImportProblems | null {
  return bytes.byteLength > MAX_IMPORT_BYTES ? problems([TOO_LARGE]) : null;
}

export type RosterPreparation =
  | ImportProblems
  | { ok: true; plan: RosterPlan; rows: RosterRow[]; rowCount: number; warnings: string[] };

export async function prepareRosterImport(
  bytes: Uint8Array,
  fileName: string,
  importDate: Day,
): Promise<RosterPreparation> {
  const refused = tooLarge(bytes);
  if (refused) return refused;
  // The worker reads the snapshot from the file itself; an in-memory database (tests) has no file.
  const file = databasePath();
  let snapshot: RosterSnapshot | { databasePath: string } = { databasePath: path.resolve(file) };
  if (file === ":memory:") {
    const { employees, unitPaths } = loadRosterSnapshot();
    snapshot = { employees, unitPaths: [...unitPaths] };
  }
  const prepared = await prepareInWorker({ kind: "roster", bytes, fileName, importDate, snapshot });
  if (!prepared.ok) return prepared;
  if (prepared.kind !== "roster") throw new Error("Forkert slags import");
  // Not something a confirmation can allow: nobody could sign in to put it right.
  const lockout = rosterLockout(prepared.plan);
  if (lockout) return problems([lockout], prepared.warnings);
  const { plan, rows, rowCount, warnings } = prepared;
  return { ok: true, plan, rows, rowCount, warnings };
}

export type CompletionsPreparation =
  | ImportProblems
  | {
      ok: true;
      rows: CompletionRow[];
      newCount: number;
      perCourse: Record<string, number>;
      warnings: string[];
    };

export async function prepareCompletionsImport(
  bytes: Uint8Array,
  fileName: string,
  today: Day,
): Promise<CompletionsPreparation> {
  const refused = tooLarge(bytes);
  if (refused) return refused;
  const context = loadCompletionContext();
  const prepared = await prepareInWorker({ kind: "completions", bytes, fileName, today, ...context });
  if (!prepared.ok) return prepared;
  if (prepared.kind !== "completions") throw new Error("Forkert slags import");
  return { ok: true, rows: prepared.rows, ...countNew(prepared.rows), warnings: prepared.warnings };
}

/** How many rows are new, and how many per course: what is already imported is skipped on apply. */
export function countNew(rows: readonly CompletionRow[]): {
  newCount: number;
  perCourse: Record<string, number>;
} {
  const already = new Set(
    getDb()
      .select({
        employeeId: schema.completion.employeeId,
        courseId: schema.completion.courseId,
        day: schema.completion.completedOn,
      })
      .from(schema.completion)
      .where(and(eq(schema.completion.source, "import")))
      .all()
      .map((c) => `${c.employeeId}:${c.courseId}:${c.day}`),
  );
  const courseId = new Map(loadCompletionContext().courses.map((c) => [c.code, c.id]));
  const perCourse: Record<string, number> = {};
  let newCount = 0;
  for (const row of rows) {
    perCourse[row.courseCode] = (perCourse[row.courseCode] ?? 0) + 1;
    if (!already.has(`${row.employeeId}:${courseId.get(row.courseCode)}:${row.completedOn}`)) newCount++;
  }
  return { newCount, perCourse };
}

/**
 * The plan for rows read and validated at upload, against the database as it is now (it may have
 * changed since the preview). Cheap: no file is read. The same refusals as at upload apply.
 */
export function planStoredRoster(
  rows: readonly RosterRow[],
  importDate: Day,
): { plan: RosterPlan } | { error: string } {
  const snapshot = loadRosterSnapshot();
  const plan = planRoster(rows, snapshot.employees, snapshot.unitPaths, importDate);
  const conflict = plan.conflicts[0];
  if (conflict) return { error: conflict.message };
  const lockout = rosterLockout(plan);
  return lockout ? { error: lockout } : { plan };
}
