// `npm run retention [-- --dry-run] [--months N]`: deletes the personal records of employees who
// left more than N months ago (default 24, or RETENTION_MONTHS), keeping anonymous counts.
import { parseArgs } from "node:util";
import { today } from "~/compliance/day";
import { DEFAULT_RETENTION_MONTHS, runRetention } from "~/privacy/retention.server";

const { values } = parseArgs({
  options: { "dry-run": { type: "boolean", default: false }, months: { type: "string" } },
});
const months = Number(values.months ?? process.env.RETENTION_MONTHS ?? DEFAULT_RETENTION_MONTHS);
if (!Number.isInteger(months) || months < 1) {
  console.error("--months skal være et helt antal måneder (mindst 1).");
  process.exit(2);
}
const dryRun = values["dry-run"] === true;
const result = runRetention({ today: today(), months, dryRun });
console.log(
  `${dryRun ? "Prøvekørsel: ville slette" : "Slettede"} ${result.employees} medarbejdere, der fratrådte før ${result.leftBefore}, med ${result.completions} gennemførelser og ${result.otherRows} andre rækker.`,
);
