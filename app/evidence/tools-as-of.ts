// The AI tools list as it stood on a given day, rebuilt from today's list and its change history
// (ai_tool_change). Pure. A change after the day is undone: "Status: A → B" and "Navn: A → B"
// give the earlier value back, and the last "retired"/"reinstated" change by the day decides
// whether the tool was on the list.
import { AI_TOOL_STATUS_LABEL } from "~/ai-tools/tools";
import type { AiToolStatus } from "../../db/schema";

export interface ToolNow {
  id: number;
  name: string;
  status: AiToolStatus;
  summary: string;
  sortOrder: number;
}

export interface ToolChange {
  toolId: number;
  at: number;
  kind: "created" | "updated" | "retired" | "reinstated";
  description: string;
}

export interface ToolOnDay {
  name: string;
  status: AiToolStatus;
  statusLabel: string;
  summary: string;
}

const STATUS_BY_LABEL = new Map(
  Object.entries(AI_TOOL_STATUS_LABEL).map(([status, label]) => [label, status as AiToolStatus]),
);

function before(description: string, field: string): string | null {
  const part = description
    .split(";")
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${field}: `));
  if (!part) return null;
  const arrow = part.indexOf(" → ");
  return arrow < 0 ? null : part.slice(field.length + 2, arrow);
}

/**
 * The tools on the list at `cutoff` (UTC ms, the end of the day). Before the first recorded
 * change the first recorded list is given (the list existed before the site recorded it).
 */
export function toolsAsOf(
  tools: readonly ToolNow[],
  changes: readonly ToolChange[],
  cutoff: number,
): ToolOnDay[] {
  const firstRecorded = Math.min(...changes.map((c) => c.at));
  const at = Math.max(cutoff, firstRecorded);
  const result: (ToolOnDay & { sortOrder: number })[] = [];
  for (const tool of tools) {
    const own = changes.filter((c) => c.toolId === tool.id).sort((a, b) => a.at - b.at);
    const created = own.find((c) => c.kind === "created");
    if (created && created.at > at) continue;
    const lastPresence = own
      .filter((c) => c.at <= at && (c.kind === "retired" || c.kind === "reinstated"))
      .at(-1);
    if (lastPresence?.kind === "retired") continue;
    let { name, status } = tool;
    for (const change of own.filter((c) => c.at > at && c.kind === "updated").reverse()) {
      const oldStatus = before(change.description, "Status");
      const known = oldStatus ? STATUS_BY_LABEL.get(oldStatus) : undefined;
      if (known) status = known;
      name = before(change.description, "Navn") ?? name;
    }
    result.push({
      name,
      status,
      statusLabel: AI_TOOL_STATUS_LABEL[status],
      summary: tool.summary,
      sortOrder: tool.sortOrder,
    });
  }
  return result.sort((a, b) => a.sortOrder - b.sortOrder).map(({ sortOrder: _, ...t }) => t);
}
