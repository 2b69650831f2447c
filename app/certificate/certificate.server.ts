// The course certificate ("kursusbevis") as a one-page A4 PDF, drawn with pdfkit.
// Only the built-in Helvetica fonts are used: they need no font files and cover æ ø å.
import PDFDocument from "pdfkit";
import { formatLongDate } from "~/ui/format";

export interface CertificateInput {
  employeeName: string;
  employeeNumber: string;
  courseTitle: string;
  courseVersion: string;
  completedOn: string; // ISO day "YYYY-MM-DD"
  /** The first day the completion no longer counts; printed as "Gyldigt til <date>". */
  validUntil: string;
  source: "site" | "import" | "manual";
  issuedOn: string; // ISO day
}

const SOURCE_TEXT = {
  site: "Gennemført på AI og GDPR-sitet",
  import: "Registreret fra kursusleverandørens eksport",
  manual: "Registreret af HR",
} satisfies Record<CertificateInput["source"], string>;

const ISSUER = "Albertslund Kommune";
const DEPARTMENT = "IT & Digitalisering";

const GREEN = "#0b564c";
const TEXT = "#1f2933";
const MUTED = "#5b6770";
const RULE = "#c9d6d3";
const TINT = "#eef4f3";

const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";

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
      lang: "da-DK",
      displayTitle: true,
      info: {
        Title: `Kursusbevis – ${input.courseTitle}`,
        Author: ISSUER,
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

function draw(doc: PDFKit.PDFDocument, input: CertificateInput): void {
  // Header band with the sender.
  doc.rect(0, 0, PAGE_WIDTH, 96).fill(GREEN);
  doc
    .fillColor("#ffffff")
    .font(BOLD)
    .fontSize(16)
    .text(ISSUER, MARGIN, 36, { width: CONTENT_WIDTH, lineBreak: false });
  doc
    .fillColor("#d5e6e2")
    .font(REGULAR)
    .fontSize(10.5)
    .text(DEPARTMENT, MARGIN, 58, { width: CONTENT_WIDTH, lineBreak: false });

  // Heading.
  doc
    .fillColor(GREEN)
    .font(BOLD)
    .fontSize(36)
    .text("Kursusbevis", MARGIN, 170, { width: CONTENT_WIDTH, lineBreak: false });
  doc.rect(MARGIN, 222, 56, 3).fill(GREEN);

  // The person.
  doc.fillColor(MUTED).font(REGULAR).fontSize(11).text("Dette bevis er udstedt til", MARGIN, 262, {
    width: CONTENT_WIDTH,
    lineBreak: false,
  });
  doc
    .fillColor(TEXT)
    .font(BOLD)
    .fontSize(fitFontSize(doc, input.employeeName, BOLD, 28, 16))
    .text(input.employeeName, MARGIN, 282, { width: CONTENT_WIDTH, lineBreak: false });
  doc
    .fillColor(MUTED)
    .font(REGULAR)
    .fontSize(11)
    .text(`Medarbejdernr. ${input.employeeNumber}`, MARGIN, 322, { width: CONTENT_WIDTH, lineBreak: false });

  // The course; a long title may wrap, but is cut off before it can push the layout.
  doc
    .fillColor(TEXT)
    .font(REGULAR)
    .fontSize(14)
    .text(`har gennemført kurset „${input.courseTitle}“ (version ${input.courseVersion})`, MARGIN, 370, {
      width: CONTENT_WIDTH,
      height: 60,
      ellipsis: true,
      lineGap: 3,
    });

  // Key facts in a tinted panel.
  const panelY = 450;
  const panelHeight = 118;
  doc.rect(MARGIN, panelY, CONTENT_WIDTH, panelHeight).fill(TINT);
  doc.rect(MARGIN, panelY, 4, panelHeight).fill(GREEN);
  const columnWidth = (CONTENT_WIDTH - 48) / 2;
  const leftX = MARGIN + 24;
  const rightX = leftX + columnWidth + 16;
  fact(doc, "Gennemført den", formatLongDate(input.completedOn), leftX, panelY + 22, columnWidth);
  fact(doc, "Gyldigt til", formatLongDate(input.validUntil), rightX, panelY + 22, columnWidth);
  doc
    .fillColor(MUTED)
    .font(REGULAR)
    .fontSize(10.5)
    .text(SOURCE_TEXT[input.source], leftX, panelY + 80, {
      width: CONTENT_WIDTH - 48,
      lineBreak: false,
    });

  // Note about the yearly repetition.
  doc
    .fillColor(MUTED)
    .font(REGULAR)
    .fontSize(10)
    .text("Kurset skal gennemføres igen hvert år. Beviset gælder frem til datoen ovenfor.", MARGIN, 598, {
      width: CONTENT_WIDTH,
      lineGap: 2,
    });

  // Footer: who issued it and when.
  const footerY = PAGE_HEIGHT - 110;
  doc
    .moveTo(MARGIN, footerY)
    .lineTo(PAGE_WIDTH - MARGIN, footerY)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
  doc
    .fillColor(TEXT)
    .font(REGULAR)
    .fontSize(10)
    .text(
      `Udstedt den ${formatLongDate(input.issuedOn)} af ${ISSUER} · ${DEPARTMENT}`,
      MARGIN,
      footerY + 16,
      { width: CONTENT_WIDTH, lineBreak: false },
    );
  doc.rect(0, PAGE_HEIGHT - 14, PAGE_WIDTH, 14).fill(GREEN);
}

function fact(doc: PDFKit.PDFDocument, label: string, value: string, x: number, y: number, width: number) {
  doc.fillColor(MUTED).font(REGULAR).fontSize(10.5).text(label, x, y, { width, lineBreak: false });
  doc
    .fillColor(TEXT)
    .font(BOLD)
    .fontSize(15)
    .text(value, x, y + 17, { width, lineBreak: false });
}

/** The largest size from `max` down to `min` at which `text` fits on one line. */
function fitFontSize(doc: PDFKit.PDFDocument, text: string, font: string, max: number, min: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 1) {
    if (doc.fontSize(size).widthOfString(text) <= CONTENT_WIDTH) return size;
  }
  return min;
}
