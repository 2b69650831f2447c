// The two HR imports from file to plan: read, validate every row, and work out the changes.
// Nothing here writes; the caller shows the preview or applies it.
import { and, eq } from "drizzle-orm";
import type { Day } from "~/compliance/day";
import { getDb, schema } from "~/db.server";
import { type CompletionRow, parseCompletions } from "./completions";
import { loadCompletionContext } from "./completions-apply.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "./limits";
import { parseRoster } from "./roster";
import { loadRosterSnapshot } from "./roster-apply.server";
import { planRoster, type RosterPlan } from "./roster-plan";
import { ImportFileError, readTable } from "./table";

export interface ImportProblems {
  ok: false;
  errors: string[];
  warnings: string[];
}

function tooLarge(bytes: Uint8Array): ImportProblems | null {
  return bytes.byteLength > MAX_IMPORT_BYTES
    ? { ok: false, errors: [`Filen er for stor. Den må højst fylde ${MAX_IMPORT_LABEL}.`], warnings: [] }
    : null;
}

async function table(bytes: Uint8Array, fileName: string) {
  try {
    return { table: await readTable(bytes, fileName) };
  } catch (error) {
    if (error instanceof ImportFileError)
      return { problem: { ok: false as const, errors: [error.message], warnings: [] } };
    throw error;
  }
}

export type RosterPreparation =
  | ImportProblems
  | { ok: true; plan: RosterPlan; rowCount: number; warnings: string[] };

export async function prepareRosterImport(
  bytes: Uint8Array,
  fileName: string,
  importDate: Day,
): Promise<RosterPreparation> {
  const refused = tooLarge(bytes);
  if (refused) return refused;
  const read = await table(bytes, fileName);
  if (!read.table) return read.problem;
  const parsed = parseRoster(read.table);
  if (parsed.errors.length > 0) {
    return { ok: false, errors: parsed.errors.map((e) => e.message), warnings: parsed.warnings };
  }
  const snapshot = loadRosterSnapshot();
  const plan = planRoster(parsed.rows, snapshot.employees, snapshot.unitPaths, importDate);
  if (plan.conflicts.length > 0) {
    return { ok: false, errors: plan.conflicts.map((c) => c.message), warnings: parsed.warnings };
  }
  return { ok: true, plan, rowCount: parsed.rows.length, warnings: parsed.warnings };
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
  const read = await table(bytes, fileName);
  if (!read.table) return read.problem;
  const context = loadCompletionContext();
  const parsed = parseCompletions(read.table, context.courses, context.employees, today);
  if (parsed.errors.length > 0) {
    return { ok: false, errors: parsed.errors.map((e) => e.message), warnings: parsed.warnings };
  }
  // What is already imported is skipped on apply; say so in the preview.
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
  const courseId = new Map(context.courses.map((c) => [c.code, c.id]));
  const perCourse: Record<string, number> = {};
  let newCount = 0;
  for (const row of parsed.rows) {
    perCourse[row.courseCode] = (perCourse[row.courseCode] ?? 0) + 1;
    if (!already.has(`${row.employeeId}:${courseId.get(row.courseCode)}:${row.completedOn}`)) newCount++;
  }
  return { ok: true, rows: parsed.rows, newCount, perCourse, warnings: parsed.warnings };
}
