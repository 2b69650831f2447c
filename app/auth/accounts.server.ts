// Account administration. Every change to who someone is (role, scope, active) ends all their
// sessions in the same transaction, so the change holds from their very next request.
import { and, asc, eq, sql } from "drizzle-orm";
import { type AppTransaction, getDb, schema } from "~/db.server";
import type { Role } from "../../db/schema";

const { userAccount, managerScope, orgUnit, session } = schema;

export interface AccountRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  scopes: { unitId: number; unitName: string }[];
}

export function listAccounts(): AccountRow[] {
  const db = getDb();
  const accounts = db.select().from(userAccount).orderBy(asc(userAccount.name)).all();
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
