// The one service that applies an HR import, for the web (/hr/import, a file staged at upload)
// and for `npm run import` (a file the command has just read): the write (write-import.server.ts;
// off the request thread for the web), the entry in the audit trail, and the Danish summary of
// what changed. The words a person reads about a plan before it is applied are here too.
import { type AuditBy, recordAudit } from "~/audit/audit.server";
import type { Day } from "~/compliance/day";
import { runInWorker } from "~/server/run-in-worker.server";
import { formatCount } from "~/ui/format";
import type { CompletionRow } from "./completions";
import type { RosterApplyResult } from "./roster-apply.server";
import type { RosterPlan } from "./roster-plan";
import {
  type CompletionsApplyResult,
  type ImportRefused,
  type LeaverConsent,
  writeCompletions,
  writeRoster,
} from "./write-import.server";

export type { LeaverConsent } from "./write-import.server";

/** A file staged at upload (the web: its rows wait in the database) or just read (the command). */
export type ImportToApply =
  | ({ kind: "roster"; fileName: string; asOf: Day; consent: LeaverConsent } & (
      | { pendingId: string; userId: number }
      | { plan: RosterPlan; rowCount: number }
    ))
  | ({ kind: "completions"; fileName: string } & (
      | { pendingId: string; userId: number }
      | { rows: readonly CompletionRow[] }
    ));

export type ImportApplied =
  | { kind: "roster"; summary: string; result: RosterApplyResult }
  | { kind: "completions"; summary: string; result: CompletionsApplyResult };

const AUDIT_SCOPE = { roster: "Personaleliste", completions: "Gennemførelser fra kursusleverandør" };

export async function applyImport(input: ImportToApply, by: AuditBy): Promise<ImportRefused | ImportApplied> {
  const audit = (rowCount: number) =>
    recordAudit({
      ...by,
      action: "import",
      scope: AUDIT_SCOPE[input.kind],
      filters: `Fil: ${input.fileName}`,
      rowCount,
    });
  if (input.kind === "roster") {
    // A staged file is planned and written by a worker with its own connection, so everybody
    // else's pages keep answering meanwhile.
    const written =
      "pendingId" in input
        ? await runInWorker("applyPendingRoster", {
            pendingId: input.pendingId,
            userId: input.userId,
            asOf: input.asOf,
            consent: input.consent,
          })
        : writeRoster(input);
    if ("error" in written) return written;
    audit(written.rowCount);
    return { kind: "roster", summary: rosterSummary(input.fileName, written.result), result: written.result };
  }
  const written =
    "pendingId" in input
      ? await runInWorker("applyPendingCompletions", { pendingId: input.pendingId, userId: input.userId })
      : writeCompletions({ rows: input.rows, fileName: input.fileName, userId: null });
  if ("error" in written) return written;
  audit(written.rowCount);
  const { added, alreadyThere } = written.result;
  return {
    kind: "completions",
    summary: `Gennemførelserne i ${input.fileName} er indlæst: ${counted(added, "ny", "nye")}, ${formatCount(alreadyThere)} fandtes allerede.`,
    result: written.result,
  };
}

/** "1 ny" but "2 nye": the count with the word that fits it. */
function counted(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function rosterSummary(fileName: string, result: RosterApplyResult): string {
  const parts = [
    counted(result.created, "ny", "nye"),
    counted(result.updated, "ændret", "ændrede"),
    counted(result.leavers, "fratrådt", "fratrådte"),
    counted(result.unitsCreated, "ny enhed", "nye enheder"),
  ];
  const reopened =
    result.loginsReactivated > 0
      ? ` ${counted(result.loginsReactivated, "login er", "logins er")} åbnet igen.`
      : "";
  return `Personalelisten ${fileName} er indlæst: ${parts.slice(0, -1).join(", ")} og ${parts.at(-1)}.${reopened}`;
}

/** A roster plan in Danish lines, before it is applied (the command's output; the web has its page). */
export function describeRosterPlan(plan: RosterPlan, rowCount: number): string[] {
  return [
    `${rowCount} medarbejdere i filen.`,
    `Nye: ${plan.newEmployees.length}. Ændrede: ${plan.changed.length}. Uændrede: ${plan.unchanged}.`,
    `Fratrådte (står ikke i filen): ${plan.leavers.length} af ${plan.activeBefore} aktive.`,
    `Nye enheder: ${plan.unitsToCreate.length}${plan.unitsToCreate.length > 0 ? ` (${plan.unitsToCreate.slice(0, 5).join("; ")}${plan.unitsToCreate.length > 5 ? "; …" : ""})` : ""}.`,
  ];
}
