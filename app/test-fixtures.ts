// Small builders for tests that need rows in the (in-memory) database.
import { eq } from "drizzle-orm";
import { refreshKeptStatus } from "~/compliance/kept-status.server";
import { type AppDatabase, openDatabase, setThreadConnection } from "~/db.server";
import { employee, orgUnit, type Role, userAccount } from "../db/schema";

/**
 * Gives the calling test a new, empty, migrated in-memory database as the one every module uses
 * (`getDb()`), so the test neither sees nor leaves rows of another (call it in `beforeEach`).
 */
export function useFreshDatabase(): AppDatabase {
  const db = openDatabase(":memory:");
  setThreadConnection(db);
  return db;
}

export function createUnit(db: AppDatabase, name: string, parent?: { id: number; path: string }) {
  const row = db
    .insert(orgUnit)
    .values({ name, parentId: parent?.id ?? null, path: `tmp-${name}-${Math.random()}` })
    .returning()
    .get();
  const path = `${parent?.path ?? "/"}${row.id}/`;
  db.update(orgUnit).set({ path }).where(eq(orgUnit.id, row.id)).run();
  return { ...row, path };
}

let employeeCounter = 0;

export function createEmployee(
  db: AppDatabase,
  unit: { id: number },
  fields: Partial<typeof employee.$inferInsert> = {},
) {
  employeeCounter++;
  const row = db
    .insert(employee)
    .values({
      employeeNumber: `T${employeeCounter}`,
      name: `Testperson ${employeeCounter}`,
      email: `test${employeeCounter}@albertslund.test`,
      orgUnitId: unit.id,
      startDate: "2020-01-01",
      ...fields,
    })
    .returning()
    .get();
  // As every write path of the app does: the person's kept status follows the change.
  refreshKeptStatus(db, [row.id]);
  return row;
}

export function createAccount(
  db: AppDatabase,
  role: Role,
  fields: Partial<typeof userAccount.$inferInsert> = {},
) {
  employeeCounter++;
  return db
    .insert(userAccount)
    .values({
      email: `konto${employeeCounter}@albertslund.test`,
      name: `Konto ${employeeCounter}`,
      role,
      createdAt: Date.now(),
      ...fields,
    })
    .returning()
    .get();
}
