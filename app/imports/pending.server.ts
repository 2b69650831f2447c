// Web uploads wait here between the preview and HR's confirmation, so the confirm step needs no
// second upload and works without JavaScript. The file is read once, at upload: what is kept is the
// preview (small, for the page) and the validated rows (for the apply), never the file itself.
// Old ones are cleared on the next upload.
import { and, eq, isNotNull, lt } from "drizzle-orm";
import { getDb, schema } from "~/db.server";
import type { CompletionRow } from "./completions";
import type { ImportPreview } from "./preview";
import type { RosterRow } from "./roster";

const { pendingImport } = schema;
const KEEP_MS = 24 * 60 * 60 * 1000;

export type ImportKind = "roster" | "completions";

export function stagePendingImport(input: {
  kind: ImportKind;
  fileName: string;
  preview: ImportPreview;
  rows: readonly RosterRow[] | readonly CompletionRow[];
  userId: number;
}): string {
  const id = crypto.randomUUID();
  const db = getDb();
  db.delete(pendingImport)
    .where(lt(pendingImport.uploadedAt, Date.now() - KEEP_MS))
    .run();
  db.insert(pendingImport)
    .values({
      id,
      kind: input.kind,
      fileName: input.fileName,
      prepared: JSON.stringify(input.preview),
      content: Buffer.from(JSON.stringify(input.rows)),
      uploadedByUserId: input.userId,
      uploadedAt: Date.now(),
    })
    .run();
  return id;
}

/** Only the person who uploaded a file may see its preview or apply it. Not once it is applied. */
export function getPendingImport(id: string, userId: number) {
  const row = getDb()
    .select({
      id: pendingImport.id,
      kind: pendingImport.kind,
      fileName: pendingImport.fileName,
      prepared: pendingImport.prepared,
      appliedSummary: pendingImport.appliedSummary,
    })
    .from(pendingImport)
    .where(and(eq(pendingImport.id, id), eq(pendingImport.uploadedByUserId, userId)))
    .get();
  if (!row || row.appliedSummary !== null || row.prepared === null) return null;
  return { ...row, preview: JSON.parse(row.prepared) as ImportPreview };
}

/** The validated rows, read only when HR applies the import. */
export function pendingRows<T extends RosterRow | CompletionRow>(id: string): T[] {
  const row = getDb()
    .select({ content: pendingImport.content })
    .from(pendingImport)
    .where(eq(pendingImport.id, id))
    .get();
  return row ? (JSON.parse(row.content.toString("utf8")) as T[]) : [];
}

/** After the apply: forget the rows, keep the summary until the import page has shown it once. */
export function markPendingApplied(id: string, summary: string): void {
  getDb()
    .update(pendingImport)
    .set({ appliedSummary: summary, content: Buffer.alloc(0), prepared: null })
    .where(eq(pendingImport.id, id))
    .run();
}

/** The summary of an applied import, once (a flash value): the row is gone afterwards. */
export function takeAppliedSummary(id: string, userId: number): string | null {
  const where = and(
    eq(pendingImport.id, id),
    eq(pendingImport.uploadedByUserId, userId),
    isNotNull(pendingImport.appliedSummary),
  );
  const row = getDb()
    .delete(pendingImport)
    .where(where)
    .returning({ summary: pendingImport.appliedSummary })
    .get();
  return row?.summary ?? null;
}
