// What the import preview page shows, worked out once at upload and stored with the pending
// import: counts and the first rows of each list, never the whole file.
import type { RosterPlan } from "./roster-plan";
import { FIELD_LABEL, leaverShare } from "./roster-plan";

/** Rows shown per list; the page says how many there are in all. */
export const SHOWN = 50;

export interface RosterPreview {
  rowCount: number;
  unchanged: number;
  activeBefore: number;
  leaverShare: number;
  needsLeaverConfirmation: boolean;
  massLeavers: boolean;
  newCount: number;
  newEmployees: { number: string; name: string; unit: string }[];
  changedCount: number;
  changed: { number: string; name: string; changes: string[] }[];
  leaverCount: number;
  leavers: { number: string; name: string; unit: string }[];
  unitsToCreateCount: number;
  unitsToCreate: string[];
}

export interface CompletionsPreview {
  rowCount: number;
  newCount: number;
  perCourse: Record<string, number>;
}

export interface ImportPreview {
  errors: string[];
  moreErrors: number;
  warnings: string[];
  roster: RosterPreview | null;
  completions: CompletionsPreview | null;
}

export function rosterPreview(plan: RosterPlan, rowCount: number): RosterPreview {
  return {
    rowCount,
    unchanged: plan.unchanged,
    activeBefore: plan.activeBefore,
    leaverShare: leaverShare(plan),
    needsLeaverConfirmation: plan.needsLeaverConfirmation,
    massLeavers: plan.massLeavers,
    newCount: plan.newEmployees.length,
    newEmployees: plan.newEmployees.slice(0, SHOWN).map((r) => ({
      number: r.employeeNumber,
      name: r.name,
      unit: r.unitPath.join(" > "),
    })),
    changedCount: plan.changed.length,
    changed: plan.changed.slice(0, SHOWN).map((c) => ({
      number: c.row.employeeNumber,
      name: c.row.name,
      changes: c.changes.map((ch) => `${FIELD_LABEL[ch.field]}: ${ch.from || "–"} → ${ch.to || "–"}`),
    })),
    leaverCount: plan.leavers.length,
    leavers: plan.leavers
      .slice(0, SHOWN)
      .map((l) => ({ number: l.employeeNumber, name: l.name, unit: l.unitPath })),
    unitsToCreateCount: plan.unitsToCreate.length,
    unitsToCreate: plan.unitsToCreate.slice(0, SHOWN),
  };
}
