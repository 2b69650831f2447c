// Account administration. Every change to who someone is (role, scope, active) ends all their
// sessions in the same transaction, so the change holds from their very next request.
import { and, asc, eq, or, sql } from "drizzle-orm";
import { type AppTransaction, getDb, schema } from "~/db.server";
import type { Role } from "../../db/schema";

const { userAccount, managerScope, orgUnit, session, employee } = schema;

export interface AccountRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  scopes: { unitId: number; unitName: string }[];
}

/** Every account, or those whose name or e-mail contains `search`. */
export function listAccounts(search?: string): AccountRow[] {
  const db = getDb();
  const term = search?.trim();
  const pattern = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const accounts = db
    .select()
    .from(userAccount)
    .where(
      pattern
        ? or(
            sql`${userAccount.name} LIKE ${pattern} ESCAPE '\\'`,
            sql`${userAccount.email} LIKE ${pattern} ESCAPE '\\'`,
          )
        : undefined,
    )
    .orderBy(asc(userAccount.name))
    .all();
  const scopes = db
    .select({ userId: managerScope.userId, unitId: orgUnit.id, unitName: orgUnit.name })
    .from(managerScope)
    .innerJoin(orgUnit, eq(orgUnit.id, managerScope.orgUnitId))
    .orderBy(asc(orgUnit.name))
    .all();
  return accounts.map((a) => ({
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    active: a.deactivatedAt === null,
    scopes: scopes.filter((s) => s.userId === a.id).map(({ unitId, unitName }) => ({ unitId, unitName })),
  }));
}

/** Runs a change to an account and ends the account's sessions, atomically. */
function changeAccount(userId: number, change: (tx: AppTransaction) => void) {
  getDb().transaction(
    (tx) => {
      change(tx);
      tx.delete(session).where(eq(session.userId, userId)).run();
    },
    { behavior: "immediate" },
  );
}

export function setRole(userId: number, role: Role): void {
  changeAccount(userId, (tx) => {
    tx.update(userAccount).set({ role }).where(eq(userAccount.id, userId)).run();
  });
}

export function setActive(userId: number, active: boolean, now = Date.now()): void {
  changeAccount(userId, (tx) => {
    tx.update(userAccount)
      .set({ deactivatedAt: active ? null : now, deactivatedBy: active ? null : "admin" })
      .where(eq(userAccount.id, userId))
      .run();
  });
}

export function addScope(userId: number, orgUnitId: number): void {
  changeAccount(userId, (tx) => {
    tx.insert(managerScope).values({ userId, orgUnitId }).onConflictDoNothing().run();
  });
}

export function removeScope(userId: number, orgUnitId: number): void {
  changeAccount(userId, (tx) => {
    tx.delete(managerScope)
      .where(and(eq(managerScope.userId, userId), eq(managerScope.orgUnitId, orgUnitId)))
      .run();
  });
}

export function accountExists(userId: number): boolean {
  return (
    getDb().select({ one: sql`1` }).from(userAccount).where(eq(userAccount.id, userId)).get() !== undefined
  );
}

export function getAccount(userId: number) {
  return getDb().select().from(userAccount).where(eq(userAccount.id, userId)).get();
}

/**
 * Creates a login (from the admin page; `npm run create-user` does the same from the command
 * line). Linked to the employee with the same e-mail, if any. Returns null when the e-mail is taken.
 */
export function createAccount(input: {
  email: string;
  name: string;
  role: Role;
  unitIds: number[];
  passwordHash: string | null;
}): { id: number; linkedEmployee: boolean } | null {
  return getDb().transaction(
    (tx) => {
      const email = input.email.toLowerCase();
      const taken = tx
        .select({ id: userAccount.id })
        .from(userAccount)
        .where(eq(userAccount.email, email))
        .get();
      if (taken) return null;
      const person = tx.select({ id: employee.id }).from(employee).where(eq(employee.email, email)).get();
      // An employee already linked to another login stays with it.
      const linked =
        person &&
        !tx
          .select({ id: userAccount.id })
          .from(userAccount)
          .where(eq(userAccount.employeeId, person.id))
          .get()
          ? person
          : undefined;
      const user = tx
        .insert(userAccount)
        .values({
          email,
          name: input.name,
          role: input.role,
          passwordHash: input.passwordHash,
          employeeId: linked?.id ?? null,
          createdAt: Date.now(),
        })
        .returning({ id: userAccount.id })
        .get();
      for (const orgUnitId of input.unitIds)
        tx.insert(managerScope).values({ userId: user.id, orgUnitId }).run();
      return { id: user.id, linkedEmployee: linked !== undefined };
    },
    { behavior: "immediate" },
  );
}
