// The AI tools list in the database: kept by admins (IT & Digitalisering) on /admin/ai-vaerktoejer,
// read by the public page /ai-vaerktoejer. Every change is one transaction with its history row.
//
// A status change marked material publishes a new material version of the `ai` course (origin
// "tools") in course_version, beside the versions copied from course.md. The status rule then
// does what it does for any material version: completions of earlier versions end after the
// re-attestation window, so everyone takes the course and confirms the guidelines again.

import { asc, desc, eq, max } from "drizzle-orm";
import type { CurrentUser } from "~/auth/guard.server";
import { type Day, today } from "~/compliance/day";
import { rebuildInTransaction } from "~/compliance/kept-status.server";
import { type AppTransaction, getDb, schema } from "~/db.server";
import { type AiToolFields, type AiToolInput, describeChange } from "./tools";

const { aiTool, aiToolChange, course, courseVersion } = schema;

export type AiTool = typeof aiTool.$inferSelect;
type Actor = Pick<CurrentUser, "id" | "name">;

export function listTools(options: { includeRetired: boolean }): AiTool[] {
  return getDb()
    .select()
    .from(aiTool)
    .orderBy(asc(aiTool.sortOrder), asc(aiTool.id))
    .all()
    .filter((t) => options.includeRetired || t.retiredAt === null);
}

export function getTool(id: number): AiTool | undefined {
  return getDb().select().from(aiTool).where(eq(aiTool.id, id)).get();
}

/** When the list last changed (the newest history row), for "Opdateret <date>". */
export function lastChangedAt(): number | null {
  return (
    getDb()
      .select({ at: max(aiToolChange.at) })
      .from(aiToolChange)
      .get()?.at ?? null
  );
}

export function listToolChanges(limit: number) {
  return getDb()
    .select({
      id: aiToolChange.id,
      at: aiToolChange.at,
      actorName: aiToolChange.actorName,
      kind: aiToolChange.kind,
      description: aiToolChange.description,
      publishedVersion: aiToolChange.publishedVersion,
      toolName: aiTool.name,
    })
    .from(aiToolChange)
    .innerJoin(aiTool, eq(aiTool.id, aiToolChange.toolId))
    .orderBy(desc(aiToolChange.at), desc(aiToolChange.id))
    .limit(limit)
    .all();
}

export class ToolNameTaken extends Error {}

function fieldsOf(input: AiToolInput | AiTool): AiToolFields {
  const { name, status, summary, allowed, notAllowed, note } = input;
  return { name, status, summary, allowed, notAllowed, note };
}

function assertNameFree(tx: AppTransaction, name: string, exceptId?: number) {
  const other = tx.select({ id: aiTool.id }).from(aiTool).where(eq(aiTool.name, name)).get();
  if (other && other.id !== exceptId) throw new ToolNameTaken(name);
}

function addChange(
  tx: AppTransaction,
  change: Omit<typeof aiToolChange.$inferInsert, "at" | "actorUserId" | "actorName">,
  actor: Actor,
  now: number,
) {
  tx.insert(aiToolChange)
    .values({ ...change, at: now, actorUserId: actor.id, actorName: actor.name })
    .run();
}

/**
 * Publishes a material version of the AI course dated `on`, named after the content version it
 * builds on ("2.0-værktøjer-2026-12-01"), with the content's re-attestation window.
 */
function publishMaterialVersion(tx: AppTransaction, on: Day): string {
  const ai = tx.select().from(course).where(eq(course.code, "ai")).get();
  if (!ai) throw new Error("Kurset ai findes ikke");
  const versions = tx
    .select()
    .from(courseVersion)
    .where(eq(courseVersion.courseId, ai.id))
    .orderBy(asc(courseVersion.publishedOn))
    .all();
  const base = versions.filter((v) => v.origin === "content").at(-1);
  if (!base) throw new Error("Kurset ai har ingen version fra indholdet");
  const version = `${base.version}-værktøjer-${on}`;
  // Two material changes on one day are one version: the window ends on the same day.
  tx.insert(courseVersion)
    .values({
      courseId: ai.id,
      version,
      publishedOn: on,
      material: true,
      reattestDays: base.reattestDays,
      origin: "tools",
    })
    .onConflictDoNothing()
    .run();
  return version;
}

export function createTool(input: AiToolInput, actor: Actor, now = Date.now()): number {
  return getDb().transaction(
    (tx) => {
      assertNameFree(tx, input.name);
      const last =
        tx
          .select({ n: max(aiTool.sortOrder) })
          .from(aiTool)
          .get()?.n ?? 0;
      const row = tx
        .insert(aiTool)
        .values({ ...fieldsOf(input), sortOrder: last + 10 })
        .returning({ id: aiTool.id })
        .get();
      addChange(tx, { toolId: row.id, kind: "created", description: "Tilføjet" }, actor, now);
      return row.id;
    },
    { behavior: "immediate" },
  );
}

export type UpdateResult =
  | { ok: true; changed: boolean; publishedVersion: string | null }
  | { ok: false; error: string };

export function updateTool(id: number, input: AiToolInput, actor: Actor, now = Date.now()): UpdateResult {
  return getDb().transaction(
    (tx): UpdateResult => {
      const before = tx.select().from(aiTool).where(eq(aiTool.id, id)).get();
      if (!before) return { ok: false, error: "Værktøjet findes ikke." };
      assertNameFree(tx, input.name, id);
      if (input.material && before.status === input.status) {
        return {
          ok: false,
          error: "Kun en ændring af status kan markeres som væsentlig. Skift status, eller fjern krydset.",
        };
      }
      const description = describeChange(fieldsOf(before), fieldsOf(input));
      if (description === null) return { ok: true, changed: false, publishedVersion: null };
      tx.update(aiTool).set(fieldsOf(input)).where(eq(aiTool.id, id)).run();
      const publishedVersion = input.material ? publishMaterialVersion(tx, today(new Date(now))) : null;
      // A material version ends earlier completions' validity: everyone's kept AI status changes.
      if (publishedVersion) rebuildInTransaction(tx);
      addChange(
        tx,
        {
          toolId: id,
          kind: "updated",
          description: publishedVersion
            ? `${description}. Væsentlig ændring: alle skal gennemføre AI-kurset og bekræfte retningslinjerne igen`
            : description,
          publishedVersion,
        },
        actor,
        now,
      );
      return { ok: true, changed: true, publishedVersion };
    },
    { behavior: "immediate" },
  );
}

/** Retires a tool (it leaves the public page but keeps its history), or brings it back. */
export function setToolRetired(id: number, retired: boolean, actor: Actor, now = Date.now()): boolean {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(aiTool).where(eq(aiTool.id, id)).get();
      if (!before || (before.retiredAt !== null) === retired) return false;
      tx.update(aiTool)
        .set({ retiredAt: retired ? now : null })
        .where(eq(aiTool.id, id))
        .run();
      addChange(
        tx,
        {
          toolId: id,
          kind: retired ? "retired" : "reinstated",
          description: retired ? "Fjernet fra oversigten" : "Sat på oversigten igen",
        },
        actor,
        now,
      );
      return true;
    },
    { behavior: "immediate" },
  );
}
