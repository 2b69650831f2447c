import { describe, expect, it } from "vitest";
import { type ToolChange, type ToolNow, toolsAsOf } from "./tools-as-of";

const tools: ToolNow[] = [
  { id: 1, name: "Copilot Chat", status: "approved", summary: "Med arbejdskonto", sortOrder: 10 },
  {
    id: 2,
    name: "ChatGPT (betalt)",
    status: "not_allowed",
    summary: "Ikke til personoplysninger",
    sortOrder: 20,
  },
  { id: 3, name: "Nyt værktøj", status: "requires_approval", summary: "Tilføjet senere", sortOrder: 30 },
];
const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const changes: ToolChange[] = [
  { toolId: 1, at: day("2025-08-01"), kind: "created", description: "Oprettet" },
  { toolId: 2, at: day("2025-08-01"), kind: "created", description: "Oprettet" },
  {
    toolId: 2,
    at: day("2026-03-01"),
    kind: "updated",
    description: "Status: Kun uden person- og forretningskritiske oplysninger → Ikke tilladt; Note ændret",
  },
  { toolId: 3, at: day("2026-05-01"), kind: "created", description: "Tilføjet" },
  { toolId: 1, at: day("2026-06-01"), kind: "retired", description: "Fjernet fra oversigten" },
  { toolId: 1, at: day("2026-07-01"), kind: "reinstated", description: "Sat på oversigten igen" },
];

describe("toolsAsOf", () => {
  it("undoes status changes made after the day and leaves out tools added later", () => {
    expect(toolsAsOf(tools, changes, day("2026-01-01"))).toEqual([
      { name: "Copilot Chat", status: "approved", statusLabel: "Godkendt", summary: "Med arbejdskonto" },
      {
        name: "ChatGPT (betalt)",
        status: "without_personal_data",
        statusLabel: "Kun uden person- og forretningskritiske oplysninger",
        summary: "Ikke til personoplysninger",
      },
    ]);
  });

  it("leaves out a tool that was retired on the day and shows it again after it was reinstated", () => {
    expect(toolsAsOf(tools, changes, day("2026-06-15")).map((t) => t.name)).toEqual([
      "ChatGPT (betalt)",
      "Nyt værktøj",
    ]);
    expect(toolsAsOf(tools, changes, day("2026-07-15")).map((t) => t.name)).toEqual([
      "Copilot Chat",
      "ChatGPT (betalt)",
      "Nyt værktøj",
    ]);
  });

  it("gives the first recorded list for a day before anything was recorded", () => {
    expect(toolsAsOf(tools, changes, day("2024-01-01")).map((t) => t.name)).toEqual([
      "Copilot Chat",
      "ChatGPT (betalt)",
    ]);
  });
});
