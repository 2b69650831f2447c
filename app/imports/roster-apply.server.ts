// Applies a roster plan in one IMMEDIATE transaction: units, employees, leavers, manager scopes,
// and the sessions of leavers and of managers whose units changed. All or nothing.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { refreshKeptStatus } from "~/compliance/kept-status.server";
import { labelUnits } from "~/compliance/units.server";
import { type AppTransaction, getDb, schema } from "~/db.server";
import type { RosterPlan, RosterSnapshotEmployee } from "./roster-plan";

const { employee, orgUnit, userAccount, managerScope, session } = schema;

/** Every employee with their unit path label, and every unit path: what the plan compares with. */
export function loadRosterSnapshot(): { employees: RosterSnapshotEmployee[]; unitPaths: Set<string> } {
  const db = getDb();
  const labels = labelUnits(db.select().from(orgUnit).all());
  // Row by row into the snapshot's own objects, with one string per distinct date: a national
  // roster compares with 500,000 employees, and a full drizzle row each plus its copy was twice that.
  const days = new Map<string, string>();
  const day = (value: string) => {
    const known = days.get(value);
    if (known !== undefined) return known;
    days.set(value, value);
    return value;
  };
  const rows = db.$client
    .prepare(
      "select id, employee_number, name, email, org_unit_id, start_date, end_date from employee order by id",
    )
    .raw()
    .iterate() as IterableIterator<[number, string, string, string, number, string, string | null]>;
  const employees: RosterSnapshotEmployee[] = [];
  for (const [id, employeeNumber, name, email, unitId, startDate, endDate] of rows) {
    employees.push({
      id,
      employeeNumber,
      name,
      email,
      unitPath: labels.get(unitId) ?? "",
      startDate: day(startDate),
      endDate: endDate === null ? null : day(endDate),
    });
  }
  return { employees, unitPaths: new Set(labels.values()) };
}

/**
 * A plan that would end the login of the last active admin, or the last active HR login, could
 * lock everybody out of putting it right: the Danish reason it is refused, or null.
 */
export function rosterLockout(plan: RosterPlan, db: Pick<AppTransaction, "select"> = getDb()): string | null {
  const leaving = new Set(plan.leavers.map((l) => l.id));
  if (leaving.size === 0) return null;
  const accounts = db
    .select({ role: userAccount.role, name: userAccount.name, employeeId: userAccount.employeeId })
    .from(userAccount)
    .where(and(inArray(userAccount.role, ["admin", "hr"]), isNull(userAccount.deactivatedAt)))
    .all();
  for (const role of ["admin", "hr"] as const) {
    const active = accounts.filter((a) => a.role === role);
    const staying = active.filter((a) => a.employeeId === null || !leaving.has(a.employeeId));
    if (active.length > 0 && staying.length === 0) {
      const names = active.map((a) => a.name).join(", ");
      const who = role === "admin" ? "administrator" : "HR-bruger";
      return `Personalelisten er ikke indlæst: den ville lukke login for den sidste aktive ${who} (${names}), og så kan ingen logge ind og rette det. Tjek, at filen er hele personalelisten, eller giv først en anden person rollen.`;
    }
  }
  return null;
}

export interface RosterApplyResult {
  created: number;
  updated: number;
  leavers: number;
  /** Logins the roster had ended, opened again because the person is back on it. */
  loginsReactivated: number;
  unitsCreated: number;
  managerScopesChanged: number;
  sessionsEnded: number;
}

export function applyRosterPlan(plan: RosterPlan, now = Date.now()): RosterApplyResult {
  return getDb().transaction((tx) => applyInTransaction(tx, plan, now), { behavior: "immediate" });
}

function applyInTransaction(tx: AppTransaction, plan: RosterPlan, now: number): RosterApplyResult {
  // Checked again inside the transaction: accounts may have changed since the preview.
  const lockout = rosterLockout(plan, tx);
  if (lockout) throw new RosterLockoutError(lockout);
  const units = tx.select().from(orgUnit).all();
  const labels = labelUnits(units);
  const unitIdByPath = new Map([...labels].map(([id, label]) => [label, id]));
  const pathById = new Map(units.map((u) => [u.id, u.path]));

  // Units: parents first (the plan's paths are sorted, so "A" comes before "A > B").
  for (const label of plan.unitsToCreate) {
    if (unitIdByPath.has(label)) continue;
    const parts = label.split(" > ");
    const name = parts.at(-1) ?? label;
    const parentId = parts.length > 1 ? (unitIdByPath.get(parts.slice(0, -1).join(" > ")) ?? null) : null;
    const row = tx
      .insert(orgUnit)
      .values({ name, parentId, path: `ny:${label}` })
      .returning({ id: orgUnit.id })
      .get();
    const path = `${parentId === null ? "/" : pathById.get(parentId)}${row.id}/`;
    tx.update(orgUnit).set({ path }).where(eq(orgUnit.id, row.id)).run();
    unitIdByPath.set(label, row.id);
    pathById.set(row.id, path);
  }
  const unitIdOf = (unitPath: string[]) => {
    const id = unitIdByPath.get(unitPath.join(" > "));
    if (id === undefined) throw new Error(`Enheden ${unitPath.join(" > ")} blev ikke oprettet`);
    return id;
  };

  // Changed e-mails go through a placeholder first, so two employees can swap addresses.
  const emailChanges = plan.changed.filter((c) => c.changes.some((ch) => ch.field === "email"));
  for (const c of emailChanges) {
    tx.update(employee)
      .set({ email: `skifter-${c.id}@import.invalid` })
      .where(eq(employee.id, c.id))
      .run();
  }
  for (const c of plan.changed) {
    tx.update(employee)
      .set({
        name: c.row.name,
        email: c.row.email,
        orgUnitId: unitIdOf(c.row.unitPath),
        startDate: c.row.startDate,
        endDate: c.row.endDate,
      })
      .where(eq(employee.id, c.id))
      .run();
  }
  const touched = new Set<number>(plan.changed.map((c) => c.id));
  for (const row of plan.newEmployees) {
    const inserted = tx
      .insert(employee)
      .values({
        employeeNumber: row.employeeNumber,
        name: row.name,
        email: row.email,
        orgUnitId: unitIdOf(row.unitPath),
        startDate: row.startDate,
        endDate: row.endDate,
      })
      .returning({ id: employee.id })
      .get();
    touched.add(inserted.id);
  }

  // Leavers keep their records; their end date is the import date and their logins stop.
  let sessionsEnded = 0;
  const leaverIds = plan.leavers.map((l) => l.id);
  for (let i = 0; i < leaverIds.length; i += 500) {
    const chunk = leaverIds.slice(i, i + 500);
    tx.update(employee).set({ endDate: plan.importDate }).where(inArray(employee.id, chunk)).run();
    const accounts = tx
      .select({ id: userAccount.id })
      .from(userAccount)
      .where(inArray(userAccount.employeeId, chunk))
      .all()
      .map((a) => a.id);
    if (accounts.length > 0) {
      tx.update(userAccount)
        .set({ deactivatedAt: now, deactivatedBy: "roster" })
        .where(and(inArray(userAccount.id, accounts), isNull(userAccount.deactivatedAt)))
        .run();
      sessionsEnded += tx.delete(session).where(inArray(session.userId, accounts)).run().changes;
    }
  }

  for (const id of leaverIds) touched.add(id);
  // Unit moves, new hires, changed dates and leavers change the kept status in this transaction.
  refreshKeptStatus(tx, touched);

  const loginsReactivated = reactivateReturning(tx, plan);
  const scopes = syncRosterManagers(tx, plan, unitIdOf, now);
  sessionsEnded += scopes.sessionsEnded;

  return {
    created: plan.newEmployees.length,
    updated: plan.changed.length,
    leavers: plan.leavers.length,
    loginsReactivated,
    unitsCreated: plan.unitsToCreate.length,
    managerScopesChanged: scopes.changed,
    sessionsEnded,
  };
}

export class RosterLockoutError extends Error {}

/**
 * People on the roster again (and not leaving) get back the login the roster ended; a login an
 * admin deactivated stays closed.
 */
function reactivateReturning(tx: AppTransaction, plan: RosterPlan): number {
  const rows = [...plan.newEmployees, ...plan.changed.map((c) => c.row)];
  const returning = rows
    .filter((r) => r.endDate === null || r.endDate > plan.importDate)
    .map((r) => r.employeeNumber);
  let reactivated = 0;
  for (let i = 0; i < returning.length; i += 500) {
    const ids = tx
      .select({ id: employee.id })
      .from(employee)
      .where(inArray(employee.employeeNumber, returning.slice(i, i + 500)))
      .all()
      .map((e) => e.id);
    if (ids.length === 0) continue;
    reactivated += tx
      .update(userAccount)
      .set({ deactivatedAt: null, deactivatedBy: null })
      .where(and(inArray(userAccount.employeeId, ids), eq(userAccount.deactivatedBy, "roster")))
      .run().changes;
  }
  return reactivated;
}

/**
 * The Leder column decides the roster-given scopes: each manager gets exactly the units of their
 * rows. A manager without a login gets one (to sign in by single sign-on later); a manager whose
 * units changed must sign in again; one who lost every unit becomes an employee.
 */
function syncRosterManagers(
  tx: AppTransaction,
  plan: RosterPlan,
  unitIdOf: (path: string[]) => number,
  now: number,
): { changed: number; sessionsEnded: number } {
  const wanted = new Map<number, Set<number>>(); // employee id → unit ids
  const employeeIds = new Map(
    tx
      .select({ id: employee.id, number: employee.employeeNumber })
      .from(employee)
      .all()
      .map((e) => [e.number, e.id]),
  );
  for (const m of plan.managers) {
    const employeeId = employeeIds.get(m.employeeNumber);
    if (employeeId === undefined) continue;
    const set = wanted.get(employeeId) ?? new Set<number>();
    set.add(unitIdOf(m.unitPath.split(" > ")));
    wanted.set(employeeId, set);
  }

  const current = new Map<number, { userId: number; role: string; units: Set<number> }>();
  for (const row of tx
    .select({
      userId: userAccount.id,
      role: userAccount.role,
      employeeId: userAccount.employeeId,
      unitId: managerScope.orgUnitId,
      source: managerScope.source,
    })
    .from(userAccount)
    .leftJoin(managerScope, eq(managerScope.userId, userAccount.id))
    .all()) {
    if (row.employeeId === null) continue;
    const entry = current.get(row.employeeId) ?? {
      userId: row.userId,
      role: row.role,
      units: new Set<number>(),
    };
    if (row.unitId !== null && row.source === "roster") entry.units.add(row.unitId);
    current.set(row.employeeId, entry);
  }

  let changed = 0;
  let sessionsEnded = 0;
  const employeesToCheck = new Set([
    ...wanted.keys(),
    ...[...current].filter(([, c]) => c.units.size > 0).map(([id]) => id),
  ]);
  for (const employeeId of employeesToCheck) {
    const want = wanted.get(employeeId) ?? new Set<number>();
    let account = current.get(employeeId);
    const same = account && account.units.size === want.size && [...want].every((u) => account?.units.has(u));
    if (same) continue;
    changed++;

    if (!account) {
      const person = tx.select().from(employee).where(eq(employee.id, employeeId)).get();
      if (!person) continue;
      const existingByEmail = tx.select().from(userAccount).where(eq(userAccount.email, person.email)).get();
      if (existingByEmail) {
        tx.update(userAccount).set({ employeeId }).where(eq(userAccount.id, existingByEmail.id)).run();
        account = { userId: existingByEmail.id, role: existingByEmail.role, units: new Set() };
      } else {
        const created = tx
          .insert(userAccount)
          .values({ email: person.email, name: person.name, role: "manager", employeeId, createdAt: now })
          .returning({ id: userAccount.id })
          .get();
        account = { userId: created.id, role: "manager", units: new Set() };
      }
    }
    tx.delete(managerScope)
      .where(and(eq(managerScope.userId, account.userId), eq(managerScope.source, "roster")))
      .run();
    for (const unitId of want) {
      tx.insert(managerScope)
        .values({ userId: account.userId, orgUnitId: unitId, source: "roster" })
        .onConflictDoUpdate({
          target: [managerScope.userId, managerScope.orgUnitId],
          set: { source: "roster" },
        })
        .run();
    }
    if (want.size > 0 && account.role === "employee") {
      tx.update(userAccount).set({ role: "manager" }).where(eq(userAccount.id, account.userId)).run();
    }
    if (want.size === 0 && account.role === "manager") {
      const manual = tx.select().from(managerScope).where(eq(managerScope.userId, account.userId)).all();
      if (manual.length === 0) {
        tx.update(userAccount).set({ role: "employee" }).where(eq(userAccount.id, account.userId)).run();
      }
    }
    sessionsEnded += tx.delete(session).where(eq(session.userId, account.userId)).run().changes;
  }
  return { changed, sessionsEnded };
}
