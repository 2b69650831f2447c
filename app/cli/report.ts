// `npm run report -- summary [--as-of YYYY-MM-DD] --format csv|xlsx --out FILE`: the per-unit
//   summary of the whole organisation, the file /enheder gives HR.
// `npm run report -- completions --format xapi [--out FILE] [--send]`: every completion and quiz
//   attempt as xAPI 1.0.3 statements (app/xapi), the file /hr/xapi gives HR; --send posts the
//   ones the learning record store (XAPI_LRS_URL) does not have yet.
// `npm run report -- not-completed --course ai|gdpr|all [--unit "A > B"] [--as-of YYYY-MM-DD]
//   --format csv|xlsx --out FILE`: the "who has not completed" export for scheduled jobs.
// The files come from the site's own writer (writeExportFile), so they are exactly the files the
// web export gives for the same scope, and every one is recorded in the audit trail.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { recordAudit } from "~/audit/audit.server";
import { isDay, today } from "~/compliance/day";
import { ALL_COURSES, NOT_COMPLETED_QUERY, type PeopleQuery, SORTS } from "~/compliance/people-list";
import { findUnitByPathLabel } from "~/compliance/units.server";
import { config } from "~/env.server";
import { type ExportRequest, writeExportFile } from "~/reports/export-files.server";
import { keyOfSlug } from "~/slugs";
import { sendPendingXapi } from "~/xapi/lrs.server";
import { xapiExport } from "~/xapi/statements.server";
import { exitWithUsage, isEntry, parseOrExit } from "./args";

const USAGE = `Brug: npm run report -- not-completed --course ai|gdpr|all [--unit "Enhed > Underenhed"] [--sort enhed|navn|frist] [--as-of ÅÅÅÅ-MM-DD] --format csv|xlsx --out FIL
      npm run report -- summary [--as-of ÅÅÅÅ-MM-DD] --format csv|xlsx --out FIL
      npm run report -- completions --format xapi [--out FIL] [--send]`;

export const REPORT_OPTIONS = {
  course: { type: "string" },
  unit: { type: "string" },
  sort: { type: "string" },
  "as-of": { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  send: { type: "boolean" },
} as const;

const out = z.string().min(1, "--out mangler.");
const asOf = z.string().refine(isDay, "--as-of skal være en dato som 2026-11-26.").optional();
const fileFormat = z.enum(["csv", "xlsx"], { message: "--format skal være csv eller xlsx." });

/** Each report with the options it takes; an option another report takes is refused. */
export const ReportArgs = z.discriminatedUnion(
  "report",
  [
    z.strictObject({
      report: z.literal("not-completed"),
      course: z.enum(["ai", "gdpr", "all"], { message: "--course skal være ai, gdpr eller all." }),
      unit: z.string().optional(),
      // The "Hvem mangler?" page and its export sort by unit; so does the command, unless told otherwise.
      sort: z
        .enum(["enhed", "navn", "frist"], { message: "--sort skal være enhed, navn eller frist." })
        .default("enhed"),
      asOf,
      format: fileFormat,
      out,
    }),
    z.strictObject({ report: z.literal("summary"), asOf, format: fileFormat, out }),
    z
      .strictObject({
        report: z.literal("completions"),
        format: z.literal("xapi", { message: "completions findes kun som --format xapi." }),
        out: out.optional(),
        send: z.boolean().default(false),
      })
      .refine((a) => a.out || a.send, "Angiv --out FIL, --send eller begge."),
  ],
  { message: "Rapporten skal være not-completed, summary eller completions." },
);

/** The command's words as the arguments object: the report is the first positional. */
export const ReportCommandArgs = z
  .object({ positionals: z.array(z.string()).max(1, "Kun én rapport ad gangen.") })
  .loose()
  .transform(({ positionals, ...options }, ctx) => {
    const parsed = ReportArgs.safeParse({ report: positionals[0], ...options });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({
        code: "custom",
        message:
          issue.code === "unrecognized_keys"
            ? `Rapporten ${positionals[0]} tager ikke ${issue.keys.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(", ")}.`
            : issue.message,
      });
    }
    return z.NEVER;
  });

/** The people list's query for "who has not completed" the course, sorted as `--sort` says. */
export function notCompletedQuery(course: "ai" | "gdpr" | "all", sortSlug: string): PeopleQuery {
  return {
    ...NOT_COMPLETED_QUERY,
    course: course === "all" ? ALL_COURSES : course,
    sort: keyOfSlug(SORTS, sortSlug) ?? "unit",
  };
}

// The command acts for HR: the whole organisation is in scope.
const HR_VIEWER = { role: "hr" as const, scopePaths: [] };
const COMMAND = { actor: { kind: "command", name: "report" } } as const;

async function main() {
  const settings = config();
  const args = parseOrExit(USAGE, REPORT_OPTIONS, ReportCommandArgs);

  if (args.report === "completions") {
    // The actor's homePage and every id are made from the site's address: use the server's.
    if (!settings.publicOriginIsSet)
      console.error(`PUBLIC_ORIGIN er ikke sat; udsagnene bruger ${settings.publicOrigin}.`);
    const origin = settings.publicOrigin;
    if (args.out) {
      const file = xapiExport(origin);
      writeFileSync(args.out, file.text);
      recordAudit({
        ...COMMAND,
        action: "export",
        scope: file.scope,
        filters: `${file.filters}; Format: JSON`,
        rowCount: file.count,
      });
      console.log(`Skrev ${file.count} xAPI-udsagn til ${args.out}.`);
    }
    if (args.send) {
      const lrs =
        settings.xapiLrs ??
        exitWithUsage("XAPI_LRS_URL, XAPI_LRS_KEY og XAPI_LRS_SECRET er ikke sat.", USAGE);
      const result = await sendPendingXapi({ lrs, origin });
      recordAudit({
        ...COMMAND,
        action: "export",
        scope: "Hele organisationen",
        filters: `xAPI-udsagn sendt til ${lrs.url.host}`,
        rowCount: result.sent,
      });
      console.log(`Sendte ${result.sent} xAPI-udsagn til ${lrs.url.host}; ${result.unsent} venter.`);
      if (result.error) {
        console.error(result.error);
        process.exit(1);
      }
    }
    return;
  }

  const day = args.asOf ?? today();
  let request: ExportRequest;
  if (args.report === "summary") {
    request = { name: "unitSummary", asOf: day, format: args.format };
  } else {
    const unit = args.unit ? findUnitByPathLabel(args.unit) : null;
    if (unit === undefined) exitWithUsage(`Enheden "${args.unit}" findes ikke.`, USAGE);
    request = {
      name: "peopleList",
      unitId: unit?.id ?? null,
      query: notCompletedQuery(args.course, args.sort),
      asOf: day,
      format: args.format,
    };
  }
  const written = await writeExportFile(HR_VIEWER, request, args.out);
  recordAudit({
    ...COMMAND,
    action: "export",
    ...written.audit,
    filters: `${written.audit.filters}; Pr. ${day}`,
  });
  console.log(`Skrev ${written.rows} ${args.report === "summary" ? "enheder" : "rækker"} til ${args.out}.`);
}

if (isEntry(import.meta.url)) await main();
