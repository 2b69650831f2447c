// What a roster file would change, worked out before anything is written. Pure: the preview,
// the command's --dry-run and the real apply all use the same plan.
import type { Day } from "~/compliance/day";
import type { RosterRow } from "./roster";

export interface RosterSnapshotEmployee {
  id: number;
  employeeNumber: string;
  name: string;
  email: string;
  unitPath: string; // "A > B > C"
  startDate: Day;
  endDate: Day | null;
}

export interface FieldChange {
  field: "name" | "email" | "unit" | "startDate" | "endDate";
  from: string;
  to: string;
}

export interface RosterPlan {
  importDate: Day;
  newEmployees: RosterRow[];
  changed: { id: number; row: RosterRow; changes: FieldChange[] }[];
  leavers: RosterSnapshotEmployee[];
  unchanged: number;
  /** Unit paths ("A > B") the file names that do not exist yet. */
  unitsToCreate: string[];
  activeBefore: number;
  /** More than 10 % of active employees would leave: the file may be cut short. */
  needsLeaverConfirmation: boolean;
  /** More than 50 % would leave: refused on the web page, and by the command unless told otherwise. */
  massLeavers: boolean;
  /** Manager flags per unit path, for the scope sync. */
  managers: { employeeNumber: string; unitPath: string }[];
  /** Problems found against the database (e.g. an e-mail another employee keeps). */
  conflicts: { line: number; message: string }[];
}

export const LEAVER_CONFIRMATION_SHARE = 0.1;
export const MASS_LEAVER_SHARE = 0.5;

/** The share of active employees who would leave (0 when nobody is active). */
export function leaverShare(plan: Pick<RosterPlan, "leavers" | "activeBefore">): number {
  return plan.activeBefore === 0 ? 0 : plan.leavers.length / plan.activeBefore;
}

export const FIELD_LABEL: Record<FieldChange["field"], string> = {
  name: "Navn",
  email: "E-mail",
  unit: "Enhed",
  startDate: "Startdato",
  endDate: "Fratrædelsesdato",
};

const isActive = (e: RosterSnapshotEmployee, on: Day) => e.endDate === null || e.endDate > on;

export function planRoster(
  rows: readonly RosterRow[],
  existing: readonly RosterSnapshotEmployee[],
  existingUnitPaths: ReadonlySet<string>,
  importDate: Day,
): RosterPlan {
  const byNumber = new Map(existing.map((e) => [e.employeeNumber, e]));
  const inFile = new Set(rows.map((r) => r.employeeNumber));
  const plan: RosterPlan = {
    importDate,
    newEmployees: [],
    changed: [],
    leavers: [],
    unchanged: 0,
    unitsToCreate: [],
    activeBefore: existing.filter((e) => isActive(e, importDate)).length,
    needsLeaverConfirmation: false,
    massLeavers: false,
    managers: [],
    conflicts: [],
  };

  const unitsToCreate = new Set<string>();
  const unitsChecked = new Set<string>();
  for (const row of rows) {
    const unitPath = row.unitPath.join(" > ");
    // Every level of the path must exist: "A", "A > B", "A > B > C" (checked once per unit).
    if (!unitsChecked.has(unitPath)) {
      unitsChecked.add(unitPath);
      for (let depth = 1; depth <= row.unitPath.length; depth++) {
        const path = row.unitPath.slice(0, depth).join(" > ");
        if (!existingUnitPaths.has(path)) unitsToCreate.add(path);
      }
    }
    if (row.isManager) plan.managers.push({ employeeNumber: row.employeeNumber, unitPath });

    const current = byNumber.get(row.employeeNumber);
    if (!current) {
      plan.newEmployees.push(row);
      continue;
    }
    const changes: FieldChange[] = [];
    const compare = (field: FieldChange["field"], from: string | null, to: string | null) => {
      if ((from ?? "") !== (to ?? "")) changes.push({ field, from: from ?? "", to: to ?? "" });
    };
    compare("name", current.name, row.name);
    compare("email", current.email, row.email);
    compare("unit", current.unitPath, unitPath);
    compare("startDate", current.startDate, row.startDate);
    compare("endDate", current.endDate, row.endDate);
    if (changes.length > 0) plan.changed.push({ id: current.id, row, changes });
    else plan.unchanged++;
  }
  plan.unitsToCreate = [...unitsToCreate].sort();

  // The file is the whole roster: active employees missing from it have left today.
  plan.leavers = existing.filter((e) => !inFile.has(e.employeeNumber) && isActive(e, importDate));
  plan.needsLeaverConfirmation = plan.leavers.length > plan.activeBefore * LEAVER_CONFIRMATION_SHARE;
  plan.massLeavers = plan.leavers.length > plan.activeBefore * MASS_LEAVER_SHARE;

  // An e-mail in the file that an employee outside the file still holds cannot be given away.
  const heldOutside = new Map(existing.filter((e) => !inFile.has(e.employeeNumber)).map((e) => [e.email, e]));
  for (const row of rows) {
    const holder = heldOutside.get(row.email);
    if (holder) {
      plan.conflicts.push({
        line: row.line,
        message: `Linje ${row.line}: e-mailen ${row.email} tilhører medarbejder ${holder.employeeNumber}, som ikke står i filen`,
      });
    }
  }
  return plan;
}

/** Whether applying the plan would change anything at all. */
export function planChangesAnything(plan: RosterPlan): boolean {
  return plan.newEmployees.length + plan.changed.length + plan.leavers.length + plan.unitsToCreate.length > 0;
}
