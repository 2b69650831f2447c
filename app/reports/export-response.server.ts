// Streams an export as the HTTP response: the writer writes into a pipe the response reads from.
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ExportRow } from "~/compliance/people-list";
import {
  type ExportMeta,
  type ExportTable,
  PEOPLE_TABLE,
  writeCsv,
  writeXlsx,
} from "./export-writers.server";

export type ExportFormat = "csv" | "xlsx";

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Writes the file; `table` says its columns (the people list unless told otherwise). */
export function writeExport<T = ExportRow>(
  format: ExportFormat,
  rows: Iterable<T>,
  meta: ExportMeta,
  out: PassThrough,
  table: ExportTable<T> = PEOPLE_TABLE as unknown as ExportTable<T>,
) {
  return format === "csv" ? writeCsv(rows, out, table) : writeXlsx(rows, meta, out, table);
}

export function exportResponse<T = ExportRow>(
  format: ExportFormat,
  fileName: string,
  rows: Iterable<T>,
  meta: ExportMeta,
  table?: ExportTable<T>,
): Response {
  const body = new PassThrough();
  writeExport(format, rows, meta, body, table).catch((error) => body.destroy(error));
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      "Content-Type": CONTENT_TYPE[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
