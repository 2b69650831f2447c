// The roster can neither lock the site out nor keep a returning person out.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { setActive } from "~/auth/accounts.server";
import { getDb, schema } from "~/db.server";
import { useFreshDatabase } from "~/test-fixtures";
import { prepareRosterImport } from "./import.server";
import { applyRosterPlan } from "./roster-apply.server";

const HEADER = "Medarbejdernr;Navn;Email;Enhed;Startdato";
const people = Array.from(
  { length: 20 },
  (_, i) => `${3000 + i};Person ${i};p${i}@test.dk;Vagt > Hold;01-01-2020`,
);
const file = (lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\n"));

async function plan(lines: string[], day: string) {
  const prepared = await prepareRosterImport(file(lines), "liste.csv", day);
  return prepared;
}

function login(employeeNumber: string, role: "admin" | "hr" | "employee") {
  const db = getDb();
  const person = db
    .select()
    .from(schema.employee)
    .where(eq(schema.employee.employeeNumber, employeeNumber))
    .get();
  return db
    .insert(schema.userAccount)
    .values({
      email: `${role}-${employeeNumber}@test.dk`,
      name: `Login ${employeeNumber}`,
      role,
      employeeId: person?.id,
      createdAt: 1,
    })
    .returning()
    .get();
}

const account = (id: number) =>
  getDb().select().from(schema.userAccount).where(eq(schema.userAccount.id, id)).get();

describe("roster guards", { timeout: 60_000 }, () => {
  // Each test imports the 20 people itself, into a database of its own.
  beforeEach(async () => {
    useFreshDatabase();
    const first = await plan(people, "2026-01-05");
    if (!first.ok) throw new Error(first.errors.join("\n"));
    applyRosterPlan(first.plan);
  });

  it("refuses to end the last admin's or HR login, and reopens logins the roster ended", async () => {
    const admin = login("3000", "admin");
    const hr = login("3001", "hr");
    const worker = login("3002", "employee");
    const blocked = login("3003", "employee");
    setActive(blocked.id, false);

    // Without the admin's row: refused with the reason, nothing written.
    const withoutAdmin = await plan(people.slice(1), "2026-01-06");
    expect(withoutAdmin.ok).toBe(false);
    if (!withoutAdmin.ok)
      expect(withoutAdmin.errors[0]).toContain("den sidste aktive administrator (Login 3000)");
    const withoutHr = await plan([people[0] as string, ...people.slice(2)], "2026-01-06");
    if (withoutHr.ok) throw new Error("expected a refusal");
    expect(withoutHr.errors[0]).toContain("den sidste aktive HR-bruger");

    // A second admin who stays makes it safe.
    login("3004", "admin");
    const withSecondAdmin = await plan(people.slice(1), "2026-01-06");
    expect(withSecondAdmin.ok).toBe(true);

    // 3002 and 3003 leave: both logins are closed, by the roster and by the admin respectively.
    const leaving = await plan(
      people.filter((_, i) => i !== 2 && i !== 3),
      "2026-01-07",
    );
    if (!leaving.ok) throw new Error(leaving.errors.join("\n"));
    applyRosterPlan(leaving.plan);
    expect(account(worker.id)).toMatchObject({ deactivatedBy: "roster" });
    expect(account(worker.id)?.deactivatedAt).not.toBeNull();

    // Back on the roster: the login the roster ended opens again, the one an admin closed does not.
    const back = await plan(people, "2026-01-08");
    if (!back.ok) throw new Error(back.errors.join("\n"));
    expect(applyRosterPlan(back.plan).loginsReactivated).toBe(1);
    expect(account(worker.id)).toMatchObject({ deactivatedAt: null, deactivatedBy: null });
    expect(account(blocked.id)).toMatchObject({ deactivatedBy: "admin" });
    expect(account(blocked.id)?.deactivatedAt).not.toBeNull();
    expect(account(admin.id)?.deactivatedAt).toBeNull();
    expect(account(hr.id)?.deactivatedAt).toBeNull();
  });

  it("marks more than 10 % leaving for confirmation and more than half as mass leavers", async () => {
    const eleven = await plan(people.slice(0, 17), "2026-02-01"); // 3 of 20 = 15 %
    if (!eleven.ok) throw new Error(eleven.errors.join("\n"));
    expect(eleven.plan).toMatchObject({ needsLeaverConfirmation: true, massLeavers: false });
    const most = await plan(people.slice(0, 9), "2026-02-01"); // 11 of 20 = 55 %
    if (!most.ok) throw new Error(most.errors.join("\n"));
    expect(most.plan).toMatchObject({ needsLeaverConfirmation: true, massLeavers: true });
  });
});
