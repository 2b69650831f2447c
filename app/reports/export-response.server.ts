// Streams an export as the HTTP response: the writer writes into a pipe the response reads from.
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ExportRow } from "~/compliance/people-list";
import { type ExportMeta, writeCsv, writeXlsx } from "./export-writers.server";

export type ExportFormat = "csv" | "xlsx";

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function writeExport(
  format: ExportFormat,
  rows: Iterable<ExportRow>,
  meta: ExportMeta,
  out: PassThrough,
) {
  return format === "csv" ? writeCsv(rows, out) : writeXlsx(rows, meta, out);
}

export function exportResponse(
  format: ExportFormat,
  fileName: string,
  rows: Iterable<ExportRow>,
  meta: ExportMeta,
): Response {
  const body = new PassThrough();
  writeExport(format, rows, meta, body).catch((error) => body.destroy(error));
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      "Content-Type": CONTENT_TYPE[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
