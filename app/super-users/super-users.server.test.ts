import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guard.server";
import { getDb, schema } from "~/db.server";
import { createAccount, createEmployee, createUnit } from "~/test-fixtures";
import {
  applySuperUserForm,
  canManageSuperUsers,
  countSuperUsersByAfdeling,
  listAfdelinger,
  listSuperUserHistory,
  superUsersForEmployee,
  superUsersOn,
} from "./super-users.server";

const db = getDb();
const request = new Request("http://localhost/superbrugere");
const area = createUnit(db, "Superområde");
const afdeling = createUnit(db, "Superafdeling", area);
const team = createUnit(db, "Superteam", afdeling);
const other = createUnit(db, "Anden afdeling", area);
const hrAccount = createAccount(db, "hr");
const hr = { ...hrAccount, scopePaths: [] } as unknown as CurrentUser;
const afdelingRow = { id: afdeling.id, parentId: area.id, name: afdeling.name, path: afdeling.path };

describe("AI super users", () => {
  it("lists only units on the afdeling level, and a manager only those inside their units", () => {
    const ids = listAfdelinger({ role: "hr", scopePaths: [] }).map((a) => a.id);
    expect(ids).toContain(afdeling.id);
    expect(ids).toContain(other.id);
    expect(ids).not.toContain(area.id);
    expect(ids).not.toContain(team.id);
    expect(listAfdelinger({ role: "manager", scopePaths: [afdeling.path] }).map((a) => a.id)).toEqual([
      afdeling.id,
    ]);
    expect(listAfdelinger({ role: "manager", scopePaths: [team.path] })).toEqual([]);
  });

  it("lets HR and the afdeling's own manager manage, not a team leader inside it", () => {
    expect(canManageSuperUsers({ role: "hr", scopePaths: [] }, afdeling)).toBe(true);
    expect(canManageSuperUsers({ role: "manager", scopePaths: [area.path] }, afdeling)).toBe(true);
    expect(canManageSuperUsers({ role: "manager", scopePaths: [team.path] }, afdeling)).toBe(false);
    expect(canManageSuperUsers({ role: "employee", scopePaths: [] }, afdeling)).toBe(false);
  });

  it("appoints by employee number or e-mail, counts from the start date and keeps history after the end", () => {
    const anna = createEmployee(db, team, { name: "Anna Superbruger" });
    const bo = createEmployee(db, afdeling, { name: "Bo Superbruger" });
    const first = applySuperUserForm({
      request,
      actor: hr,
      afdeling: afdelingRow,
      form: { intent: "appoint", person: anna.employeeNumber, startDate: "2026-02-01" },
    });
    expect(first).toEqual({ ok: true, message: "Anna Superbruger er nu AI-superbruger i Superafdeling." });
    applySuperUserForm({
      request,
      actor: hr,
      afdeling: afdelingRow,
      form: { intent: "appoint", person: bo.email.toUpperCase(), startDate: "2026-03-01" },
    });
    expect(countSuperUsersByAfdeling("2026-01-31").get(afdeling.id)).toBeUndefined();
    expect(countSuperUsersByAfdeling("2026-02-15").get(afdeling.id)).toBe(1);
    expect(countSuperUsersByAfdeling("2026-03-01").get(afdeling.id)).toBe(2);

    const annaRow = superUsersOn("2026-03-01", [afdeling.id]).find((s) => s.employeeId === anna.id);
    expect(annaRow).toMatchObject({ unitName: "Superteam", email: anna.email });
    const ended = applySuperUserForm({
      request,
      actor: hr,
      afdeling: afdelingRow,
      form: { intent: "end", superUserId: annaRow?.id ?? 0, endDate: "2026-04-01" },
    });
    expect(ended.ok).toBe(true);
    expect(countSuperUsersByAfdeling("2026-03-31").get(afdeling.id)).toBe(2);
    expect(countSuperUsersByAfdeling("2026-04-01").get(afdeling.id)).toBe(1);
    // The ended row is still there, with its dates.
    const history = listSuperUserHistory({ role: "hr", scopePaths: [] }, afdeling.id);
    expect(history.find((s) => s.employeeId === anna.id)).toMatchObject({
      startDate: "2026-02-01",
      endDate: "2026-04-01",
    });
    // The employee of the afdeling sees the current ones.
    const seen = superUsersForEmployee(bo.id, "2026-04-02");
    expect(seen.afdeling?.id).toBe(afdeling.id);
    expect(seen.superUsers.map((s) => s.name)).toEqual(["Bo Superbruger"]);
    // Both changes are in the audit trail, naming the person.
    const audit = db
      .select()
      .from(schema.auditEvent)
      .where(eq(schema.auditEvent.targetEmployeeId, anna.id))
      .all()
      .map((e) => e.action);
    expect(audit).toEqual(["appoint_super_user", "end_super_user"]);
  });

  it("refuses people outside the afdeling, overlapping appointments and an end before the start", () => {
    const outsider = createEmployee(db, other);
    const inside = createEmployee(db, afdeling);
    const appoint = (person: string, startDate: string) =>
      applySuperUserForm({
        request,
        actor: hr,
        afdeling: afdelingRow,
        form: { intent: "appoint", person, startDate },
      });
    expect(appoint(outsider.employeeNumber, "2026-01-01")).toMatchObject({ ok: false, field: "person" });
    expect(appoint(inside.employeeNumber, "2026-05-01").ok).toBe(true);
    expect(appoint(inside.employeeNumber, "2026-06-01")).toMatchObject({
      ok: false,
      error: expect.stringContaining("allerede AI-superbruger"),
    });
    const row = superUsersOn("2026-05-01", [afdeling.id]).find((s) => s.employeeId === inside.id);
    expect(
      applySuperUserForm({
        request,
        actor: hr,
        afdeling: afdelingRow,
        form: { intent: "end", superUserId: row?.id ?? 0, endDate: "2026-04-30" },
      }),
    ).toMatchObject({ ok: false, field: "endDate" });
  });

  it("keeps the history in the database: an ended row cannot be changed again", () => {
    const person = createEmployee(db, afdeling);
    const row = db
      .insert(schema.aiSuperUser)
      .values({
        employeeId: person.id,
        afdelingUnitId: afdeling.id,
        startDate: "2025-01-01",
        endDate: "2025-06-01",
        appointedAt: Date.now(),
      })
      .returning()
      .get();
    expect(() =>
      db.update(schema.aiSuperUser).set({ endDate: null }).where(eq(schema.aiSuperUser.id, row.id)).run(),
    ).toThrow(/history/);
  });
});
