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
import { ImportFileError, readTable, type Table } from "./table";

export type PrepareInput =
  | {
      kind: "roster";
      bytes: Uint8Array;
      fileName: string;
      importDate: Day;
      /**
       * What the plan compares with, or the database file the worker reads it from. A national
       * roster's snapshot is 500,000 people: read in the worker after the file is parsed, it is
       * neither copied between threads nor held while the file's cells are.
       */
      snapshot: RosterSnapshot | { databasePath: string };
    }
  | {
      kind: "completions";
      bytes: Uint8Array;
      fileName: string;
      today: Day;
      courses: CompletionCourse[];
      employees: EmployeeLookup;
    };

export interface RosterSnapshot {
  employees: RosterSnapshotEmployee[];
  unitPaths: string[];
}

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

export async function prepare(
  input: PrepareInput,
  loadSnapshot: (databasePath: string) => Promise<RosterSnapshot> = () =>
    Promise.reject(new Error("Ingen database at læse personalelisten fra")),
): Promise<PrepareResult> {
  if (input.kind === "roster") {
    const parsed = await parseFile(input, parseRoster);
    if ("ok" in parsed) return parsed;
    if (parsed.errors.length > 0) {
      return problems(
        parsed.errors.map((e) => e.message),
        parsed.warnings,
        parsed.moreErrors,
      );
    }
    // Only now, with the file's text and cells gone: the snapshot is the other big part.
    const snapshot =
      "databasePath" in input.snapshot ? await loadSnapshot(input.snapshot.databasePath) : input.snapshot;
    const plan = planRoster(parsed.rows, snapshot.employees, new Set(snapshot.unitPaths), input.importDate);
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
  const parsed = await parseFile(input, (table) =>
    parseCompletions(table, input.courses, input.employees, input.today),
  );
  if ("ok" in parsed) return parsed;
  if (parsed.errors.length > 0) {
    return problems(
      parsed.errors.map((e) => e.message),
      parsed.warnings,
      parsed.moreErrors,
    );
  }
  return { ok: true, kind: "completions", rows: parsed.rows, warnings: parsed.warnings };
}

/** The file read as a table and parsed; the table (every cell of the file) is garbage once this returns. */
async function parseFile<T>(
  input: { bytes: Uint8Array; fileName: string },
  parse: (table: Table) => T,
): Promise<T | ImportProblems> {
  try {
    return parse(await readTable(input.bytes, input.fileName));
  } catch (error) {
    if (error instanceof ImportFileError) return problems([error.message]);
    throw error;
  }
}
