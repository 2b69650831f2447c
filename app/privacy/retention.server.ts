// Retention: the personal records of employees who left more than a set period ago are deleted
// (hard delete, not a flag), keeping only anonymous counts in retention_run. Logins they had are
// anonymised rather than deleted, because the audit trail of what they did refers to them.
import { and, eq, inArray, isNotNull, lt, or } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { addMonthsToDay, type Day } from "~/compliance/day";
import { refreshKeptStatus } from "~/compliance/kept-status.server";
import { type AppTransaction, getDb, schema } from "~/db.server";
import { config } from "~/env.server";

const {
  employee,
  completion,
  exemption,
  quizAttempt,
  moduleProgress,
  attestation,
  selfReportedCourse,
  auditEvent,
  userAccount,
  managerScope,
  session,
  retentionRun,
  siteSetting,
  annulment,
  aiSuperUser,
} = schema;

const AUDIT_GATE = "audit_retention_gate";

export interface RetentionResult {
  leftBefore: Day;
  employees: number;
  completions: number;
  otherRows: number;
}

export function runRetention(input: {
  today: Day;
  months?: number;
  dryRun?: boolean;
  now?: number;
}): RetentionResult {
  const leftBefore = addMonthsToDay(input.today, -(input.months ?? config().retentionMonths));
  return getDb().transaction(
    (tx) => {
      const ids = tx
        .select({ id: employee.id })
        .from(employee)
        .where(and(isNotNull(employee.endDate), lt(employee.endDate, leftBefore)))
        .all()
        .map((e) => e.id);
      const result: RetentionResult = { leftBefore, employees: ids.length, completions: 0, otherRows: 0 };
      for (let i = 0; i < ids.length; i += 500) {
        const removed = erasePeople(tx, ids.slice(i, i + 500), input.now ?? Date.now(), input.dryRun);
        result.completions += removed.completions;
        result.otherRows += removed.otherRows;
      }
      if (!input.dryRun) {
        tx.insert(retentionRun)
          .values({
            ranAt: input.now ?? Date.now(),
            leftBefore,
            employeesRemoved: result.employees,
            completionsRemoved: result.completions,
            otherRowsRemoved: result.otherRows,
          })
          .run();
      }
      return result;
    },
    { behavior: "immediate" },
  );
}

/**
 * Deletes everything about these employees and anonymises their logins (or, dry, only counts
 * it): the retention run's work for each batch, and the e2e fixtures' clean-up of their people.
 */
export function erasePeople(
  tx: AppTransaction,
  ids: number[],
  now: number,
  dryRun = false,
): { completions: number; otherRows: number } {
  // Annulments point at the completions and exemptions, so they go first.
  const result = { completions: 0, otherRows: annulmentsOf(tx, ids, dryRun) };
  result.completions += countOrDelete(tx, completion, completion.employeeId, ids, dryRun);
  for (const [table, column] of [
    [exemption, exemption.employeeId],
    [quizAttempt, quizAttempt.employeeId],
    [moduleProgress, moduleProgress.employeeId],
    [attestation, attestation.employeeId],
    [selfReportedCourse, selfReportedCourse.employeeId],
    [aiSuperUser, aiSuperUser.employeeId],
  ] as const) {
    result.otherRows += countOrDelete(tx, table, column, ids, dryRun);
  }
  if (!dryRun) {
    deletePerson(tx, ids, now, result);
    refreshKeptStatus(tx, ids); // the people are gone, so are their kept rows
  }
  return result;
}

function countOrDelete(
  tx: AppTransaction,
  table: SQLiteTable,
  column: AnySQLiteColumn,
  ids: number[],
  dryRun = false,
): number {
  if (dryRun) return tx.select({ id: column }).from(table).where(inArray(column, ids)).all().length;
  return tx.delete(table).where(inArray(column, ids)).run().changes;
}

function annulmentsOf(tx: AppTransaction, ids: number[], dryRun = false): number {
  const where = or(
    inArray(
      annulment.completionId,
      tx.select({ id: completion.id }).from(completion).where(inArray(completion.employeeId, ids)),
    ),
    inArray(
      annulment.exemptionId,
      tx.select({ id: exemption.id }).from(exemption).where(inArray(exemption.employeeId, ids)),
    ),
  );
  if (dryRun) return tx.select({ id: annulment.id }).from(annulment).where(where).all().length;
  return tx.delete(annulment).where(where).run().changes;
}

function deletePerson(tx: AppTransaction, ids: number[], now: number, result: { otherRows: number }) {
  // The lookups on a person are that person's data too (Datatilsynet 2024-32-0283): they go,
  // through the gate that is the only way past the audit table's delete trigger.
  tx.insert(siteSetting)
    .values({ key: AUDIT_GATE, value: "open" })
    .onConflictDoUpdate({ target: siteSetting.key, set: { value: "open" } })
    .run();
  result.otherRows += tx.delete(auditEvent).where(inArray(auditEvent.targetEmployeeId, ids)).run().changes;
  tx.update(siteSetting).set({ value: "closed" }).where(eq(siteSetting.key, AUDIT_GATE)).run();

  const accounts = tx
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(inArray(userAccount.employeeId, ids))
    .all();
  eraseAccounts(
    tx,
    accounts.map((a) => a.id),
    now,
  );
  tx.delete(employee).where(inArray(employee.id, ids)).run();
}

/** Logins lose their sessions, scopes, name and address; the row stays for the audit's actor. */
export function eraseAccounts(tx: AppTransaction, accountIds: number[], now: number) {
  for (const id of accountIds) {
    tx.delete(session).where(eq(session.userId, id)).run();
    tx.delete(managerScope).where(eq(managerScope.userId, id)).run();
    tx.update(userAccount)
      .set({
        email: `slettet-${id}@slettet.invalid`,
        name: "Slettet bruger",
        employeeId: null,
        passwordHash: null,
        deactivatedAt: now,
      })
      .where(eq(userAccount.id, id))
      .run();
  }
}
