// The evidence pack as a PDF (pdfkit): A4 landscape, tagged (PDF 1.7, Danish, with a title, as the
// certificate), DejaVu Sans embedded, tables marked as Table/TR/TH/TD so a screen reader reads
// them as tables. A table that runs onto the next page repeats its header row there (marked as a
// pagination artifact, so it is read once). Pure: a function of the pack.

import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { config } from "~/env.server";
import { formatLongDate, formatLongTimestamp } from "~/ui/format";
import { cellText, type EvidencePack, type PackTable } from "./evidence-pack";

const require = createRequire(import.meta.url);
const REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

const GREEN = "#0b564c";
const TEXT = "#1f2933";
const MUTED = "#5b6770";
const RULE = "#c9d6d3";
const TINT = "#eef4f3";

// A4 landscape in points.
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 40;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - 48;
const CELL_PAD = 3;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export function renderEvidencePdf(pack: EvidencePack, options?: { compress?: boolean }): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      layout: "landscape",
      margins: { top: MARGIN, bottom: 24, left: MARGIN, right: MARGIN },
      compress: options?.compress ?? true,
      pdfVersion: "1.7",
      tagged: true,
      lang: "da-DK",
      displayTitle: true,
      bufferPages: true,
      info: {
        Title: `${pack.title} pr. ${formatLongDate(pack.asOf)}`,
        Author: config().municipalityName,
        Subject: "AI-forordningens artikel 4: AI-kompetencer",
      },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      draw(doc, pack);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

function artifact(doc: Doc, paint: () => void, type: "Layout" | "Pagination" = "Layout") {
  doc.markContent("Artifact", { type });
  paint();
  doc.endMarkedContent();
}

function draw(doc: Doc, pack: EvidencePack) {
  const root = doc.struct("Document");
  doc.addStructure(root);
  let y = MARGIN;

  const ensureRoom = (height: number) => {
    if (y + height > BOTTOM) {
      doc.addPage();
      y = MARGIN;
    }
  };
  const block = (
    type: string,
    value: string,
    style: { font: string; size: number; color: string; gapBefore: number },
    // Room to keep below a heading, so it never ends a page alone.
    keepWithNext = 0,
  ) => {
    doc.font(style.font).fontSize(style.size);
    const height = doc.heightOfString(value, { width: CONTENT_WIDTH, lineGap: 2 });
    ensureRoom(style.gapBefore + Math.min(height, BOTTOM - MARGIN) + keepWithNext);
    y += style.gapBefore;
    root.add(
      doc.struct(type, {}, () => {
        doc.fillColor(style.color).font(style.font).fontSize(style.size);
        doc.text(value, MARGIN, y, { width: CONTENT_WIDTH, lineGap: 2 });
      }),
    );
    y = doc.y;
  };

  artifact(doc, () => doc.rect(0, 0, PAGE_WIDTH, 8).fill(GREEN));
  block("P", `${config().municipalityName} · IT & Digitalisering`, {
    font: BOLD,
    size: 10,
    color: GREEN,
    gapBefore: 0,
  });
  block("H1", `${pack.title} pr. ${formatLongDate(pack.asOf)}`, {
    font: BOLD,
    size: 22,
    color: GREEN,
    gapBefore: 8,
  });
  for (const p of pack.intro) block("P", p, { font: REGULAR, size: 10, color: TEXT, gapBefore: 6 });
  block("P", `Dannet ${formatLongTimestamp(pack.generatedAt)}.`, {
    font: REGULAR,
    size: 9,
    color: MUTED,
    gapBefore: 6,
  });

  for (const section of pack.sections) {
    block("H2", section.heading, { font: BOLD, size: 14, color: GREEN, gapBefore: 18 }, 60);
    for (const p of section.paragraphs)
      block("P", p, { font: REGULAR, size: 9.5, color: TEXT, gapBefore: 5 });
    for (const table of section.tables) {
      block("H3", table.title, { font: BOLD, size: 10.5, color: TEXT, gapBefore: 10 }, 60);
      y = drawTable(doc, root, table, y + 4);
    }
  }

  // Footer on every page: title, day and page number, outside the structure.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    artifact(
      doc,
      () => {
        doc
          .fillColor(MUTED)
          .font(REGULAR)
          .fontSize(8)
          .text(
            `${pack.title} pr. ${formatLongDate(pack.asOf)} · side ${i + 1} af ${range.count}`,
            MARGIN,
            PAGE_HEIGHT - 34,
            { width: CONTENT_WIDTH, lineBreak: false },
          );
      },
      "Pagination",
    );
  }
}

/** Draws the table from `top`; returns the y below it. */
function drawTable(doc: Doc, root: Struct, table: PackTable, top: number): number {
  const totalWidth = table.columns.reduce((n, c) => n + c.width, 0);
  const widths = table.columns.map((c) => (c.width / totalWidth) * CONTENT_WIDTH);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((n, w) => n + w, 0));
  const size = table.columns.length > 6 ? 7.5 : 8.5;
  const rowHeight = (values: string[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(
        ...values.map((v, i) => doc.heightOfString(v || " ", { width: (widths[i] ?? 20) - 2 * CELL_PAD })),
      ) +
      2 * CELL_PAD
    );
  };
  const headers = table.columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, BOLD);
  let y = top;

  const paintCells = (
    values: string[],
    font: string,
    rowTop: number,
    height: number,
    tint: boolean,
    cell: string,
  ) =>
    values.map((value, i) => {
      const x = xs[i] ?? MARGIN;
      const w = widths[i] ?? 20;
      if (tint) artifact(doc, () => doc.rect(x, rowTop, w, height).fill(TINT));
      return doc.struct(cell, {}, () => {
        doc
          .fillColor(TEXT)
          .font(font)
          .fontSize(size)
          .text(value, x + CELL_PAD, rowTop + CELL_PAD, { width: w - 2 * CELL_PAD });
      });
    });
  const rule = (at: number) =>
    artifact(doc, () =>
      doc
        .moveTo(MARGIN, at)
        .lineTo(MARGIN + CONTENT_WIDTH, at)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke(),
    );

  const tableStruct = doc.struct("Table");
  root.add(tableStruct);
  const header = (repeat: boolean) => {
    if (repeat) {
      // A repeated header is decoration for the eye: a screen reader has read it once.
      artifact(
        doc,
        () =>
          headers.forEach((h, i) => {
            const x = xs[i] ?? MARGIN;
            const w = widths[i] ?? 20;
            doc.rect(x, y, w, headerHeight).fill(TINT);
            doc
              .fillColor(TEXT)
              .font(BOLD)
              .fontSize(size)
              .text(h, x + CELL_PAD, y + CELL_PAD, { width: w - 2 * CELL_PAD });
          }),
        "Pagination",
      );
    } else {
      const tr = doc.struct("TR");
      tableStruct.add(tr);
      for (const th of paintCells(headers, BOLD, y, headerHeight, true, "TH")) tr.add(th);
      tr.end();
    }
    y += headerHeight;
    rule(y);
  };

  if (y + headerHeight * 2 > BOTTOM) {
    doc.addPage();
    y = MARGIN;
  }
  header(false);
  for (const row of table.rows) {
    const values = row.map(cellText);
    const height = rowHeight(values, REGULAR);
    if (y + height > BOTTOM) {
      doc.addPage();
      y = MARGIN;
      header(true);
    }
    const tr = doc.struct("TR");
    tableStruct.add(tr);
    for (const td of paintCells(values, REGULAR, y, height, false, "TD")) tr.add(td);
    tr.end();
    y += height;
    rule(y);
  }
  tableStruct.end();
  return y;
}
