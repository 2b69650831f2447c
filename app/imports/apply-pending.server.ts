// Applying a staged import (pending.server.ts), as one job for the worker pool
// (app/server/jobs.server.ts): the rows are read, planned and written on the worker's own
// connection, in one IMMEDIATE transaction, so the request thread keeps serving meanwhile.
// Plain data in and out; the route turns `error` into the page's message.
import type { Day } from "~/compliance/day";
import type { CompletionRow } from "./completions";
import { applyCompletions } from "./completions-apply.server";
import { planStoredRoster } from "./import.server";
import { getPendingImport, pendingRows } from "./pending.server";
import type { RosterRow } from "./roster";
import { applyRosterPlan, type RosterApplyResult, RosterLockoutError } from "./roster-apply.server";

export type PendingApply<T> = { error: string } | ({ rowCount: number } & T);

const GONE = "Filen findes ikke længere. Indlæs den igen.";

/** The staged roster `pendingId` of HR user `userId`, planned against today's database and applied. */
export function applyPendingRoster(input: {
  pendingId: string;
  userId: number;
  asOf: Day;
  confirmLeavers: boolean;
}): PendingApply<{ result: RosterApplyResult }> {
  const pending = getPendingImport(input.pendingId, input.userId);
  if (pending?.kind !== "roster") return { error: GONE };
  const rows = pendingRows<RosterRow>(pending.id);
  const planned = planStoredRoster(rows, input.asOf);
  if ("error" in planned) return { error: planned.error };
  const { plan } = planned;
  if (plan.massLeavers) {
    return {
      error:
        "Over halvdelen af de aktive medarbejdere ville blive fratrådt. Sådan en fil kan ikke indlæses her.",
    };
  }
  if (plan.needsLeaverConfirmation && !input.confirmLeavers) {
    return { error: "Sæt kryds for at bekræfte de mange fratrædelser, eller indlæs en hel personaleliste." };
  }
  try {
    return { rowCount: rows.length, result: applyRosterPlan(plan) };
  } catch (error) {
    if (error instanceof RosterLockoutError) return { error: error.message };
    throw error;
  }
}

/** The staged completions `pendingId` of `userId`, added in one transaction. */
export function applyPendingCompletions(input: {
  pendingId: string;
  userId: number;
}): PendingApply<{ result: { added: number; alreadyThere: number } }> {
  const pending = getPendingImport(input.pendingId, input.userId);
  if (pending?.kind !== "completions") return { error: GONE };
  const rows = pendingRows<CompletionRow>(pending.id);
  return {
    rowCount: rows.length,
    result: applyCompletions({ rows, fileName: pending.fileName, userId: input.userId }),
  };
}
