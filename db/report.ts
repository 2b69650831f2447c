// `npm run report -- summary [--as-of YYYY-MM-DD] --format csv|xlsx --out FILE`: the per-unit
//   summary of the whole organisation, the file /enheder gives HR.
// `npm run report -- completions --format xapi [--out FILE] [--send]`: every completion and quiz
//   attempt as xAPI 1.0.3 statements (app/xapi), the file /hr/xapi gives HR; --send posts the
//   ones the learning record store (XAPI_LRS_URL) does not have yet.
// `npm run report -- not-completed --course ai|gdpr|all [--unit "A > B"] [--as-of YYYY-MM-DD]
//   --format csv|xlsx --out FILE`: the "who has not completed" export for scheduled jobs. It
// writes exactly the file the web export writes for the same scope (people list, status "ikke
// gennemført"), over DATABASE_PATH, and records the export in the audit trail.
import { createWriteStream, writeFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { isDay, today } from "~/compliance/day";
import { ALL_COURSES, NOT_COMPLETED_QUERY, type PeopleQuery, SORTS } from "~/compliance/people-list";
import { buildPeopleList, exportTitle, peopleViewExportRows } from "~/compliance/people-view.server";
import { getUnit, listUnitsWithPaths } from "~/compliance/units.server";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import { exportBody, writeExport } from "~/reports/export-response.server";
import type { ExportMeta, ExportTable } from "~/reports/export-writers.server";
import { buildUnitSummaryExport } from "~/reports/unit-summary.server";
import { keyOfSlug } from "~/slugs";
import { sendPendingXapi } from "~/xapi/lrs.server";
import { xapiExport } from "~/xapi/statements.server";

const USAGE = `Brug: npm run report -- not-completed --course ai|gdpr|all [--unit "Enhed > Underenhed"] [--sort enhed|navn|frist] [--as-of ÅÅÅÅ-MM-DD] --format csv|xlsx --out FIL
      npm run report -- summary [--as-of ÅÅÅÅ-MM-DD] --format csv|xlsx --out FIL
      npm run report -- completions --format xapi [--out FIL] [--send]`;

const Args = z.object({
  report: z.enum(["not-completed", "summary", "completions"], {
    message: "Rapporten skal være not-completed, summary eller completions.",
  }),
  course: z.enum(["ai", "gdpr", "all"], { message: "--course skal være ai, gdpr eller all." }).optional(),
  unit: z.string().optional(),
  // The "Hvem mangler?" page and its export sort by unit; so does the command, unless told otherwise.
  sort: z
    .enum(["enhed", "navn", "frist"], { message: "--sort skal være enhed, navn eller frist." })
    .default("enhed"),
  asOf: z.string().refine(isDay, "--as-of skal være en dato som 2026-11-26.").optional(),
  format: z.enum(["csv", "xlsx", "xapi"], { message: "--format skal være csv, xlsx eller xapi." }),
  out: z.string().min(1, "--out mangler.").optional(),
  send: z.boolean().default(false),
});

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsedArgs: ReturnType<typeof parseArgs>;
try {
  parsedArgs = parseArgs({
    allowPositionals: true,
    options: {
      course: { type: "string" },
      unit: { type: "string" },
      sort: { type: "string" },
      "as-of": { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      send: { type: "boolean" },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const args = Args.safeParse({
  report: parsedArgs.positionals[0],
  course: parsedArgs.values.course,
  unit: parsedArgs.values.unit,
  sort: parsedArgs.values.sort,
  asOf: parsedArgs.values["as-of"],
  format: parsedArgs.values.format,
  out: parsedArgs.values.out,
  send: parsedArgs.values.send,
});
if (!args.success) fail(args.error.issues.map((i) => i.message).join("\n"));
const { report, unit: unitPath, sort } = args.data;
const asOf = args.data.asOf ?? today();
// The command acts for HR: the whole organisation is in scope.
const viewer = { role: "hr" as const, scopePaths: [] };

/** The xAPI file and send in the audit trail, as writeFile below records the other exports. */
function auditXapi(filters: string, rowCount: number) {
  getDb()
    .insert(schema.auditEvent)
    .values({
      at: Date.now(),
      actorUserId: null,
      actorName: "Kommandoen npm run report",
      actorRole: "hr",
      action: "export",
      scope: "Hele organisationen",
      filters,
      rowCount,
      requestId: "kommando",
    })
    .run();
}

if (report === "completions") {
  if (args.data.format !== "xapi") fail("completions findes kun som --format xapi.");
  if (!args.data.out && !args.data.send) fail("Angiv --out FIL, --send eller begge.");
  // The actor's homePage and every id are made from the site's address: use the server's.
  if (!process.env.PUBLIC_ORIGIN)
    console.error(`PUBLIC_ORIGIN er ikke sat; udsagnene bruger ${config().publicOrigin}.`);
  const origin = config().publicOrigin;
  if (args.data.out) {
    const file = xapiExport(origin);
    writeFileSync(args.data.out, file.text);
    auditXapi(`${file.filters}; Format: JSON`, file.count);
    console.log(`Skrev ${file.count} xAPI-udsagn til ${args.data.out}.`);
  }
  if (args.data.send) {
    const lrs = config().xapiLrs ?? fail("XAPI_LRS_URL, XAPI_LRS_KEY og XAPI_LRS_SECRET er ikke sat.");
    const result = await sendPendingXapi({ lrs, origin });
    auditXapi(`xAPI-udsagn sendt til ${lrs.url.host}`, result.sent);
    console.log(`Sendte ${result.sent} xAPI-udsagn til ${lrs.url.host}; ${result.unsent} venter.`);
    if (result.error) {
      console.error(result.error);
      process.exit(1);
    }
  }
  process.exit(0);
}
const format =
  args.data.format === "xapi" ? fail("--format xapi hører til rapporten completions.") : args.data.format;
const out = args.data.out ?? fail("--out mangler.");

/** Writes the file to `out` and the export to the audit trail; resolves with the number of rows. */
async function writeFile<T>(
  rows: Iterable<T>,
  meta: ExportMeta,
  scope: string,
  filters: string,
  table?: ExportTable<T>,
): Promise<number> {
  const body = exportBody();
  const [written] = await Promise.all([
    writeExport(format, rows, meta, body, table),
    pipeline(body, createWriteStream(out)),
  ]);
  getDb()
    .insert(schema.auditEvent)
    .values({
      at: Date.now(),
      actorUserId: null,
      actorName: "Kommandoen npm run report",
      actorRole: "hr",
      action: "export",
      scope,
      filters: `${filters}; Format: ${format.toUpperCase()}; Pr. ${asOf}`,
      rowCount: written,
      requestId: "kommando",
    })
    .run();
  return written;
}

if (report === "summary") {
  const file = buildUnitSummaryExport(viewer, asOf);
  const written = await writeFile(file.rows, file.meta, file.meta.scope, "Status pr. enhed", file.table);
  console.log(`Skrev ${written} enheder til ${out}.`);
  process.exit(0);
}
const course = args.data.course ?? fail("--course mangler.");

let unit = null;
if (unitPath) {
  const wanted = unitPath
    .split(">")
    .map((s) => s.trim())
    .join(" > ");
  const found = listUnitsWithPaths().find((u) => u.label === wanted);
  if (!found) fail(`Enheden "${unitPath}" findes ikke.`);
  unit = getUnit(found.id) ?? null;
}

const query: PeopleQuery = {
  ...NOT_COMPLETED_QUERY,
  course: course ?? ALL_COURSES,
  sort: keyOfSlug(SORTS, sort) ?? "unit",
};
const view = buildPeopleList({ viewer, unit, query, asOf });
const rows = await writeFile(
  peopleViewExportRows(view, query),
  { title: exportTitle(view, query), scope: view.scopeLabel, asOf, filters: view.filters },
  view.scopeLabel,
  view.filters,
);
console.log(`Skrev ${rows} rækker (${view.total()} personer) til ${out}.`);
