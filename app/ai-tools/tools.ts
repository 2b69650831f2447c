// The AI tools list: statuses with their Danish labels, the admin form's rules, and how a change
// is described in the history. Pure.
import { z } from "zod";
import { AI_TOOL_STATUSES, type AiToolStatus } from "../../db/schema";

export const AI_TOOL_STATUS_LABEL: Record<AiToolStatus, string> = {
  approved: "Godkendt",
  without_personal_data: "Kun uden person- og forretningskritiske oplysninger",
  requires_approval: "Kræver godkendelse",
  not_allowed: "Ikke tilladt",
};

export interface AiToolFields {
  name: string;
  status: AiToolStatus;
  summary: string;
  /** One item per line. */
  allowed: string;
  notAllowed: string;
  note: string;
}

/** Lines of a textarea, trimmed, without empty ones. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

const list = (max: number) =>
  z
    .string()
    .max(max, `Teksten må højst have ${max} tegn.`)
    .transform((t) => lines(t).join("\n"));

export const AiToolForm = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Skriv værktøjets navn (mindst 2 tegn).")
    .max(120, "Navnet må højst have 120 tegn."),
  status: z.enum(AI_TOOL_STATUSES, { message: "Vælg en status." }),
  summary: z
    .string()
    .trim()
    .min(1, "Skriv kort, hvad værktøjet er, og hvad reglen er.")
    .max(600, "Beskrivelsen må højst have 600 tegn."),
  allowed: list(3000),
  notAllowed: list(3000),
  note: z.string().trim().max(1000, "Noten må højst have 1000 tegn."),
  // A status change can be marked material: everyone confirms the AI course again.
  material: z
    .literal("ja")
    .optional()
    .transform((v) => v === "ja"),
});
export type AiToolInput = z.output<typeof AiToolForm>;

/** "Status: Godkendt → Kræver godkendelse; Note ændret", or null when nothing changed. */
export function describeChange(before: AiToolFields, after: AiToolFields): string | null {
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`Navn: ${before.name} → ${after.name}`);
  if (before.status !== after.status)
    parts.push(`Status: ${AI_TOOL_STATUS_LABEL[before.status]} → ${AI_TOOL_STATUS_LABEL[after.status]}`);
  if (before.summary !== after.summary) parts.push("Beskrivelse ændret");
  if (before.allowed !== after.allowed) parts.push("„Du må“ ændret");
  if (before.notAllowed !== after.notAllowed) parts.push("„Du må ikke“ ændret");
  if (before.note !== after.note) parts.push("Note ændret");
  return parts.length > 0 ? parts.join("; ") : null;
}
