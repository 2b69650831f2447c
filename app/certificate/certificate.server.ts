// The course certificate ("kursusbevis") as a one-page A4 PDF, drawn with pdfkit.
// DejaVu Sans (npm package dejavu-fonts-ttf, Bitstream Vera licence: free to embed and
// redistribute) is embedded, so every name from the HR system prints exactly: Turkish, Polish,
// Vietnamese and Nordic letters alike. The PDF is tagged (PDF 1.7, Danish, with a title), so a
// screen reader reads it in order; decoration is marked as artifact.

import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { config } from "~/env.server";
import { formatLongDate, formatValidThrough } from "~/ui/format";

export interface CertificateInput {
  employeeName: string;
  employeeNumber: string;
  courseTitle: string;
  courseVersion: string;
  completedOn: string; // ISO day "YYYY-MM-DD"
  /** The first day the completion no longer counts (the status rule's validUntil). */
  validUntil: string;
  source: "site" | "import" | "manual";
  issuedOn: string; // ISO day
  /** The verification code, shown as "ABCD-EFGH-JKMN-PQRS", and the page that checks it. */
  verification: { code: string; url: string };
}

const SOURCE_TEXT = {
  site: "Gennemført her i kommunens e-læring",
  import: "Registreret fra kursusleverandørens eksport",
  manual: "Registreret af HR",
} satisfies Record<CertificateInput["source"], string>;

const DEPARTMENT = "IT & Digitalisering";

const GREEN = "#0b564c";
const TEXT = "#1f2933";
const MUTED = "#5b6770";
const RULE = "#c9d6d3";
const TINT = "#eef4f3";

const require = createRequire(import.meta.url);
const REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

// A4 in points, with generous side margins.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 64;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

export function renderCertificate(
  input: CertificateInput,
  options?: { compress?: boolean },
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      // Small page margins so text placed near the bottom never triggers a page break;
      // the layout below keeps its own margins.
      margins: { top: 24, bottom: 24, left: MARGIN, right: MARGIN },
      compress: options?.compress ?? true,
      pdfVersion: "1.7",
      tagged: true,
      lang: "da-DK",
      displayTitle: true,
      info: {
        Title: `Kursusbevis – ${input.courseTitle}`,
        Author: config().municipalityName,
        Subject: `Kursusbevis for ${input.employeeName}`,
      },
    });

    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);

    try {
      draw(doc, input);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

type Doc = PDFKit.PDFDocument;

/** Shapes that only decorate: outside the document structure, skipped by screen readers. */
function decoration(doc: Doc, paint: () => void) {
  doc.markContent("Artifact", { type: "Layout" });
  paint();
  doc.endMarkedContent();
}

function draw(doc: Doc, input: CertificateInput): void {
  const root = doc.struct("Document");
  doc.addStructure(root);
  const text = (
    type: string,
    value: string,
    style: { font: string; size: number; color: string },
    y: number,
    options: PDFKit.Mixins.TextOptions = {},
  ): number => {
    doc.fillColor(style.color).font(style.font).fontSize(style.size);
    root.add(
      doc.struct(type, {}, () => {
        doc.text(value, options.continued ? undefined : MARGIN, y, { width: CONTENT_WIDTH, ...options });
      }),
    );
    return doc.y;
  };

  // Header band with the sender.
  decoration(doc, () => doc.rect(0, 0, PAGE_WIDTH, 96).fill(GREEN));
  text("P", config().municipalityName, { font: BOLD, size: 16, color: "#ffffff" }, 34);
  text("P", DEPARTMENT, { font: REGULAR, size: 10.5, color: "#d5e6e2" }, 58);

  text("H1", "Kursusbevis", { font: BOLD, size: 34, color: GREEN }, 160);
  decoration(doc, () => doc.rect(MARGIN, 212, 56, 3).fill(GREEN));

  // The person. A long name wraps onto more lines and everything below moves down with it.
  let y = text("P", "Dette bevis er udstedt til", { font: REGULAR, size: 11, color: MUTED }, 244);
  y = text("H2", input.employeeName, { font: BOLD, size: 24, color: TEXT }, y + 6, { lineGap: 2 });
  y = text("P", `Medarbejdernr. ${input.employeeNumber}`, { font: REGULAR, size: 11, color: MUTED }, y + 6);
  y = text(
    "P",
    `har gennemført kurset „${input.courseTitle}“ (version ${input.courseVersion}).`,
    { font: REGULAR, size: 14, color: TEXT },
    y + 24,
    { lineGap: 3 },
  );

  // Key facts in a tinted panel.
  const panelY = y + 28;
  const panelHeight = 118;
  decoration(doc, () => {
    doc.rect(MARGIN, panelY, CONTENT_WIDTH, panelHeight).fill(TINT);
    doc.rect(MARGIN, panelY, 4, panelHeight).fill(GREEN);
  });
  const columnWidth = (CONTENT_WIDTH - 48) / 2;
  const leftX = MARGIN + 24;
  const rightX = leftX + columnWidth + 16;
  const fact = (label: string, value: string, x: number) => {
    root.add(
      doc.struct("P", {}, () => {
        doc
          .fillColor(MUTED)
          .font(REGULAR)
          .fontSize(10.5)
          .text(`${label}:`, x, panelY + 20, { width: columnWidth });
        doc
          .fillColor(TEXT)
          .font(BOLD)
          .fontSize(14)
          .text(value, x, panelY + 38, { width: columnWidth });
      }),
    );
  };
  fact("Gennemført den", formatLongDate(input.completedOn), leftX);
  fact(
    "Gyldighed",
    formatValidThrough(input.validUntil, "long").replace("Gyldig til og med ", "til og med "),
    rightX,
  );
  doc.fillColor(MUTED).font(REGULAR).fontSize(10.5);
  root.add(
    doc.struct("P", {}, () => {
      doc.text(SOURCE_TEXT[input.source], leftX, panelY + 84, { width: CONTENT_WIDTH - 48 });
    }),
  );

  y = text(
    "P",
    `${formatValidThrough(input.validUntil, "long")}. Kurset skal gennemføres igen, før beviset udløber.`,
    { font: REGULAR, size: 10, color: MUTED },
    panelY + panelHeight + 24,
    { lineGap: 2 },
  );

  // Verification: anyone holding the certificate can check it on the municipality's page.
  y = text("H2", "Kontrol af beviset", { font: BOLD, size: 11, color: TEXT }, y + 22);
  y = text(
    "P",
    `Kontrolkode ${input.verification.code}. Se på denne side, at beviset er ægte og stadig gælder:`,
    { font: REGULAR, size: 10, color: TEXT },
    y + 4,
    { lineGap: 2 },
  );
  // The address on one line of its own, never broken at a slash.
  text("P", input.verification.url, { font: BOLD, size: 10, color: GREEN }, y + 2, { lineBreak: false });

  // Footer: who issued it and when.
  const footerY = PAGE_HEIGHT - 96;
  decoration(doc, () => {
    doc
      .moveTo(MARGIN, footerY)
      .lineTo(PAGE_WIDTH - MARGIN, footerY)
      .lineWidth(0.75)
      .strokeColor(RULE)
      .stroke();
    doc.rect(0, PAGE_HEIGHT - 14, PAGE_WIDTH, 14).fill(GREEN);
  });
  text(
    "P",
    `Udstedt den ${formatLongDate(input.issuedOn)} af ${config().municipalityName} · ${DEPARTMENT}`,
    { font: REGULAR, size: 10, color: TEXT },
    footerY + 16,
  );
  root.end();
}
