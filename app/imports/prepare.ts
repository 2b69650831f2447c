// The heavy part of an import, from bytes to a plan: read the table, validate every row, work out
// the changes. Pure (no database): the caller hands in what the plan compares with. Runs in a
// worker thread (parse.worker.ts), so a hostile or just huge file never blocks other requests.
import type { Day } from "~/compliance/day";
import {
  type CompletionCourse,
  type CompletionRow,
  type EmployeeLookup,
  parseCompletions,
} from "./completions";
import { parseRoster, type RosterRow } from "./roster";
import { planRoster, type RosterPlan, type RosterSnapshotEmployee } from "./roster-plan";
import { ImportFileError, readTable } from "./table";

export type PrepareInput =
  | {
      kind: "roster";
      bytes: Uint8Array;
      fileName: string;
      importDate: Day;
      employees: RosterSnapshotEmployee[];
      unitPaths: string[];
    }
  | {
      kind: "completions";
      bytes: Uint8Array;
      fileName: string;
      today: Day;
      courses: CompletionCourse[];
      employees: EmployeeLookup;
    };

export interface ImportProblems {
  ok: false;
  /** At most 200; `moreErrors` counts the rest. */
  errors: string[];
  moreErrors: number;
  warnings: string[];
}

export type PrepareResult =
  | ImportProblems
  | { ok: true; kind: "roster"; plan: RosterPlan; rows: RosterRow[]; rowCount: number; warnings: string[] }
  | { ok: true; kind: "completions"; rows: CompletionRow[]; warnings: string[] };

export const problems = (errors: string[], warnings: string[] = [], moreErrors = 0): ImportProblems => ({
  ok: false,
  errors,
  moreErrors,
  warnings,
});

export async function prepare(input: PrepareInput): Promise<PrepareResult> {
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(input.bytes, input.fileName);
  } catch (error) {
    if (error instanceof ImportFileError) return problems([error.message]);
    throw error;
  }
  if (input.kind === "roster") {
    const parsed = parseRoster(table);
    if (parsed.errors.length > 0) {
      return problems(
        parsed.errors.map((e) => e.message),
        parsed.warnings,
        parsed.moreErrors,
      );
    }
    const plan = planRoster(parsed.rows, input.employees, new Set(input.unitPaths), input.importDate);
    if (plan.conflicts.length > 0) {
      const shown = plan.conflicts.slice(0, 200).map((c) => c.message);
      return problems(shown, parsed.warnings, plan.conflicts.length - shown.length);
    }
    return {
      ok: true,
      kind: "roster",
      plan,
      rows: parsed.rows,
      rowCount: parsed.rows.length,
      warnings: parsed.warnings,
    };
  }
  const parsed = parseCompletions(table, input.courses, input.employees, input.today);
  if (parsed.errors.length > 0) {
    return problems(
      parsed.errors.map((e) => e.message),
      parsed.warnings,
      parsed.moreErrors,
    );
  }
  return { ok: true, kind: "completions", rows: parsed.rows, warnings: parsed.warnings };
}
