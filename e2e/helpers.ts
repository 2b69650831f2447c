import { createServer } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { hash } from "@node-rs/argon2";
import { expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { refreshKeptStatus } from "../app/compliance/kept-status.server";
import * as schema from "../db/schema";

export const DEMO_PASSWORD = "albertslund2025";
export const DEMO = {
  employee: "medarbejder@albertslund.test",
  manager: "leder@albertslund.test",
  hr: "hr@albertslund.test",
  admin: "admin@albertslund.test",
} as const;

/** Direct access to the e2e database, for setting up and checking what the UI cannot show. */
export function e2eDb() {
  return new Database("db/e2e.db");
}

/**
 * After a test writes roster, completion or exemption rows straight into the database: refreshes
 * those people's kept status, as every write path of the app does in its own transaction.
 */
export function refreshKeptStatusOf(...employeeIds: number[]) {
  const sqlite = e2eDb();
  try {
    drizzle(sqlite, { schema }).transaction((tx) => refreshKeptStatus(tx, employeeIds), {
      behavior: "immediate",
    });
  } finally {
    sqlite.close();
  }
}

/** Submits the login form; the caller checks the outcome. */
export async function attemptLogIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
}

/** Logs in and waits until the site shows the signed-in header. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await attemptLogIn(page, email, password);
  await expect(page.getByRole("button", { name: "Log ud" })).toBeVisible();
}

/** Waits until React has hydrated the page (the layout marks it after every first effect). */
export async function waitForHydration(page: Page) {
  // A loaded 2-core CI machine can take several seconds to hydrate; this waits for the mark, not for time.
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 15_000 });
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log ud" }).click();
  await expect(page.getByRole("heading", { name: "Log ind" })).toBeVisible();
}

export function unitId(name: string): number {
  const db = e2eDb();
  try {
    const row = db.prepare("select id from org_unit where name = ?").get(name) as { id: number } | undefined;
    if (!row) throw new Error(`No unit named ${name}`);
    return row.id;
  } finally {
    db.close();
  }
}

let accountCounter = 0;

/** A fresh account of its own for a test that changes it, so tests never share state. */
export async function createTestAccount(
  role: "employee" | "manager" | "hr" | "admin",
  password = "test-adgangskode-123",
) {
  accountCounter++;
  const suffix = `${process.pid}-${accountCounter}`;
  const email = `e2e-${role}-${suffix}-${Date.now()}@albertslund.test`;
  const name = `Testbruger ${suffix}`;
  const passwordHash = await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const db = e2eDb();
  try {
    db.prepare(
      "insert into user_account (email, name, role, password_hash, created_at) values (?, ?, ?, ?, ?)",
    ).run(email, name, role, passwordHash, Date.now());
  } finally {
    db.close();
  }
  return { email, password, name };
}

/** Fails on any WCAG 2.1 A/AA violation axe can find on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** No horizontal scrolling: the page reflows to the viewport width. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A fresh employee on the roster with a login of their own, for tests that take courses. */
export async function createTestEmployee(unitName = "Hjemmeplejen Nord", password = "test-adgangskode-123") {
  const account = await createTestAccount("employee", password);
  const db = e2eDb();
  try {
    const unit = unitId(unitName);
    const number = `E2E${Date.now()}${accountCounter}${process.pid}`;
    const row = db
      .prepare(
        "insert into employee (employee_number, name, email, org_unit_id, start_date) values (?, ?, ?, ?, ?) returning id",
      )
      .get(number, account.name, account.email, unit, "2022-01-01") as { id: number };
    db.prepare("update user_account set employee_id = ? where email = ?").run(row.id, account.email);
    refreshKeptStatusOf(row.id);
    return { ...account, employeeId: row.id };
  } finally {
    db.close();
  }
}

/** Today in Denmark, as the site counts days (the test machine may run on UTC). */
export function danishToday(): Date {
  const [y, m, d] = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" })
    .format(new Date())
    .split("-")
    .map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** A port nobody listens on now (the OS picks it), so parallel runs and other servers never clash. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}
