// Danish lines describing a roster plan, for the command's output (the web preview has its own page).
import type { RosterPlan } from "./roster-plan";

export function describeRosterPlan(plan: RosterPlan, rowCount: number): string[] {
  return [
    `${rowCount} medarbejdere i filen.`,
    `Nye: ${plan.newEmployees.length}. Ændrede: ${plan.changed.length}. Uændrede: ${plan.unchanged}.`,
    `Fratrådte (står ikke i filen): ${plan.leavers.length} af ${plan.activeBefore} aktive.`,
    `Nye enheder: ${plan.unitsToCreate.length}${plan.unitsToCreate.length > 0 ? ` (${plan.unitsToCreate.slice(0, 5).join("; ")}${plan.unitsToCreate.length > 5 ? "; …" : ""})` : ""}.`,
  ];
}
