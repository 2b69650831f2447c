// Who may sign in: the roster decides. One place for both ways in without a password (single
// sign-on and the e-mail link): an active employee on the roster gets an employee account on the
// first sign-in; leavers (end date on or before today) and people not on the roster get none.
import { and, eq, isNull } from "drizzle-orm";
import { today } from "~/compliance/day";
import type { AppTransaction } from "~/db.server";
import { schema } from "~/db.server";

const { employee, userAccount } = schema;

export type RosterEmployee = typeof employee.$inferSelect;

/** Left on or before today (in Denmark). */
export function hasLeft(e: Pick<RosterEmployee, "endDate">, now = Date.now()): boolean {
  return e.endDate !== null && e.endDate <= today(new Date(now));
}

export type AccountOutcome = { ok: true; userId: number } | { ok: false; reason: "left" | "closed" };

/**
 * The account of a roster employee, created (role employee) if they have none. A login created
 * by `npm run create-user` with the same e-mail and no employee yet is linked instead. Must run
 * inside the caller's IMMEDIATE transaction.
 */
export function accountForEmployee(
  tx: AppTransaction,
  person: RosterEmployee,
  now = Date.now(),
): AccountOutcome {
  if (hasLeft(person, now)) return { ok: false, reason: "left" };
  const existing =
    tx.select().from(userAccount).where(eq(userAccount.employeeId, person.id)).get() ??
    tx
      .select()
      .from(userAccount)
      .where(and(eq(userAccount.email, person.email), isNull(userAccount.employeeId)))
      .get();
  if (existing) {
    if (existing.deactivatedAt !== null) return { ok: false, reason: "closed" };
    if (existing.employeeId === null) {
      tx.update(userAccount).set({ employeeId: person.id }).where(eq(userAccount.id, existing.id)).run();
    }
    return { ok: true, userId: existing.id };
  }
  const created = tx
    .insert(userAccount)
    .values({
      email: person.email,
      name: person.name,
      role: "employee",
      employeeId: person.id,
      createdAt: now,
    })
    .returning({ id: userAccount.id })
    .get();
  return { ok: true, userId: created.id };
}
