// The rows the status rule reads: a person's completions and exemptions. Rows HR has annulled
// count as if they never were, so queries that feed the rule filter with the conditions here (the
// history page shows annulled rows too, and passes `annulled` to the rule instead).
import type Database from "better-sqlite3";
import { and, type SQL, sql } from "drizzle-orm";
import type { BaseSQLiteDatabase, SQLiteColumn } from "drizzle-orm/sqlite-core";
import { schema } from "~/db.server";
import { inputKey } from "./people-data";

const { completion, exemption, annulment } = schema;

/** The database or a transaction on it (both are synchronous with better-sqlite3). */
type Db = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;
/** Which employees: a condition on a table's employee id column. */
export type EmployeeIdCondition = (employeeId: SQLiteColumn) => SQL | undefined;

export const notAnnulledCompletion = sql`NOT EXISTS (SELECT 1 FROM ${annulment} WHERE ${annulment.completionId} = ${completion.id})`;
export const notAnnulledExemption = sql`NOT EXISTS (SELECT 1 FROM ${annulment} WHERE ${annulment.exemptionId} = ${exemption.id})`;

/** The valid completions of the employees `who` selects (run it with `.all()`, or `.prepare()` it). */
export function selectCompletionInputs(db: Db, who: EmployeeIdCondition) {
  return db
    .select({
      employeeId: completion.employeeId,
      courseId: completion.courseId,
      completedOn: completion.completedOn,
      courseVersion: completion.courseVersion,
    })
    .from(completion)
    .where(and(who(completion.employeeId), notAnnulledCompletion));
}

/** The valid exemptions of the employees `who` selects. */
export function selectExemptionInputs(db: Db, who: EmployeeIdCondition) {
  return db
    .select({
      employeeId: exemption.employeeId,
      courseId: exemption.courseId,
      validFrom: exemption.validFrom,
      validUntil: exemption.validUntil,
    })
    .from(exemption)
    .where(and(who(exemption.employeeId), notAnnulledExemption));
}

/** Rows by "employeeId:courseId", the key the status rule's callers look them up by. */
export function byEmployeeAndCourse<T extends { employeeId: number; courseId: number }>(
  rows: Iterable<T>,
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = inputKey(row.employeeId, row.courseId);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}
