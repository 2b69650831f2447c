// The site's export files are written by a worker thread of the pool (the job `exportFile` in
// app/server/jobs.server.ts): a 500,000-person file takes seconds of work, and on the request
// thread it would hold up every other page meanwhile (the ordered query's first row alone waits
// for SQLite to select and sort everyone). The thread writes the file, a row at a time, into a
// private temporary folder; the request thread then sends it and deletes it. Memory stays flat
// whatever the size, and a slow download holds nothing but the file on disk.
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ViewerInput } from "~/server/jobs.server";
import { runInWorker } from "~/server/run-in-worker.server";
import type { ExportAudit, ExportRequest } from "./export-files.server";
import { exportHeaders } from "./export-response.server";

export interface WrittenExport {
  fileName: string;
  audit: ExportAudit;
  /** The download; the file is deleted once it is sent (or the download was cancelled). */
  response: () => Response;
}

export async function writeExportOffThread(
  viewer: ViewerInput,
  request: ExportRequest,
): Promise<WrittenExport> {
  // mkdtemp makes the folder readable by this user only (0700); the file inside is 0600.
  const folder = await mkdtemp(path.join(tmpdir(), "albertslund-eksport-"));
  const removeFolder = () => rm(folder, { recursive: true, force: true });
  const file = path.join(folder, `fil.${request.format}`);
  try {
    const written = await runInWorker("exportFile", { viewer, request, path: file });
    return {
      ...written,
      response: () => {
        const body = createReadStream(file);
        body.once("close", () => void removeFolder());
        return new Response(createReadableStreamFromReadable(body), {
          headers: exportHeaders(request.format, written.fileName),
        });
      },
    };
  } catch (error) {
    await removeFolder();
    throw error;
  }
}
