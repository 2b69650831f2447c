// Web uploads wait here between the preview and HR's confirmation, so the confirm step needs no
// second upload and works without JavaScript. Old ones are cleared on the next upload.
import { and, eq, lt } from "drizzle-orm";
import { getDb, schema } from "~/db.server";

const { pendingImport } = schema;
const KEEP_MS = 24 * 60 * 60 * 1000;

export type ImportKind = "roster" | "completions";

export function stagePendingImport(input: {
  kind: ImportKind;
  fileName: string;
  content: Uint8Array;
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
      content: Buffer.from(input.content),
      uploadedByUserId: input.userId,
      uploadedAt: Date.now(),
    })
    .run();
  return id;
}

/** Only the person who uploaded a file may see its preview or apply it. */
export function getPendingImport(id: string, userId: number) {
  return getDb()
    .select()
    .from(pendingImport)
    .where(and(eq(pendingImport.id, id), eq(pendingImport.uploadedByUserId, userId)))
    .get();
}

export function dropPendingImport(id: string): void {
  getDb().delete(pendingImport).where(eq(pendingImport.id, id)).run();
}
