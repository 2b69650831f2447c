// The writes of an import, on whichever thread runs them: a plan that passes its refusals goes
// into the database in one IMMEDIATE transaction. The worker pool's jobs (app/server/jobs.server.ts)
// apply a file staged at upload (pending.server.ts) on the worker's own connection; the command
// applies a file it has just read. Plain data in and out; apply-import.server.ts is the service
// both call through.
import type { Day } from "~/compliance/day";
import type { CompletionRow } from "./completions";
import { applyCompletions } from "./completions-apply.server";
import { planStoredRoster } from "./import.server";
import { getPendingImport, pendingRows } from "./pending.server";
import type { RosterRow } from "./roster";
import { applyRosterPlan, type RosterApplyResult, RosterLockoutError } from "./roster-apply.server";
import type { RosterPlan } from "./roster-plan";

/** What HR has agreed to about leavers: many (over 10 %), or over half of everyone (command only). */
export interface LeaverConsent {
  confirmed: boolean;
  massAllowed: boolean;
}

export type LeaverRefusal = "confirm-leavers" | "mass-leavers";

/** Nothing was written: why, in Danish, and which consent was missing, if that was it. */
export interface ImportRefused {
  error: string;
  refused?: LeaverRefusal;
}

export type Written<T> = ImportRefused | { rowCount: number; result: T };

export type CompletionsApplyResult = { added: number; alreadyThere: number };

/** Which consent a plan with many leavers still lacks, or null when it may be written. */
export function leaverRefusal(plan: RosterPlan, consent: LeaverConsent): LeaverRefusal | null {
  if (plan.massLeavers && !consent.massAllowed) return "mass-leavers";
  if (plan.needsLeaverConfirmation && !consent.confirmed && !consent.massAllowed) return "confirm-leavers";
  return null;
}

const REFUSAL_MESSAGE: Record<LeaverRefusal, string> = {
  "mass-leavers":
    "Over halvdelen af de aktive medarbejdere ville blive fratrådt. Sådan en fil kan ikke indlæses her.",
  "confirm-leavers": "Sæt kryds for at bekræfte de mange fratrædelser, eller indlæs en hel personaleliste.",
};

/** Writes a roster plan, unless it lacks a consent or would lock everybody out. */
export function writeRoster(input: {
  plan: RosterPlan;
  rowCount: number;
  consent: LeaverConsent;
}): Written<RosterApplyResult> {
  const refused = leaverRefusal(input.plan, input.consent);
  if (refused) return { error: REFUSAL_MESSAGE[refused], refused };
  try {
    return { rowCount: input.rowCount, result: applyRosterPlan(input.plan) };
  } catch (error) {
    if (error instanceof RosterLockoutError) return { error: error.message };
    throw error;
  }
}

export function writeCompletions(input: {
  rows: readonly CompletionRow[];
  fileName: string;
  userId: number | null;
}): Written<CompletionsApplyResult> {
  return { rowCount: input.rows.length, result: applyCompletions(input) };
}

const GONE = "Filen findes ikke længere. Indlæs den igen.";

/** The staged roster `pendingId` of HR user `userId`, planned against today's database and written. */
export function writePendingRoster(input: {
  pendingId: string;
  userId: number;
  asOf: Day;
  consent: LeaverConsent;
}): Written<RosterApplyResult> {
  const pending = getPendingImport(input.pendingId, input.userId);
  if (pending?.kind !== "roster") return { error: GONE };
  const rows = pendingRows<RosterRow>(pending.id);
  // The database may have changed since the preview: planned again, with the same refusals.
  const planned = planStoredRoster(rows, input.asOf);
  if ("error" in planned) return { error: planned.error };
  return writeRoster({ plan: planned.plan, rowCount: rows.length, consent: input.consent });
}

/** The staged completions `pendingId` of `userId`, added in one transaction. */
export function writePendingCompletions(input: {
  pendingId: string;
  userId: number;
}): Written<CompletionsApplyResult> {
  const pending = getPendingImport(input.pendingId, input.userId);
  if (pending?.kind !== "completions") return { error: GONE };
  const rows = pendingRows<CompletionRow>(pending.id);
  return writeCompletions({ rows, fileName: pending.fileName, userId: input.userId });
}
