import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { runRetention } from "~/privacy/retention.server";
import { createAccount, createEmployee, createUnit } from "~/test-fixtures";
import { today } from "./day";
import { loadOwnHistory } from "./employee-history.server";
import { ManualRegistration, registerManually } from "./manual-registration.server";
import { listPeopleStatuses } from "./people.server";

const db = getDb();
const unit = createUnit(db, "Registreringer");
const hrPerson = createEmployee(db, unit);
const hr = createAccount(db, "hr", { employeeId: hrPerson.id });
const asOf = today();
const parse = (form: Record<string, string>) => ManualRegistration.parse(form);
const statusOf = (employeeId: number, code: string) =>
  listPeopleStatuses({ viewer: { role: "hr", scopePaths: [] }, unitPath: unit.path, asOf }).find(
    (p) => p.employeeId === employeeId,
  )?.statuses[code]?.kind;

describe("manual registration and annulment", () => {
  it("refuses the same completion twice on one day, and allows it again after an annulment", () => {
    const person = createEmployee(db, unit);
    const form = {
      intent: "completion",
      course: "gdpr",
      completedOn: asOf,
      reason: "Kursusbevis fra Ballerup",
    };
    expect(registerManually(parse(form), person.id, hr, asOf)).toEqual({ ok: true });
    expect(statusOf(person.id, "gdpr")).toBe("completed");
    const second = registerManually(parse(form), person.id, hr, asOf);
    expect(second).toMatchObject({ ok: false, field: "completedOn" });
    expect(second.ok ? "" : second.error).toContain("allerede registreret i dag");

    const row = db.select().from(schema.completion).where(eq(schema.completion.employeeId, person.id)).get();
    const annul = { intent: "annul", target: `completion:${row?.id}`, reason: "Forkert person" };
    expect(registerManually(parse(annul), person.id, hr, asOf)).toEqual({ ok: true });
    // The annulled completion counts as if it never was; the history keeps both rows.
    expect(statusOf(person.id, "gdpr")).not.toBe("completed");
    const history = loadOwnHistory(person.id, asOf);
    expect(history.completions).toHaveLength(1);
    expect(history.completions[0]?.annulment?.reason).toBe("Forkert person");
    expect(history.statuses.find((s) => s.code === "gdpr")?.status.kind).not.toBe("completed");

    expect(registerManually(parse(annul), person.id, hr, asOf)).toMatchObject({
      ok: false,
      error: "Registreringen er allerede annulleret.",
    });
    expect(registerManually(parse(form), person.id, hr, asOf)).toEqual({ ok: true });
  });

  it("annuls an exemption, so the person is no longer exempt", () => {
    const person = createEmployee(db, unit);
    const form = {
      intent: "exemption",
      course: "ai",
      validFrom: asOf,
      validUntil: "",
      reason: "Langtidssygemeldt",
    };
    expect(registerManually(parse(form), person.id, hr, asOf)).toEqual({ ok: true });
    expect(statusOf(person.id, "ai")).toBe("exempt");
    expect(registerManually(parse(form), person.id, hr, asOf)).toMatchObject({
      ok: false,
      field: "validFrom",
    });
    const row = db.select().from(schema.exemption).where(eq(schema.exemption.employeeId, person.id)).get();
    const annul = { intent: "annul", target: `exemption:${row?.id}`, reason: "Tastefejl" };
    expect(registerManually(parse(annul), person.id, hr, asOf)).toEqual({ ok: true });
    expect(statusOf(person.id, "ai")).not.toBe("exempt");
  });

  it("refuses to annul another person's row through this person's page", () => {
    const person = createEmployee(db, unit);
    const other = createEmployee(db, unit);
    const form = { intent: "completion", course: "gdpr", completedOn: asOf, reason: "Kursusbevis" };
    registerManually(parse(form), other.id, hr, asOf);
    const row = db.select().from(schema.completion).where(eq(schema.completion.employeeId, other.id)).get();
    const annul = { intent: "annul", target: `completion:${row?.id}`, reason: "Forsøg" };
    expect(registerManually(parse(annul), person.id, hr, asOf)).toMatchObject({
      ok: false,
      error: "Registreringen findes ikke.",
    });
    expect(statusOf(other.id, "gdpr")).toBe("completed");
  });

  it("refuses HR registering or annulling on their own record", () => {
    const form = { intent: "completion", course: "gdpr", completedOn: asOf, reason: "Mit eget bevis" };
    const result = registerManually(parse(form), hrPerson.id, hr, asOf);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.error).toContain("din egen");
    expect(
      db.select().from(schema.completion).where(eq(schema.completion.employeeId, hrPerson.id)).all(),
    ).toEqual([]);
  });

  it("keeps annulments append-only", () => {
    const person = createEmployee(db, unit);
    registerManually(
      parse({ intent: "completion", course: "gdpr", completedOn: asOf, reason: "Kursusbevis" }),
      person.id,
      hr,
      asOf,
    );
    const row = db.select().from(schema.completion).where(eq(schema.completion.employeeId, person.id)).get();
    registerManually(
      parse({ intent: "annul", target: `completion:${row?.id}`, reason: "Forkert dato" }),
      person.id,
      hr,
      asOf,
    );
    expect(() => db.update(schema.annulment).set({ reason: "ændret" }).run()).toThrow(/append-only/);
  });

  it("lets the retention job remove a leaver's annulled rows with the rest of their record", () => {
    const leaver = createEmployee(db, unit, { endDate: "2020-06-30" });
    const form = { intent: "completion", course: "gdpr", completedOn: "2020-03-01", reason: "Kursusbevis" };
    registerManually(parse(form), leaver.id, hr, asOf);
    const row = db.select().from(schema.completion).where(eq(schema.completion.employeeId, leaver.id)).get();
    registerManually(
      parse({ intent: "annul", target: `completion:${row?.id}`, reason: "Forkert person" }),
      leaver.id,
      hr,
      asOf,
    );
    expect(
      db
        .select()
        .from(schema.annulment)
        .where(eq(schema.annulment.completionId, row?.id ?? 0))
        .all(),
    ).toHaveLength(1);
    expect(runRetention({ today: asOf, months: 24 }).employees).toBe(1);
    expect(
      db
        .select()
        .from(schema.annulment)
        .where(eq(schema.annulment.completionId, row?.id ?? 0))
        .all(),
    ).toEqual([]);
    expect(db.select().from(schema.employee).where(eq(schema.employee.id, leaver.id)).get()).toBeUndefined();
  });
});
