// Playwright fixtures for the people a test needs: each test that asks for `employee`, `manager`,
// `hr` or `admin` gets a person of its own (a unique name, a login) created before it runs and
// removed after, so a test that changes someone never changes what another test (or the demo)
// relies on. Use `test` and `expect` from here instead of from @playwright/test.
import { test as base } from "@playwright/test";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { eraseAccounts, erasePeople } from "../app/privacy/retention.server";
import * as schema from "../db/schema";
import { createTestAccount, createTestEmployee, e2eDb, unitId } from "./helpers";

export { expect } from "@playwright/test";

export interface TestLogin {
  email: string;
  password: string;
  name: string;
}

export interface TestEmployee extends TestLogin {
  employeeId: number;
}

/** A manager of a new unit of their own, which holds one employee (`staff`). */
export interface TestManager extends TestLogin {
  unit: { id: number; name: string };
  staff: TestEmployee;
}

let unitCounter = 0;

/** A new unit under `parentName` (a demo unit), named uniquely for this test. */
function createTestUnit(parentName: string): { id: number; name: string } {
  unitCounter++;
  const name = `E2E-enhed ${process.pid}-${unitCounter}-${Date.now()}`;
  const db = e2eDb();
  try {
    const parent = db.prepare("select id, path from org_unit where id = ?").get(unitId(parentName)) as {
      id: number;
      path: string;
    };
    const id = Number(
      db
        .prepare("insert into org_unit (parent_id, name, path) values (?, ?, ?)")
        .run(parent.id, name, `${parent.path}ny-${name}/`).lastInsertRowid,
    );
    db.prepare("update org_unit set path = ? where id = ?").run(`${parent.path}${id}/`, id);
    return { id, name };
  } finally {
    db.close();
  }
}

function accountId(db: Database.Database, email: string): number {
  return (db.prepare("select id from user_account where email = ?").get(email) as { id: number }).id;
}

/** Removes the test's people as the retention job does: their rows deleted, their logins anonymised. */
function removeTestPeople(input: { employeeIds?: number[]; emails?: string[] }) {
  const sqlite = e2eDb();
  try {
    const accountIds = (input.emails ?? []).map((email) => accountId(sqlite, email));
    drizzle(sqlite, { schema }).transaction(
      (tx) => {
        erasePeople(tx, input.employeeIds ?? [], Date.now());
        eraseAccounts(tx, accountIds, Date.now());
      },
      { behavior: "immediate" },
    );
  } finally {
    sqlite.close();
  }
}

export const test = base.extend<{
  employee: TestEmployee;
  manager: TestManager;
  hr: TestLogin;
  admin: TestLogin;
}>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture uses from this pattern.
  employee: async ({}, use) => {
    const person = await createTestEmployee();
    await use(person);
    removeTestPeople({ employeeIds: [person.employeeId] });
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  manager: async ({}, use) => {
    const unit = createTestUnit("Hjemmeplejen Nord");
    const staff = await createTestEmployee(unit.name);
    const login = await createTestAccount("manager");
    const db = e2eDb();
    try {
      db.prepare("insert into manager_scope (user_id, org_unit_id, source) values (?, ?, 'manual')").run(
        accountId(db, login.email),
        unit.id,
      );
    } finally {
      db.close();
    }
    await use({ ...login, unit, staff });
    removeTestPeople({ employeeIds: [staff.employeeId], emails: [login.email] });
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  hr: async ({}, use) => {
    const login = await createTestAccount("hr");
    await use(login);
    removeTestPeople({ emails: [login.email] });
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  admin: async ({}, use) => {
    const login = await createTestAccount("admin");
    await use(login);
    removeTestPeople({ emails: [login.email] });
  },
});
