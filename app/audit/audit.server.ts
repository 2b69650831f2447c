// The audit trail: every view of people's status by a manager or HR, every export, import,
// registration and annulment, and every admin change of accounts, courses and settings. Each
// entry names the one person whose data was seen or changed (targetEmployeeId / targetUserId),
// or the scope when it was a list.
import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { CurrentUser } from "~/auth/guard.server";
import { addDaysToDay, type Day } from "~/compliance/day";
import { getDb, schema } from "~/db.server";
import type { AuditAction } from "../../db/constants";

const { auditEvent, employee, userAccount } = schema;
const actorAccount = alias(userAccount, "actor_account");

/**
 * The server's own id for this request. The Express server (app/server/index.ts) replaces any
 * X-Request-Id the client sent with the id it logs, before Remix sees the request, so the audit
 * trail and the log always carry the same id and a client can never choose it.
 */
export function requestIdOf(request: Request): string {
  return request.headers.get("x-request-id") ?? crypto.randomUUID();
}

/** A signed-in user, acting through a request. */
export type UserActor = Pick<CurrentUser, "id" | "name" | "role">;

/** A command of app/cli (`npm run import`, `npm run report`): it acts with HR's reach. */
export interface CommandActor {
  kind: "command";
  name: string;
}

/** Who did it: a user in a request, or a command (which has no request). */
export type AuditBy = { request: Request; actor: UserActor } | { request?: undefined; actor: CommandActor };

const isCommand = (actor: UserActor | CommandActor): actor is CommandActor => "kind" in actor;

export function recordAudit(
  input: AuditBy & {
    action: AuditAction;
    /** The unit whose people were seen (its path label), "Hele organisationen", or what was changed. */
    scope: string;
    /** The one employee whose data was seen or changed. */
    targetEmployeeId?: number;
    /** The one login whose role, units or activity was changed. */
    targetUserId?: number;
    filters?: string;
    rowCount: number;
  },
): void {
  // A top-level link from another website carries the (Lax) cookie; the entry says so, so a
  // lookup someone else provoked is not mistaken for one the viewer chose (security review LOW 7).
  const crossSite = input.request?.headers.get("sec-fetch-site") === "cross-site";
  const filters = [input.filters ?? "", crossSite ? "Åbnet fra et link på et andet websted" : ""]
    .filter(Boolean)
    .join(" · ");
  const { actor } = input;
  getDb()
    .insert(auditEvent)
    .values({
      at: Date.now(),
      ...(isCommand(actor)
        ? { actorUserId: null, actorName: `Kommandoen npm run ${actor.name}`, actorRole: "hr" as const }
        : { actorUserId: actor.id, actorName: actor.name, actorRole: actor.role }),
      action: input.action,
      scope: input.scope,
      targetEmployeeId: input.targetEmployeeId ?? null,
      targetUserId: input.targetUserId ?? null,
      filters,
      rowCount: input.rowCount,
      requestId: input.request ? requestIdOf(input.request) : "kommando",
    })
    .run();
}

/**
 * For admin pages that change settings (links, contacts, courses): one entry saying which setting
 * changed and how, e.g. recordSettingsChange({ request, actor, setting: "IT-Helpdesk, telefon",
 * change: "43 68 00 00 → 43 68 12 34" }).
 */
export function recordSettingsChange(input: {
  request: Request;
  actor: Pick<CurrentUser, "id" | "name" | "role">;
  setting: string;
  change?: string;
  action?: Extract<AuditAction, "change_setting" | "change_course">;
}): void {
  recordAudit({
    request: input.request,
    actor: input.actor,
    action: input.action ?? "change_setting",
    scope: input.setting,
    filters: input.change ?? "",
    rowCount: 1,
  });
}

export interface AuditFilter {
  action?: AuditAction;
  /** Name, employee number or e-mail of the person the entry is about. */
  person?: string;
  /** Name or e-mail of who did it. */
  actor?: string;
  /** Danish calendar days, inclusive. */
  from?: Day;
  to?: Day;
}

/** Characters with a meaning in LIKE are escaped, so a search for "50%" finds "50%". */
const contains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const likeAny = (value: string, ...columns: unknown[]) =>
  or(...columns.map((c) => sql`${c} LIKE ${contains(value)} ESCAPE '\\'`));

/** Midnight in Denmark at the start of `day`, in UTC milliseconds. */
export function danishMidnight(day: Day): number {
  // Denmark is UTC+1 or UTC+2; try both offsets and keep the one that is midnight there.
  for (const offset of [1, 2]) {
    const at = Date.parse(`${day}T00:00:00Z`) - offset * 3_600_000;
    const hour = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Copenhagen",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(new Date(at));
    if (hour === "00") return at;
  }
  return Date.parse(`${day}T00:00:00Z`);
}

export function listAuditEvents(input: AuditFilter & { limit: number; offset: number }) {
  const person = input.person?.trim();
  const actor = input.actor?.trim();
  const where = and(
    input.action ? eq(auditEvent.action, input.action) : undefined,
    person
      ? likeAny(
          person,
          employee.name,
          employee.employeeNumber,
          employee.email,
          userAccount.name,
          userAccount.email,
        )
      : undefined,
    actor ? likeAny(actor, auditEvent.actorName, actorAccount.email) : undefined,
    input.from ? gte(auditEvent.at, danishMidnight(input.from)) : undefined,
    input.to ? lt(auditEvent.at, danishMidnight(addDaysToDay(input.to, 1))) : undefined,
  );
  return getDb()
    .select({
      event: auditEvent,
      employeeName: employee.name,
      employeeNumber: employee.employeeNumber,
      userName: userAccount.name,
      userEmail: userAccount.email,
    })
    .from(auditEvent)
    .leftJoin(employee, eq(employee.id, auditEvent.targetEmployeeId))
    .leftJoin(userAccount, eq(userAccount.id, auditEvent.targetUserId))
    .leftJoin(actorAccount, eq(actorAccount.id, auditEvent.actorUserId))
    .where(where)
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
}

/** The actions that show people's status as a list (a unit or the whole organisation). */
const LIST_ACTIONS: AuditAction[] = ["view_people", "view_not_completed", "export"];

/**
 * Who has looked at, exported or changed a person's data (GDPR art. 15; Datatilsynet
 * 2024-32-0283): entries about them by name, and list views and exports of their unit or a unit
 * above it, and changes to their login. The audit page shows the same entries when filtered by
 * the person (apart from the list views, which name a unit, not a person).
 */
export function listLookupsOf(employeeId: number, unitLabel: string, userId?: number) {
  const ancestors = unitLabel.split(" > ").map((_, i, parts) => parts.slice(0, i + 1).join(" > "));
  return getDb()
    .select()
    .from(auditEvent)
    .where(
      or(
        eq(auditEvent.targetEmployeeId, employeeId),
        // Changes to their login (role, units, access) are about them too.
        userId === undefined ? undefined : eq(auditEvent.targetUserId, userId),
        and(
          inArray(auditEvent.action, LIST_ACTIONS),
          inArray(auditEvent.scope, [...ancestors, "Hele organisationen"]),
        ),
      ),
    )
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(200)
    .all();
}
