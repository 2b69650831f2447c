// The audit trail: every view of people's status by a manager or HR, every export and import.
import { and, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { CurrentUser } from "~/auth/guard.server";
import { getDb, schema } from "~/db.server";
import type { AuditAction } from "../../db/schema";

const { auditEvent } = schema;

export function requestIdOf(request: Request): string {
  return request.headers.get("x-request-id") ?? crypto.randomUUID();
}

export function recordAudit(input: {
  request: Request;
  actor: Pick<CurrentUser, "id" | "name" | "role">;
  action: AuditAction;
  scope: string;
  targetEmployeeId?: number;
  filters?: string;
  rowCount: number;
}): void {
  getDb()
    .insert(auditEvent)
    .values({
      at: Date.now(),
      actorUserId: input.actor.id,
      actorName: input.actor.name,
      actorRole: input.actor.role,
      action: input.action,
      scope: input.scope,
      targetEmployeeId: input.targetEmployeeId ?? null,
      filters: input.filters ?? "",
      rowCount: input.rowCount,
      requestId: requestIdOf(input.request),
    })
    .run();
}

export function listAuditEvents(input: { action?: AuditAction; limit: number; offset: number }) {
  const where: SQL | undefined = input.action ? and(eq(auditEvent.action, input.action)) : undefined;
  return getDb()
    .select()
    .from(auditEvent)
    .where(where)
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
}

/**
 * Who has looked at or exported a person's data (GDPR art. 15; Datatilsynet 2024-32-0283):
 * lookups of them by name, and list views and exports of their unit or a unit above it.
 */
export function listLookupsOf(employeeId: number, unitLabel: string) {
  const ancestors = unitLabel.split(" > ").map((_, i, parts) => parts.slice(0, i + 1).join(" > "));
  return getDb()
    .select()
    .from(auditEvent)
    .where(
      or(
        eq(auditEvent.targetEmployeeId, employeeId),
        and(
          inArray(auditEvent.action, ["view_people", "view_not_completed", "export"]),
          inArray(auditEvent.scope, [...ancestors, "Hele organisationen"]),
        ),
      ),
    )
    .orderBy(desc(auditEvent.at))
    .limit(200)
    .all();
}
