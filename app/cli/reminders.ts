// `npm run reminders [-- --date YYYY-MM-DD]`: the daily scheduled job. Queues the reminders due
// on the day (14 days before a frist, on it, a week after it; new hires' welcome; managers' weekly
// digest) in the outbox and sends them over SMTP_URL; mails that failed before are retried.
// `npm run reminders -- --department-lists [--date YYYY-MM-DD]`: mails each afdeling's head the
// XLSX of who in the afdeling has not completed GDPR or AI.
// Exit codes: 0 done (also when some mails failed: they stay in the outbox and are retried), 2 bad arguments.
import { z } from "zod";
import { isDay, today } from "~/compliance/day";
import { config } from "~/env.server";
import { NOT_SENT_WITHOUT_SMTP } from "~/mail/outbox.server";
import { type DeliveryResult, runDailyReminders, sendDepartmentLists } from "~/reminders/reminders.server";
import { noPositionals, parseOrExit } from "./args";

const USAGE = "Brug: npm run reminders [-- --date ÅÅÅÅ-MM-DD] [--department-lists]";

config();
const args = parseOrExit(
  USAGE,
  { date: { type: "string" }, "department-lists": { type: "boolean" } },
  z.object({
    positionals: z.array(z.string()).refine(noPositionals, "Ukendte argumenter."),
    date: z.string().refine(isDay, "--date skal være en dato som 2026-12-07.").optional(),
    departmentLists: z.boolean().default(false),
  }),
);
const day = args.date ?? today();

function printDelivery(delivery: DeliveryResult) {
  if (delivery.withoutSmtp) {
    console.log(`${NOT_SENT_WITHOUT_SMTP} Mailene ligger i udbakken (HR: Udbakke).`);
    return;
  }
  console.log(
    `Sendt: ${delivery.sent}. Fejlede: ${delivery.failed} (prøves igen senere). Tidligere fejl sendt nu: ${delivery.retried}.`,
  );
}

if (args.departmentLists) {
  const result = await sendDepartmentLists({ day });
  console.log(`Afdelingslister pr. ${day}: ${result.mails} mails til afdelingernes ledere.`);
  for (const label of result.withoutHead)
    console.log(`Ingen leder for afdelingen ${label}: ingen liste sendt.`);
  printDelivery(result.delivery);
} else {
  const result = await runDailyReminders({ day });
  const m = result.mails;
  console.log(
    [
      `Påmindelser pr. ${day}:`,
      `  14 dage før fristen: ${m.before_due}`,
      `  på fristen: ${m.on_due}`,
      `  en uge efter fristen: ${m.after_due}`,
      `  velkomst til nye medarbejdere: ${m.new_hire}`,
      `  ugeoversigt til ledere: ${m.digest}`,
      `  i alt: ${m.before_due + m.on_due + m.after_due + m.new_hire + m.digest} mails`,
    ].join("\n"),
  );
  printDelivery(result.delivery);
}
process.exit(0);
