// `npm run retention [-- --dry-run] [--months N]`: deletes the personal records of employees who
// left more than N months ago (default RETENTION_MONTHS, 24), keeping anonymous counts.
import { z } from "zod";
import { today } from "~/compliance/day";
import { config } from "~/env.server";
import { runRetention } from "~/privacy/retention.server";
import { isEntry, noPositionals, parseOrExit } from "./args";

const USAGE = "Brug: npm run retention [-- --dry-run] [--months N]";

export const RETENTION_OPTIONS = { "dry-run": { type: "boolean" }, months: { type: "string" } } as const;

export const RetentionArgs = z.object({
  positionals: z.array(z.string()).refine(noPositionals, "Ukendte argumenter."),
  dryRun: z.boolean().default(false),
  months: z.coerce
    .number({ message: "--months skal være et helt antal måneder (mindst 1)." })
    .int("--months skal være et helt antal måneder (mindst 1).")
    .min(1, "--months skal være et helt antal måneder (mindst 1).")
    .optional(),
});

if (isEntry(import.meta.url)) {
  const settings = config();
  const args = parseOrExit(USAGE, RETENTION_OPTIONS, RetentionArgs);
  const result = runRetention({
    today: today(),
    months: args.months ?? settings.retentionMonths,
    dryRun: args.dryRun,
  });
  console.log(
    `${args.dryRun ? "Prøvekørsel: ville slette" : "Slettede"} ${result.employees} medarbejdere, der fratrådte før ${result.leftBefore}, med ${result.completions} gennemførelser og ${result.otherRows} andre rækker.`,
  );
}
