// One entry for making the evidence pack file: JSON-serialisable arguments in, bytes out, so it
// can be moved to a worker thread (app/server worker pool) without change.
import type { Day } from "~/compliance/day";
import { buildEvidencePack } from "./evidence-pack";
import { renderEvidencePdf } from "./evidence-pdf.server";
import { loadEvidenceSource } from "./evidence-source.server";
import { renderEvidenceXlsx } from "./evidence-xlsx.server";

export type EvidenceFormat = "pdf" | "xlsx";

export const EVIDENCE_CONTENT_TYPE: Record<EvidenceFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function evidenceFileName(asOf: Day, format: EvidenceFormat): string {
  return `dokumentation-ai-kompetencer_${asOf}.${format}`;
}

export async function generateEvidencePack(input: { asOf: Day; format: EvidenceFormat }): Promise<Buffer> {
  const pack = buildEvidencePack(loadEvidenceSource(input.asOf));
  return input.format === "pdf" ? renderEvidencePdf(pack) : renderEvidenceXlsx(pack);
}
