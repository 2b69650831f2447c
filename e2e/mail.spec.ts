// The e-mail link over a real SMTP server on loopback (smtp-server), on a server configured
// with SMTP_URL and no demo data.
import { expect, type Page, test } from "@playwright/test";
import { type AppServer, startAppServer } from "./app-server";
import { expectNoAxeViolations } from "./helpers";
import { linkIn, startTestSmtp, type TestSmtp } from "./test-smtp";

test.describe.configure({ mode: "serial" });

const ANSWER = "Hvis adressen står i kommunens medarbejderliste, har vi sendt dig et link.";
let smtp: TestSmtp;
let app: AppServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  smtp = await startTestSmtp();
  app = await startAppServer({ SMTP_URL: smtp.url, MAIL_FROM: "AI og GDPR <laering@albertslund.test>" });
});

test.afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

let counter = 0;
function rosterEmployee() {
  counter++;
  const email = `mail-${process.pid}-${counter}-${Date.now()}@albertslund.test`;
  const db = app.db();
  try {
    const unit = db
      .prepare("insert into org_unit (name, path) values (?, ?) returning id")
      .get(`Enhed ${email}`, `tmp-${email}`) as {
      id: number;
    };
    db.prepare("update org_unit set path = ? where id = ?").run(`/${unit.id}/`, unit.id);
    db.prepare(
      "insert into employee (employee_number, name, email, org_unit_id, start_date) values (?, ?, ?, ?, ?)",
    ).run(`M${counter}${Date.now()}`, `Mail Bruger ${counter}`, email, unit.id, "2022-01-01");
  } finally {
    db.close();
  }
  return email;
}

function outbox(email: string) {
  const db = app.db();
  try {
    return db
      .prepare('select status, attempts, last_error, next_attempt_at from mail_outbox where "to" = ?')
      .all(email) as {
      status: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: number | null;
    }[];
  } finally {
    db.close();
  }
}

async function askForLink(page: Page, email: string) {
  await page.goto(`${app.origin}/login`);
  await page.getByLabel("Din arbejdsmail").fill(email);
  await page.getByRole("button", { name: "Send mig et link" }).click();
  await expect(page.getByRole("status")).toHaveText(ANSWER);
}

test("the link arrives by mail, signs in once, and is refused the second time", async ({ page }) => {
  const email = rosterEmployee();
  await askForLink(page, email);
  await expect.poll(() => smtp.mails.filter((m) => m.to.includes(email)).length).toBe(1);
  const mail = smtp.mails.find((m) => m.to.includes(email));
  if (!mail) throw new Error("no mail");
  expect(mail.raw).toContain("From: AI og GDPR <laering@albertslund.test>");
  const link = linkIn(mail);
  expect(link.startsWith(`${app.origin}/login/link/`)).toBe(true);
  await expect.poll(() => outbox(email)[0]?.status).toBe("sent");

  // A GET (a mail scanner, or the person looking twice) does not use it up.
  await page.request.get(link);
  await page.goto(link);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByRole("button", { name: "Log ud" })).toBeVisible();

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Linket virker ikke" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an unknown address gets the same answer and no mail", async ({ page }) => {
  const unknown = `ukendt-${Date.now()}@albertslund.test`;
  const before = smtp.mails.length;
  await askForLink(page, unknown);
  // A known address asked for afterwards arrives, so the unknown one had its chance to be sent.
  const known = rosterEmployee();
  await askForLink(page, known);
  await expect.poll(() => smtp.mails.some((m) => m.to.includes(known))).toBe(true);
  expect(smtp.mails.slice(before).some((m) => m.to.includes(unknown))).toBe(false);
  expect(outbox(unknown)).toEqual([]);
});

test("a failing SMTP server leaves the message in the outbox as failed, with the reason and a retry time", async ({
  page,
}) => {
  const email = rosterEmployee();
  smtp.failing = true;
  try {
    await askForLink(page, email);
    await expect.poll(() => outbox(email)[0]?.status).toBe("failed");
  } finally {
    smtp.failing = false;
  }
  const [row] = outbox(email);
  expect(row?.attempts).toBe(1);
  expect(row?.last_error).toContain("Postkassen er midlertidigt utilgængelig");
  expect(row?.next_attempt_at).toBeGreaterThan(Date.now());
  expect(smtp.mails.some((m) => m.to.includes(email))).toBe(false);
});
