// Streams an export as the HTTP response: the writer writes into a pipe the response reads from.
import { Transform, type Writable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ExportRow } from "./export-writers.server";
import {
  type ExportMeta,
  type ExportTable,
  PEOPLE_TABLE,
  writeCsv,
  writeXlsx,
} from "./export-writers.server";

export type ExportFormat = "csv" | "xlsx";

/** About this many bytes go to the response (or file) at a time. */
const PIECE_BYTES = 64 * 1024;

/**
 * The pipe the writer writes into: it hands the bytes on in pieces of about 64 KB. Remix's server
 * flushes the compression after every piece a response body gives it, so a piece per CSV line
 * (as csv-stringify writes) would be compressed one line at a time: several times slower, and
 * hardly smaller than the file itself.
 */
export function exportBody(): Transform {
  let pending: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= PIECE_BYTES) {
        this.push(Buffer.concat(pending, size));
        pending = [];
        size = 0;
      }
      done();
    },
    flush(done) {
      if (size > 0) this.push(Buffer.concat(pending, size));
      done();
    },
  });
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Writes the file; `table` says its columns (the people list unless told otherwise). */
export function writeExport<T = ExportRow>(
  format: ExportFormat,
  rows: Iterable<T>,
  meta: ExportMeta,
  out: Writable,
  table: ExportTable<T> = PEOPLE_TABLE as unknown as ExportTable<T>,
) {
  return format === "csv" ? writeCsv(rows, out, table) : writeXlsx(rows, meta, out, table);
}

/** The headers of a download: the file's type and name, never cached. */
export function exportHeaders(format: ExportFormat, fileName: string): HeadersInit {
  return {
    "Content-Type": CONTENT_TYPE[format],
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "private, no-store",
  };
}

export function exportResponse<T = ExportRow>(
  format: ExportFormat,
  fileName: string,
  rows: Iterable<T>,
  meta: ExportMeta,
  table?: ExportTable<T>,
): Response {
  const body = exportBody();
  writeExport(format, rows, meta, body, table).catch((error) => body.destroy(error));
  return new Response(createReadableStreamFromReadable(body), { headers: exportHeaders(format, fileName) });
}
