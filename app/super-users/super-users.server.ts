// AI super users (AI-superbrugere): HR or the afdeling's manager appoints them with a start date
// and ends them with an end date; the rows are history (a trigger allows only setting the end
// date, once), and every appointment and end is in the audit trail. Queries that return people
// filter by the caller's scope in SQL.
import { and, asc, eq, gt, inArray, isNull, like, lte, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guard.server";
import type { Viewer } from "~/auth/scope";
import { canViewUnit } from "~/auth/scope";
import { unitScopeCondition } from "~/auth/scope.server";
import { type Day, isDay } from "~/compliance/day";
import { getDb, schema } from "~/db.server";
import type { AskSuperUsersData } from "~/ui/ask-super-users";
import { AFDELING_DEPTH, afdelingPathOf } from "./range";

const { aiSuperUser, employee, orgUnit } = schema;

export interface Afdeling {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
}

export interface SuperUser {
  id: number;
  employeeId: number;
  name: string;
  email: string;
  unitName: string;
  afdelingUnitId: number;
  startDate: Day;
  endDate: Day | null;
}

/** Units on the afdeling level: exactly AFDELING_DEPTH ids in the path ("/1/5/"). */
const onAfdelingLevel = sql`length(${orgUnit.path}) - length(replace(${orgUnit.path}, '/', '')) = ${AFDELING_DEPTH + 1}`;

/** The afdelinger the viewer may see (HR: all; a manager: those inside their units), by name. */
export function listAfdelinger(viewer: Viewer): Afdeling[] {
  return getDb()
    .select({ id: orgUnit.id, parentId: orgUnit.parentId, name: orgUnit.name, path: orgUnit.path })
    .from(orgUnit)
    .where(and(unitScopeCondition(viewer), onAfdelingLevel))
    .orderBy(asc(orgUnit.name))
    .all();
}

export function getAfdeling(id: number): Afdeling | undefined {
  return getDb()
    .select({ id: orgUnit.id, parentId: orgUnit.parentId, name: orgUnit.name, path: orgUnit.path })
    .from(orgUnit)
    .where(and(eq(orgUnit.id, id), onAfdelingLevel))
    .get();
}

/** HR, or a manager whose units include the whole afdeling, may appoint and end its super users. */
export function canManageSuperUsers(viewer: Viewer, afdeling: Pick<Afdeling, "path">): boolean {
  return viewer.role === "hr" || (viewer.role === "manager" && canViewUnit(viewer, afdeling.path));
}

/** A super user on `day`: appointed by then, not ended, and still on the roster. */
function activeOn(day: Day): SQL {
  return and(
    lte(aiSuperUser.startDate, day),
    or(isNull(aiSuperUser.endDate), gt(aiSuperUser.endDate, day)),
    or(isNull(employee.endDate), gt(employee.endDate, day)),
  ) as SQL;
}

const superUserColumns = {
  id: aiSuperUser.id,
  employeeId: employee.id,
  name: employee.name,
  email: employee.email,
  unitName: orgUnit.name,
  afdelingUnitId: aiSuperUser.afdelingUnitId,
  startDate: aiSuperUser.startDate,
  endDate: aiSuperUser.endDate,
};

function selectSuperUsers(where: SQL | undefined): SuperUser[] {
  return getDb()
    .select(superUserColumns)
    .from(aiSuperUser)
    .innerJoin(employee, eq(employee.id, aiSuperUser.employeeId))
    .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
    .where(where)
    .orderBy(asc(employee.name), asc(aiSuperUser.id))
    .all();
}

/**
 * The super users of the given afdelinger on `day`. Their names, units and work e-mails are
 * shown to every employee of the afdeling (that is what they are appointed for).
 */
export function superUsersOn(day: Day, afdelingIds?: readonly number[]): SuperUser[] {
  if (afdelingIds?.length === 0) return [];
  return selectSuperUsers(
    and(activeOn(day), afdelingIds ? inArray(aiSuperUser.afdelingUnitId, [...afdelingIds]) : undefined),
  );
}

/** Every row of an afdeling, current and ended (the history), for the people managing it. */
export function listSuperUserHistory(viewer: Viewer, afdelingId: number): SuperUser[] {
  return selectSuperUsers(and(eq(aiSuperUser.afdelingUnitId, afdelingId), unitScopeCondition(viewer)));
}

/** How many super users each afdeling has on `day` (afdelinger without any are left out). */
export function countSuperUsersByAfdeling(day: Day): Map<number, number> {
  const rows = getDb()
    .select({ afdelingUnitId: aiSuperUser.afdelingUnitId, count: sql<number>`count(*)` })
    .from(aiSuperUser)
    .innerJoin(employee, eq(employee.id, aiSuperUser.employeeId))
    .where(activeOn(day))
    .groupBy(aiSuperUser.afdelingUnitId)
    .all();
  return new Map(rows.map((r) => [r.afdelingUnitId, r.count]));
}

/** The afdeling an employee belongs to and its super users on `day` ("Spørg en AI-superbruger"). */
export function superUsersForEmployee(
  employeeId: number,
  day: Day,
): { afdeling: Afdeling | null; superUsers: SuperUser[] } {
  const own = getDb()
    .select({ path: orgUnit.path })
    .from(employee)
    .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
    .where(eq(employee.id, employeeId))
    .get();
  const path = own ? afdelingPathOf(own.path) : null;
  const afdeling = path
    ? getDb()
        .select({ id: orgUnit.id, parentId: orgUnit.parentId, name: orgUnit.name, path: orgUnit.path })
        .from(orgUnit)
        .where(eq(orgUnit.path, path))
        .get()
    : undefined;
  if (!afdeling) return { afdeling: null, superUsers: [] };
  return { afdeling, superUsers: superUsersOn(day, [afdeling.id]) };
}

// --- Appointing and ending -------------------------------------------------------------------

const day = (message: string) => z.string().trim().refine(isDay, message);

export const SuperUserForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("appoint"),
    person: z
      .string()
      .trim()
      .min(1, "Skriv medarbejdernummer eller arbejdsmail på den, der skal være AI-superbruger.")
      .max(254, "Medarbejdernummer eller mail er for langt."),
    startDate: day("Skriv den dato, personen bliver AI-superbruger, fx 01-01-2026."),
  }),
  z.object({
    intent: z.literal("end"),
    superUserId: z.coerce.number().int().positive("Vælg den AI-superbruger, du vil afslutte."),
    endDate: day("Skriv den dato, personen ikke længere er AI-superbruger, fx 01-01-2026."),
  }),
]);
export type SuperUserFormInput = z.infer<typeof SuperUserForm>;

export type SuperUserResult =
  | { ok: true; message: string }
  | { ok: false; error: string; field: "person" | "startDate" | "endDate" | "" };

/**
 * Applies an appoint or end form for `afdeling`, in one IMMEDIATE transaction with its audit
 * entry. The caller has checked canManageSuperUsers; the person must be on the roster in the
 * afdeling (or below it) and inside the actor's scope.
 */
export function applySuperUserForm(input: {
  request: Request;
  actor: CurrentUser;
  afdeling: Afdeling;
  form: SuperUserFormInput;
  now?: number;
}): SuperUserResult {
  const { actor, afdeling, form, request } = input;
  const now = input.now ?? Date.now();
  const db = getDb();
  return db.transaction(
    (tx): SuperUserResult => {
      if (form.intent === "appoint") {
        const key = form.person.toLowerCase();
        const person = tx
          .select({ id: employee.id, name: employee.name, endDate: employee.endDate })
          .from(employee)
          .innerJoin(orgUnit, eq(orgUnit.id, employee.orgUnitId))
          .where(
            and(
              or(eq(employee.employeeNumber, form.person), eq(employee.email, key)),
              like(orgUnit.path, `${afdeling.path}%`),
              unitScopeCondition(actor),
            ),
          )
          .get();
        if (!person) {
          return {
            ok: false,
            field: "person",
            error: `Der er ingen medarbejder med det nummer eller den mail i ${afdeling.name}.`,
          };
        }
        if (person.endDate !== null && person.endDate <= form.startDate) {
          return {
            ok: false,
            field: "startDate",
            error: `${person.name} er fratrådt før startdatoen og kan ikke blive AI-superbruger.`,
          };
        }
        const overlapping = tx
          .select({ id: aiSuperUser.id })
          .from(aiSuperUser)
          .where(
            and(
              eq(aiSuperUser.employeeId, person.id),
              or(isNull(aiSuperUser.endDate), gt(aiSuperUser.endDate, form.startDate)),
            ),
          )
          .get();
        if (overlapping) {
          return {
            ok: false,
            field: "person",
            error: `${person.name} er allerede AI-superbruger på den dato.`,
          };
        }
        tx.insert(aiSuperUser)
          .values({
            employeeId: person.id,
            afdelingUnitId: afdeling.id,
            startDate: form.startDate,
            appointedByUserId: actor.id,
            appointedAt: now,
          })
          .run();
        recordAudit({
          request,
          actor,
          action: "appoint_super_user",
          scope: afdeling.name,
          targetEmployeeId: person.id,
          filters: `Fra ${form.startDate}`,
          rowCount: 1,
        });
        return { ok: true, message: `${person.name} er nu AI-superbruger i ${afdeling.name}.` };
      }

      const row = tx
        .select({
          id: aiSuperUser.id,
          employeeId: aiSuperUser.employeeId,
          name: employee.name,
          startDate: aiSuperUser.startDate,
          endDate: aiSuperUser.endDate,
        })
        .from(aiSuperUser)
        .innerJoin(employee, eq(employee.id, aiSuperUser.employeeId))
        .where(and(eq(aiSuperUser.id, form.superUserId), eq(aiSuperUser.afdelingUnitId, afdeling.id)))
        .get();
      if (!row || row.endDate !== null) {
        return { ok: false, field: "", error: "Den AI-superbruger findes ikke eller er allerede afsluttet." };
      }
      if (form.endDate < row.startDate) {
        return {
          ok: false,
          field: "endDate",
          error: `Slutdatoen kan ikke ligge før startdatoen (${row.startDate}).`,
        };
      }
      tx.update(aiSuperUser)
        .set({ endDate: form.endDate, endedByUserId: actor.id, endedAt: now })
        .where(eq(aiSuperUser.id, row.id))
        .run();
      recordAudit({
        request,
        actor,
        action: "end_super_user",
        scope: afdeling.name,
        targetEmployeeId: row.employeeId,
        filters: `Til ${form.endDate}`,
        rowCount: 1,
      });
      return { ok: true, message: `${row.name} er ikke længere AI-superbruger i ${afdeling.name}.` };
    },
    { behavior: "immediate" },
  );
}

/** What "Spørg en AI-superbruger" shows an employee on `day`. */
export function askSuperUsersData(employeeId: number, day: Day): AskSuperUsersData {
  const { afdeling, superUsers } = superUsersForEmployee(employeeId, day);
  return {
    afdelingName: afdeling?.name ?? null,
    superUsers: superUsers.map((s) => ({ id: s.id, name: s.name, unitName: s.unitName, email: s.email })),
  };
}
