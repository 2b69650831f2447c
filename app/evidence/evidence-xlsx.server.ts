// The evidence pack as XLSX (exceljs): the same sections as the PDF, one sheet each, with typed
// cells (numbers, shares as per cent, dates), so an auditor can count and filter. Pure.

import ExcelJS from "exceljs";
import { config } from "~/env.server";
import type { Cell } from "~/reports/export-writers.server";
import { formatLongDate, formatLongTimestamp } from "~/ui/format";
import type { EvidencePack } from "./evidence-pack";

function cellValue(cell: Cell): ExcelJS.CellValue {
  if ("text" in cell) return cell.text;
  if ("count" in cell) return cell.count;
  if ("share" in cell) return cell.share;
  if (!cell.day) return null;
  const [y, m, d] = cell.day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export async function renderEvidenceXlsx(pack: EvidencePack): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = config().municipalityName;
  workbook.title = `${pack.title} pr. ${formatLongDate(pack.asOf)}`;
  workbook.created = new Date(pack.generatedAt);

  const about = workbook.addWorksheet("Om dokumentationen");
  about.getColumn(1).width = 120;
  about.addRow([`${pack.title} pr. ${formatLongDate(pack.asOf)}`]).font = { bold: true, size: 14 };
  for (const p of pack.intro) about.addRow([p]).alignment = { wrapText: true };
  about.addRow([`Dannet ${formatLongTimestamp(pack.generatedAt)}.`]);
  about.addRow([]);
  about.addRow(["Arkfanerne:"]).font = { bold: true };
  for (const section of pack.sections) about.addRow([`${section.sheet}: ${section.heading}`]);

  for (const section of pack.sections) {
    const sheet = workbook.addWorksheet(section.sheet.slice(0, 31));
    const widest = Math.max(1, ...section.tables.map((t) => t.columns.length));
    sheet.addRow([section.heading]).font = { bold: true, size: 13 };
    for (const p of section.paragraphs) {
      const row = sheet.addRow([p]);
      row.alignment = { wrapText: true, vertical: "top" };
      sheet.mergeCells(row.number, 1, row.number, Math.max(widest, 4));
      row.height = Math.min(120, 15 * Math.ceil(p.length / 140));
    }
    for (const table of section.tables) {
      sheet.addRow([]);
      sheet.addRow([table.title]).font = { bold: true };
      const header = sheet.addRow(table.columns.map((c) => c.header));
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: "top" };
      table.columns.forEach((c, i) => {
        const column = sheet.getColumn(i + 1);
        column.width = Math.max(column.width ?? 0, c.width);
      });
      for (const cells of table.rows) {
        const row = sheet.addRow(cells.map(cellValue));
        row.alignment = { wrapText: true, vertical: "top" };
        cells.forEach((cell, i) => {
          if ("share" in cell) row.getCell(i + 1).numFmt = "0.0%";
          if ("day" in cell) row.getCell(i + 1).numFmt = "dd.mm.yyyy";
        });
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
