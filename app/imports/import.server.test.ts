import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { getDb, schema } from "~/db.server";
import { runRetention } from "~/privacy/retention.server";
import { useFreshDatabase } from "~/test-fixtures";
import { applyCompletions } from "./completions-apply.server";
import { prepareCompletionsImport, prepareRosterImport } from "./import.server";
import { MAX_IMPORT_BYTES } from "./limits";
import { applyRosterPlan } from "./roster-apply.server";

const encode = (text: string) => new TextEncoder().encode(text);
const HEADER = "Medarbejdernr;Navn;Email;Enhed;Startdato;Fratrædelsesdato;Leder;CPR";

function roster(lines: string[]) {
  return encode([HEADER, ...lines].join("\r\n"));
}

const base = [
  "2001;Sofie Test;sofie@test.dk;Område > Afdeling A > Team 1;01-02-2020;;ja;010101-1234",
  "2002;Jens Test;jens@test.dk;Område > Afdeling A > Team 1;01-02-2021;;nej;020202-2345",
  "2003;Ida Test;ida@test.dk;Område > Afdeling B;2022-03-01;;;030303-3456",
  "2004;Bo Test;bo@test.dk;Område > Afdeling B;15.06.2023;;;040404-4567",
];

async function importRoster(lines: string[], day = "2026-01-10") {
  const prepared = await prepareRosterImport(roster(lines), "personale.csv", day);
  if (!prepared.ok) throw new Error(prepared.errors.join("\n"));
  return { prepared, result: applyRosterPlan(prepared.plan) };
}

/** Each test starts from an empty database; those that need people import `base` first. */
beforeEach(() => {
  useFreshDatabase();
});

const employeeNumbered = (employeeNumber: string) =>
  getDb().select().from(schema.employee).where(eq(schema.employee.employeeNumber, employeeNumber)).get();

/** The roster of 1 February: Ida moves to a new team and Jens (2002) has left. */
const moved = [
  base[0],
  base[2],
  base[3]?.replace("Område > Afdeling B", "Område > Afdeling A > Team 2"),
] as string[];

describe("roster import", { timeout: 30_000 }, () => {
  it("creates units, employees and the manager's login and scope, and drops extra columns", async () => {
    const db = getDb();
    const { prepared, result } = await importRoster(base);
    expect(prepared.warnings.join(" ")).toContain("CPR");
    expect(result).toMatchObject({ created: 4, updated: 0, leavers: 0, unitsCreated: 4 });
    const sofie = employeeNumbered("2001");
    expect(sofie).toMatchObject({ name: "Sofie Test", email: "sofie@test.dk", startDate: "2020-02-01" });
    const account = db
      .select()
      .from(schema.userAccount)
      .where(eq(schema.userAccount.employeeId, sofie?.id ?? -1))
      .get();
    expect(account?.role).toBe("manager");
    const scopes = db
      .select()
      .from(schema.managerScope)
      .where(eq(schema.managerScope.userId, account?.id ?? -1))
      .all();
    expect(scopes).toHaveLength(1);
    expect(scopes[0]?.source).toBe("roster");
    // No CPR number anywhere in the database.
    const dump = JSON.stringify(db.$client.prepare("select * from employee").all());
    expect(dump).not.toMatch(/\d{6}-\d{4}/);
  });

  it("changes nothing when the same file is imported again", async () => {
    await importRoster(base);
    const again = await prepareRosterImport(roster(base), "personale.csv", "2026-01-11");
    if (!again.ok) throw new Error("unexpected errors");
    expect(again.plan).toMatchObject({
      newEmployees: [],
      changed: [],
      leavers: [],
      unitsToCreate: [],
      unchanged: 4,
    });
    expect(applyRosterPlan(again.plan)).toMatchObject({
      created: 0,
      updated: 0,
      leavers: 0,
      managerScopesChanged: 0,
    });
  });

  it("moves units, records leavers with the import date and ends their sessions", async () => {
    await importRoster(base);
    const db = getDb();
    const jens = employeeNumbered("2002");
    const login = db
      .insert(schema.userAccount)
      .values({
        email: "jens@test.dk",
        name: "Jens Test",
        role: "employee",
        employeeId: jens?.id,
        createdAt: Date.now(),
      })
      .returning()
      .get();
    const token = createSession(login.id);
    const { prepared, result } = await importRoster(moved, "2026-02-01");
    expect(prepared.plan.changed[0]?.changes).toEqual([
      { field: "unit", from: "Område > Afdeling B", to: "Område > Afdeling A > Team 2" },
    ]);
    expect(result).toMatchObject({ updated: 1, leavers: 1, unitsCreated: 1 });
    expect(
      db
        .select()
        .from(schema.employee)
        .where(eq(schema.employee.id, jens?.id ?? -1))
        .get()?.endDate,
    ).toBe("2026-02-01");
    expect(validateSessionToken(token)).toBeNull();
  });

  it("stops a file that would make more than 10 % leave, until confirmed", async () => {
    await importRoster(base);
    const prepared = await prepareRosterImport(roster([base[0] as string]), "kort.csv", "2026-02-02");
    if (!prepared.ok) throw new Error("unexpected errors");
    expect(prepared.plan.needsLeaverConfirmation).toBe(true);
    expect(prepared.plan.leavers).toHaveLength(3);
  });

  it("reports every bad row with its line number and writes nothing", async () => {
    await importRoster(base);
    const db = getDb();
    const before = db.select().from(schema.employee).all().length;
    const prepared = await prepareRosterImport(
      roster([
        ...base,
        "2005;Ny Person;ny@test.dk;Område;31-02-2025;;;",
        "2001;Dublet;dublet@test.dk;Område;01-01-2020;;;",
      ]),
      "fejl.csv",
      "2026-02-03",
    );
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.errors).toContain("Linje 6: ugyldig startdato '31-02-2025'");
    expect(prepared.errors.some((e) => e.startsWith("Linje 7:"))).toBe(true);
    expect(db.select().from(schema.employee).all().length).toBe(before);
  });

  it("moves a big file's bytes to the worker instead of copying them, and a small file's stay", async () => {
    // 20,000 employees (about 1.6 MB): the four rows above, renumbered.
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      (base[i % base.length] as string).replace(/^\d+;([^;]+);([^@]+)@/, `${3000 + i};$1;$2${i}@`),
    );
    const big = roster(lines);
    expect(big.byteLength).toBeGreaterThan(1024 * 1024);
    const prepared = await prepareRosterImport(big, "stor.csv", "2026-01-10");
    expect(prepared).toMatchObject({ ok: true, rowCount: 20_000 });
    expect(big.byteLength).toBe(0);

    const small = roster(base);
    const size = small.byteLength;
    await prepareRosterImport(small, "lille.csv", "2026-01-10");
    expect(small.byteLength).toBe(size);
  });

  it("refuses a file over the size limit", async () => {
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const prepared = await prepareRosterImport(huge, "stor.csv", "2026-02-03");
    expect(prepared).toMatchObject({ ok: false, errors: ["Filen er for stor. Den må højst fylde 100 MB."] });
  });
});

describe("completions import", { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await importRoster(base);
  });

  const file = encode(
    [
      "Email;Kursus;Gennemført;Score",
      "sofie@test.dk;GDPR;15-01-2026 10:30;92",
      "ida@test.dk;AI-Awareness;2026-01-20;",
      "ida@test.dk;ai awareness;20.01.2026;",
    ].join("\n"),
  );

  it("matches courses by code, title or alias and records each completion once", async () => {
    const prepared = await prepareCompletionsImport(file, "metacompliance.csv", "2026-02-10");
    if (!prepared.ok) throw new Error(prepared.errors.join("\n"));
    expect(prepared.rows).toHaveLength(2);
    expect(prepared.perCourse).toEqual({ gdpr: 1, ai: 1 });
    expect(applyCompletions({ rows: prepared.rows, fileName: "metacompliance.csv", userId: null })).toEqual({
      added: 2,
      alreadyThere: 0,
    });
    const again = await prepareCompletionsImport(file, "metacompliance.csv", "2026-02-10");
    if (!again.ok) throw new Error("unexpected errors");
    expect(again.newCount).toBe(0);
    expect(applyCompletions({ rows: again.rows, fileName: "igen.csv", userId: null })).toEqual({
      added: 0,
      alreadyThere: 2,
    });
    const stored = getDb()
      .select()
      .from(schema.completion)
      .where(eq(schema.completion.source, "import"))
      .all();
    expect(stored.map((c) => [c.completedOn, c.score, c.sourceRef])).toContainEqual([
      "2026-01-15",
      92,
      "metacompliance.csv",
    ]);
  });

  it("names unknown employees and courses with their line numbers", async () => {
    const bad = encode(
      "Email;Kursus;Gennemført\nukendt@test.dk;GDPR;01-01-2026\nsofie@test.dk;Brandøvelse;01-01-2026\n",
    );
    const prepared = await prepareCompletionsImport(bad, "fejl.csv", "2026-02-10");
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.errors[0]).toMatch(/^Linje 2: .*ukendt@test\.dk/);
    expect(prepared.errors[1]).toMatch(/^Linje 3: .*Brandøvelse/);
  });
});

describe("retention", { timeout: 30_000 }, () => {
  it("deletes the records of employees who left long ago and keeps anonymous counts", async () => {
    await importRoster(base);
    await importRoster(moved, "2026-02-01");
    const db = getDb();
    const jens = employeeNumbered("2002");
    if (!jens) throw new Error("Jens missing");
    db.insert(schema.auditEvent)
      .values({
        at: Date.now(),
        actorName: "HR",
        actorRole: "hr",
        action: "view_employee",
        scope: "x",
        targetEmployeeId: jens.id,
        rowCount: 1,
        requestId: "t",
      })
      .run();
    // The audit log refuses ordinary deletes.
    expect(() => db.delete(schema.auditEvent).run()).toThrow(/retention job/);

    const dry = runRetention({ today: "2028-03-01", months: 24, dryRun: true });
    expect(dry.employees).toBe(1);
    expect(db.select().from(schema.employee).where(eq(schema.employee.id, jens.id)).get()).toBeDefined();

    const result = runRetention({ today: "2028-03-01", months: 24 });
    expect(result).toMatchObject({ employees: 1, leftBefore: "2026-03-01" });
    expect(db.select().from(schema.employee).where(eq(schema.employee.id, jens.id)).get()).toBeUndefined();
    const leftovers = JSON.stringify([
      db.select().from(schema.userAccount).all(),
      db.select().from(schema.auditEvent).all(),
    ]);
    expect(leftovers).not.toContain("jens@test.dk");
    expect(leftovers).not.toContain("Jens Test");
    expect(db.select().from(schema.retentionRun).all()[0]).toMatchObject({ employeesRemoved: 1 });
  });
});
