// The export files the site serves, described as plain data (ExportRequest), so a worker thread
// can write them (export-job.server.ts) with the same code the request thread would use.
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { forbidden } from "~/auth/guard.server";
import { canViewUnit, type Viewer } from "~/auth/scope";
import type { Day } from "~/compliance/day";
import type { PeopleQuery } from "~/compliance/people-list";
import {
  buildPeopleList,
  exportFileName,
  exportTitle,
  peopleViewExportRows,
} from "~/compliance/people-view.server";
import { getUnit } from "~/compliance/units.server";
import { type ExportFormat, exportBody, writeExport } from "./export-response.server";
import { buildNotCompletedExport, buildUnitSummaryExport } from "./unit-summary.server";

/** What the audit trail records of an export. */
export interface ExportAudit {
  scope: string;
  filters: string;
  rowCount: number;
}

export interface ExportFile {
  fileName: string;
  audit: ExportAudit;
  /** Writes the file to `out` and ends it; resolves with the number of data rows. */
  write: (out: Writable) => Promise<number>;
}

/** Which file, for which day and in which format: plain data, as a worker thread's job takes it. */
export type ExportRequest = { asOf: Day; format: ExportFormat } & (
  | { name: "notCompleted" }
  | { name: "unitSummary" }
  // A unit's people list with the screen's filters; unitId null is the whole organisation (HR).
  | { name: "peopleList"; unitId: number | null; query: PeopleQuery }
);

/** The file `request` asks for, as `viewer` (the route's guard checked them) may see it. */
export function exportFile(viewer: Viewer, request: ExportRequest): ExportFile {
  const { asOf, format } = request;
  switch (request.name) {
    // /enheder: everyone in the viewer's scope who has not completed, by unit.
    case "notCompleted": {
      const file = buildNotCompletedExport(viewer, asOf);
      return {
        fileName: file.fileName(format),
        audit: {
          scope: file.meta.scope,
          filters: `${file.meta.filters}; Format: ${format.toUpperCase()}`,
          rowCount: file.rowCount(),
        },
        write: (out) => writeExport(format, file.rows, file.meta, out),
      };
    }
    // /enheder: one row per unit in the viewer's scope.
    case "unitSummary": {
      const file = buildUnitSummaryExport(viewer, asOf);
      return {
        fileName: file.fileName(format),
        audit: {
          scope: file.meta.scope,
          filters: `Status pr. enhed; Format: ${format.toUpperCase()}`,
          rowCount: file.rows.length,
        },
        write: (out) => writeExport(format, file.rows, file.meta, out, file.table),
      };
    }
    // /enheder/:id/personer: the people list with the screen's filters and order, every page.
    case "peopleList": {
      // The route checked the unit; checked again here, where the rows are read.
      const unit = request.unitId === null ? null : getUnit(request.unitId);
      if (unit === undefined || !canViewUnit(viewer, unit?.path ?? "/")) forbidden();
      const { query } = request;
      const view = buildPeopleList({ viewer, unit, query, asOf });
      const meta = { title: exportTitle(view, query), scope: view.scopeLabel, asOf, filters: view.filters };
      return {
        fileName: exportFileName(view, query, asOf, format),
        audit: {
          scope: view.scopeLabel,
          filters: `${view.filters}; Format: ${format.toUpperCase()}`,
          rowCount: view.exportRowCount(),
        },
        write: (out) => writeExport(format, peopleViewExportRows(view, query), meta, out),
      };
    }
  }
}

/**
 * The one writer of the export files, for the site (a worker writes it, export-job.server.ts)
 * and for `npm run report`: writes the file to `path`; resolves with its name, the number of
 * data rows written and what the audit trail records of it.
 */
export async function writeExportFile(
  viewer: Viewer,
  request: ExportRequest,
  path: string,
): Promise<{ fileName: string; rows: number; audit: ExportAudit }> {
  const file = exportFile(viewer, request);
  const body = exportBody();
  const [rows] = await Promise.all([
    file.write(body),
    pipeline(body, createWriteStream(path, { mode: 0o600 })),
  ]);
  return { fileName: file.fileName, rows, audit: file.audit };
}
