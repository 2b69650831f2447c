// Run by e2e/bench/run.ts in a process of its own (so its peak RSS is the import's alone):
// `tsx e2e/bench/roster-import.ts ROSTER.csv` with DATABASE_PATH set. Reads and plans the roster
// (the preview) and applies it, through the same services the HR import page uses, and prints
// one line of JSON with the times, the plan's size and the peak RSS.
import { readFileSync } from "node:fs";
import { today } from "~/compliance/day";
import { prepareRosterImport } from "~/imports/import.server";
import { applyRosterPlan } from "~/imports/roster-apply.server";

const file = process.argv[2];
if (!file) throw new Error("Brug: tsx e2e/bench/roster-import.ts ROSTER.csv");
// The file's Buffer itself (a Uint8Array): a copy would be another 70 MB at 500,000 rows. Preparing
// moves it to the import worker, so it is empty afterwards.
const bytes = readFileSync(file);
const started = performance.now();
const preview = await prepareRosterImport(bytes, "bench-roster.csv", today());
const previewMs = performance.now() - started;
if (!preview.ok) throw new Error(`Forhåndsvisningen fejlede: ${preview.errors.slice(0, 3).join("; ")}`);
const applyStarted = performance.now();
const result = applyRosterPlan(preview.plan);
const applyMs = performance.now() - applyStarted;
console.log(
  JSON.stringify({
    rows: preview.rowCount,
    newEmployees: preview.plan.newEmployees.length,
    changed: preview.plan.changed.length,
    leavers: preview.plan.leavers.length,
    created: result.created,
    previewMs,
    applyMs,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
  }),
);
