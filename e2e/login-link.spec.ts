// The one-time e-mail link on the demo (no SMTP): the mail lands in the outbox, and the
// Demo-postkasse shows it, so a person can try the whole flow.
import { expect, type Page, test } from "@playwright/test";
import { e2eDb, expectNoAxeViolations, refreshKeptStatusOf, unitId } from "./helpers";

const ANSWER = "Hvis adressen står i kommunens medarbejderliste, har vi sendt dig et link.";
let counter = 0;

/** A person on the roster with no login yet. */
function rosterEmployee(fields: { endDate?: string } = {}) {
  counter++;
  const email = `link-${process.pid}-${counter}-${Date.now()}@albertslund.test`;
  const name = `Linkbruger ${process.pid} ${counter}`;
  const db = e2eDb();
  try {
    const { lastInsertRowid } = db
      .prepare(
        "insert into employee (employee_number, name, email, org_unit_id, start_date, end_date) values (?, ?, ?, ?, ?, ?)",
      )
      .run(
        `L${Date.now()}${counter}${process.pid}`,
        name,
        email,
        unitId("Hjemmeplejen Nord"),
        "2022-01-01",
        fields.endDate ?? null,
      );
    refreshKeptStatusOf(Number(lastInsertRowid));
  } finally {
    db.close();
  }
  return { email, name };
}

function outboxFor(email: string) {
  const db = e2eDb();
  try {
    return db.prepare('select * from mail_outbox where "to" = ? order by id').all(email) as {
      text: string;
      status: string;
      last_error: string | null;
      login_link_id: number;
    }[];
  } finally {
    db.close();
  }
}

async function askForLink(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Din arbejdsmail").fill(email);
  await page.getByRole("button", { name: "Send mig et link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tjek din mail" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(ANSWER);
}

/** Opens the newest mail to this address in the postkasse and returns the link in it. */
async function linkFromPostkasse(page: Page, email: string): Promise<string> {
  await page.goto("/demo/postkasse");
  await page
    .getByRole("button", { name: `Åbn mailen til ${email}` })
    .first()
    .click();
  const link = page
    .getByRole("region", { name: "Dit link til at logge ind på AI og GDPR" })
    .getByRole("link");
  const href = await link.getAttribute("href");
  if (!href) throw new Error("no link in the mail");
  return href;
}

test("an employee on the roster asks for a link, opens it, presses Log ind and is in — once", async ({
  page,
}) => {
  const person = rosterEmployee();
  await askForLink(page, person.email);
  await expectNoAxeViolations(page);

  // The outbox keeps the mail, marked as not sent, and no usable link in it.
  const [mail] = outboxFor(person.email);
  expect(mail?.status).toBe("queued");
  expect(mail?.last_error).toContain("SMTP_URL er ikke sat");
  expect(mail?.text).toContain("{{link}}");
  expect(mail?.text).not.toMatch(/login\/link\/[A-Za-z0-9_-]{20,}/);

  const href = await linkFromPostkasse(page, person.email);
  await expectNoAxeViolations(page);
  expect(href).toMatch(/\/login\/link\/[A-Za-z0-9_-]{43}$/);
  const token = href.split("/").at(-1) ?? "";
  const db = e2eDb();
  try {
    expect(JSON.stringify(db.prepare("select * from mail_outbox").all())).not.toContain(token);
    expect(JSON.stringify(db.prepare("select hex(token_hash) h from login_link").all())).not.toContain(token);
  } finally {
    db.close();
  }

  // Opening the link (a GET, as a mail scanner would) twice does not use it up.
  for (let i = 0; i < 2; i++) {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1, name: "Log ind med dit link" })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByRole("button", { name: "Log ud" })).toBeVisible();
  // The first sign-in created an employee account for the roster person.
  await expect(page.getByRole("banner")).toContainText(`${person.name} (Medarbejder)`);

  await page.context().clearCookies();
  const again = await page.goto(href);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "Linket virker ikke" })).toBeVisible();
  await expectNoAxeViolations(page);
  const post = await page.request.post(href, {
    form: {},
    headers: { Origin: new URL(href).origin },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(410);
  expect(post.headers()["set-cookie"]).toBeUndefined();
});

test("an unknown address and a leaver get the same answer and no mail", async ({ page }) => {
  const leaver = rosterEmployee({ endDate: "2024-06-30" });
  const unknown = `ukendt-${Date.now()}@albertslund.test`;
  const statuses: number[] = [];
  page.on("response", (r) => {
    if (r.request().method() === "POST") statuses.push(r.status());
  });
  const known = rosterEmployee();
  for (const email of [known.email, unknown, leaver.email]) await askForLink(page, email);
  expect(new Set(statuses)).toEqual(new Set([200]));
  expect(outboxFor(known.email)).toHaveLength(1);
  expect(outboxFor(unknown)).toHaveLength(0);
  expect(outboxFor(leaver.email)).toHaveLength(0);
});

test("at most 3 links per address in 15 minutes, and a link is refused after 15 minutes", async ({
  page,
}) => {
  const person = rosterEmployee();
  for (let i = 0; i < 4; i++) await askForLink(page, person.email);
  expect(outboxFor(person.email)).toHaveLength(3);

  const href = await linkFromPostkasse(page, person.email);
  // 16 minutes pass: the link's row is moved back in time (the server's clock is never faked).
  const db = e2eDb();
  try {
    const id = outboxFor(person.email).at(-1)?.login_link_id;
    db.prepare(
      "update login_link set created_at = created_at - 960000, expires_at = expires_at - 960000 where id = ?",
    ).run(id);
  } finally {
    db.close();
  }
  const response = await page.goto(href);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("alert")).toContainText("Linket er udløbet eller allerede brugt");
  const post = await page.request.post(href, {
    form: {},
    headers: { Origin: new URL(href).origin },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(410);
});
