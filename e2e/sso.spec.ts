// Single sign-on against a real OpenID provider (oidc-provider) on loopback, through the browser:
// the whole flow for a roster employee, and every case that must be refused.
import { expect, type Page, test } from "@playwright/test";
import { type AppServer, startAppServer } from "./app-server";
import { expectNoAxeViolations, freePort } from "./helpers";
import { CLIENT_ID, CLIENT_SECRET, startTestIdp, type TestIdp } from "./test-idp";

test.describe.configure({ mode: "serial" });

let idp: TestIdp;
let app: AppServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  idp = await startTestIdp(`http://localhost:${port}/login/sso/callback`);
  app = await startAppServer(
    { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET },
    { port },
  );
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.close();
});

test.afterEach(() => idp.forge(null));

let counter = 0;

/** A person on the roster (no login yet) and their account at the provider. */
function person(fields: { endDate?: string; onRoster?: boolean } = {}) {
  counter++;
  const sub = `sso-${process.pid}-${counter}-${Date.now()}`;
  const email = `${sub}@albertslund.test`;
  const name = `Sso Bruger ${counter}`;
  if (fields.onRoster !== false) {
    const db = app.db();
    try {
      const unit = db
        .prepare("insert into org_unit (name, path) values (?, ?) returning id")
        .get(`Enhed ${sub}`, `tmp-${sub}`) as { id: number };
      db.prepare("update org_unit set path = ? where id = ?").run(`/${unit.id}/`, unit.id);
      db.prepare(
        "insert into employee (employee_number, name, email, org_unit_id, start_date, end_date) values (?, ?, ?, ?, ?, ?)",
      ).run(`S${counter}${Date.now()}`, name, email, unit.id, "2022-01-01", fields.endDate ?? null);
    } finally {
      db.close();
    }
  }
  idp.accounts.set(sub, { email, name, preferred_username: email });
  return { sub, email, name };
}

/** Clicks "Log ind med din arbejdskonto" and signs in at the provider as `sub`. */
async function signIn(page: Page, sub: string) {
  await page.context().clearCookies(); // a fresh provider session, so its login page shows
  await page.goto(`${app.origin}/login`);
  await page.getByRole("link", { name: "Log ind med din arbejdskonto" }).click();
  await page.getByPlaceholder("Enter any login").fill(sub);
  await page.getByPlaceholder("and password").fill("hvad-som-helst");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

const signedIn = (page: Page) => expect(page.getByRole("button", { name: "Log ud" })).toBeVisible();

async function refused(page: Page, text: string) {
  await expect(page.getByRole("heading", { level: 1, name: "Du blev ikke logget ind" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText(text);
  await expect(page.getByRole("button", { name: "Log ud" })).toHaveCount(0);
}

const NOT_VERIFIED = "Vi kunne ikke bekræfte dit log ind hos Microsoft";

/** Starts a fresh sign-in and stops at the provider's login page; returns the attempt's state. */
async function startAttempt(page: Page): Promise<string> {
  await page.context().clearCookies();
  const authorize = page.waitForRequest((r) => r.url().startsWith(`${idp.issuer}/auth?`));
  await page.goto(`${app.origin}/login`);
  await page.getByRole("link", { name: "Log ind med din arbejdskonto" }).click();
  await expect(page.getByPlaceholder("Enter any login")).toBeVisible();
  return new URL((await authorize).url()).searchParams.get("state") ?? "";
}

/** The server's log line may reach us a moment after the page: wait for it, not for time. */
async function expectLogged(text: string) {
  await expect.poll(() => app.log.join("")).toContain(text);
}

test("the login page offers the work account, and passwords only for administrators", async ({ page }) => {
  await page.goto(`${app.origin}/login`);
  await expect(page.getByRole("link", { name: "Log ind med din arbejdskonto" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Administratorer: med adgangskode" })).toBeVisible();
  // No SMTP and no demo data: no e-mail link, and no Demo-postkasse.
  await expect(page.getByRole("button", { name: "Send mig et link" })).toHaveCount(0);
  expect((await page.request.get(`${app.origin}/demo/postkasse`)).status()).toBe(404);
  await expectNoAxeViolations(page);
});

test("an employee on the roster signs in at the provider and lands on the site with a new account", async ({
  page,
}) => {
  const p = person();
  await signIn(page, p.sub);
  await signedIn(page);
  await expect(page).toHaveURL(`${app.origin}/`);
  await expect(page.getByRole("banner")).toContainText(`${p.name} (Medarbejder)`);
  const db = app.db();
  try {
    const row = db.prepare("select role, oidc_subject from user_account where email = ?").get(p.email) as {
      role: string;
      oidc_subject: string;
    };
    expect(row).toEqual({ role: "employee", oidc_subject: `iss:${idp.issuer}:sub:${p.sub}` });
  } finally {
    db.close();
  }
});

test("a leaver and someone not on the roster are refused with a clear Danish page", async ({ page }) => {
  const leaver = person({ endDate: "2024-03-31" });
  await signIn(page, leaver.sub);
  await refused(page, "Du står som fratrådt i kommunens medarbejderliste");
  await expectNoAxeViolations(page);

  const stranger = person({ onRoster: false });
  await signIn(page, stranger.sub);
  await refused(page, "Du står ikke i kommunens medarbejderliste");
  await expectLogged('"refusal":"not-on-roster"');
});

test("the binding survives an e-mail change and is not taken over by the old or new address", async ({
  browser,
}) => {
  const p = person();
  const first = await browser.newContext();
  await signIn(await first.newPage(), p.sub).then(() => undefined);
  await signedIn(first.pages()[0] as Page);
  await first.close();

  // The roster and the provider both change the address.
  const db = app.db();
  try {
    db.prepare("update employee set email = ? where email = ?").run(`ny-${p.email}`, p.email);
  } finally {
    db.close();
  }
  idp.accounts.set(p.sub, { email: `andet-${p.email}`, name: p.name });
  const again = await browser.newContext();
  const page = await again.newPage();
  await signIn(page, p.sub);
  await signedIn(page);
  await expect(page.getByRole("banner")).toContainText(p.name);
  await again.close();

  // Someone else at the provider who now has the old address is not on the roster …
  const oldAddress = `${p.sub}-b`;
  idp.accounts.set(oldAddress, { email: p.email, name: "En anden" });
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, oldAddress);
  await refused(otherPage, "Du står ikke i kommunens medarbejderliste");
  await other.close();

  // … and someone with the roster's new address cannot take the bound account either.
  const newAddress = `${p.sub}-c`;
  idp.accounts.set(newAddress, { email: `ny-${p.email}`, name: "En tredje" });
  const third = await browser.newContext();
  const thirdPage = await third.newPage();
  await signIn(thirdPage, newAddress);
  await refused(thirdPage, "allerede knyttet til en anden arbejdskonto");
  await third.close();
});

test("a wrong state and a replayed code are refused", async ({ page }) => {
  const p = person();
  const callback = page.waitForRequest((r) => r.url().startsWith(`${app.origin}/login/sso/callback?`));
  await signIn(page, p.sub);
  await signedIn(page);
  const used = new URL((await callback).url());
  const code = used.searchParams.get("code") ?? "";
  const callbackWith = (params: Record<string, string>) =>
    `${app.origin}/login/sso/callback?${new URLSearchParams({ ...Object.fromEntries(used.searchParams), ...params })}`;

  // The same callback again (signed out): the attempt was used up.
  await page.context().clearCookies();
  await page.goto(used.href);
  await refused(page, "Log ind tog for lang tid");

  // A pending attempt answered with another state.
  await startAttempt(page);
  await page.goto(callbackWith({ state: "en-anden-state" }));
  await refused(page, NOT_VERIFIED);

  // A pending attempt with the right state but the code that has already signed in once.
  const state = await startAttempt(page);
  await page.goto(callbackWith({ state, code }));
  await refused(page, NOT_VERIFIED);
  await expectLogged('"refusal":"token-invalid"');
});

const now = () => Math.floor(Date.now() / 1000);
const forgeries: [
  string,
  (c: Record<string, unknown>) => { claims: Record<string, unknown>; otherKey?: boolean },
][] = [
  ["a wrong nonce", (c) => ({ claims: { ...c, nonce: "en-anden-nonce" } })],
  ["a wrong audience", (c) => ({ claims: { ...c, aud: "en-anden-app" } })],
  ["another issuer", (c) => ({ claims: { ...c, iss: "http://127.0.0.1:1/anden" } })],
  ["a token expired 3 minutes ago", (c) => ({ claims: { ...c, iat: now() - 600, exp: now() - 180 } })],
  ["a token not valid for another 3 minutes", (c) => ({ claims: { ...c, nbf: now() + 180 } })],
  ["a token signed by another key", (c) => ({ claims: c, otherKey: true })],
];

for (const [name, forgery] of forgeries) {
  test(`an ID token with ${name} is refused, with the reason in the log`, async ({ page }) => {
    const p = person();
    // Count refusal lines rather than slicing at a character offset: log chunks can end mid-line.
    const refusals = () => app.log.join("").split('"refusal":"token-invalid"').length - 1;
    const before = refusals();
    idp.forge(forgery);
    await signIn(page, p.sub);
    await refused(page, NOT_VERIFIED);
    await expect.poll(refusals).toBeGreaterThan(before);
    const lines = app.log.join("");
    expect(lines).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no token in the log
  });
}

test("the forger's own correct token, and one expired within the 2 minutes' skew, are accepted", async ({
  browser,
}) => {
  for (const forgery of [
    (c: Record<string, unknown>) => ({ claims: c }),
    (c: Record<string, unknown>) => ({ claims: { ...c, iat: now() - 400, exp: now() - 60 } }),
  ]) {
    const p = person();
    idp.forge(forgery);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, p.sub);
    await signedIn(page);
    await context.close();
  }
});
