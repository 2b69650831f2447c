import { expect, test } from "@playwright/test";
import {
  attemptLogIn,
  createTestAccount,
  createTestEmployee,
  DEMO,
  expectNoAxeViolations,
  logIn,
  logOut,
  waitForHydration,
} from "./helpers";

test.describe("headers on every response", () => {
  test("a strict CSP with a fresh nonce on every script, and the other security headers", async ({
    request,
  }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    const csp = first.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "style-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-inline");
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/\sstyle="/);

    const headers = first.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toContain("max-age=63072000");
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["permissions-policy"]).toContain("geolocation=()");
  });

  test("/healthz answers without a session, behind the same gate and headers", async ({ request }) => {
    const health = await request.get("/healthz");
    expect(health.status()).toBe(200);
    expect(await health.text()).toBe("ok");
    expect(health.headers()["cache-control"]).toBe("no-store");
    expect(health.headers()["x-content-type-options"]).toBe("nosniff");
    expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const foreign = await request.post("/healthz", {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      form: { x: "1" },
    });
    expect(foreign.status()).toBe(403);
  });

  test("no page breaks the Content-Security-Policy", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await logIn(page, DEMO.hr);
    for (const link of ["Organisationen", "Revisionsspor", "Indlæs data", "AI-værktøjer", "Forside"]) {
      await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    await page.getByRole("link", { name: "Børn, Sundhed & Velfærd" }).click();
    await expect(page.getByRole("img").first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("the request gate", () => {
  const form = { email: DEMO.employee, password: "forkert" };

  test("refuses a POST from another site, from a foreign origin, or with neither header", async ({
    request,
    baseURL,
  }) => {
    const cases: Record<string, Record<string, string>> = {
      "cross-site": { "Sec-Fetch-Site": "cross-site" },
      "same-site": { "Sec-Fetch-Site": "same-site" },
      "foreign origin": { Origin: "https://evil.example" },
      "no header": {},
    };
    for (const [name, headers] of Object.entries(cases)) {
      const response = await request.post("/login", { form, headers, maxRedirects: 0 });
      expect(response.status(), name).toBe(403);
      expect(await response.text(), name).toContain("Afvist");
    }
    const ok = await request.post("/login", { form, headers: { Origin: baseURL ?? "" }, maxRedirects: 0 });
    expect(ok.status()).toBe(400);
    const json = await request.post("/login", {
      data: { email: "x" },
      headers: { Origin: baseURL ?? "", "Content-Type": "application/json" },
      maxRedirects: 0,
    });
    expect(json.status()).toBe(415);
    const fetchMetadata = await request.post("/login", {
      form,
      headers: { "Sec-Fetch-Site": "same-origin" },
      maxRedirects: 0,
    });
    expect(fetchMetadata.status()).toBe(400);
  });

  test("a logout from another site does nothing", async ({ page }) => {
    await logIn(page, DEMO.employee);
    const response = await page.request.post("/logout", {
      headers: { "Sec-Fetch-Site": "cross-site" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    await page.goto("/mine-kurser");
    await expect(page.getByRole("button", { name: "Log ud" })).toBeVisible();
  });
});

test.describe("login abuse", () => {
  test("after five wrong passwords the next attempt must wait, whatever X-Forwarded-For says", async ({
    request,
    baseURL,
  }) => {
    const account = await createTestAccount("employee");
    const attempt = (password: string, i: number) =>
      request.post("/login", {
        form: { email: account.email, password },
        headers: { Origin: baseURL ?? "", "X-Forwarded-For": `10.0.${i}.${i}` },
        maxRedirects: 0,
      });
    for (let i = 0; i < 5; i++) expect((await attempt("forkert-kode", i)).status()).toBe(400);
    // Even the right password waits: the limit slows guessing down (1 s, 2 s … at most 30 s).
    const blocked = await attempt(account.password, 99);
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.headers()["retry-after"])).toBeLessThanOrEqual(30);
    expect(await blocked.text()).toContain("For mange forkerte forsøg. Vent");
  });

  test("a body above 64 KB is refused unread, and over-long fields get a Danish message", async ({
    request,
    baseURL,
  }) => {
    const headers = { Origin: baseURL ?? "" };
    const big = await request.post("/login", {
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      data: `email=a%40b.dk&password=${"A".repeat(70 * 1024)}`,
      maxRedirects: 0,
    });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain("Det, du sendte, er for stort");
    const long = await request.post("/login", {
      headers,
      form: { email: `${"a".repeat(250)}@b.dk`, password: "p".repeat(1025) },
      maxRedirects: 0,
    });
    expect(long.status()).toBe(400);
    const text = await long.text();
    expect(text).toContain("E-mailadressen må højst have 254 tegn.");
    expect(text).toContain("Adgangskoden må højst have 1024 tegn.");
  });

  test("a return-to path with a tab (or newline) never leaves the site", async ({ page }) => {
    const account = await createTestAccount("employee");
    for (const payload of [
      "%2F%09%2Fevil.example",
      "%2F%0A%2Fevil.example",
      "%2F%0D%2Fevil.example",
      "%2F%0B%2Fevil.example",
    ]) {
      await page.goto(`/login?redirectTo=${payload}`);
      await page.getByLabel("E-mail").fill(account.email);
      await page.getByLabel("Adgangskode").fill(account.password);
      await page.getByRole("button", { name: "Log ind" }).click();
      await expect(page).toHaveURL(/localhost:\d+\/$/);
      await logOut(page);
    }
  });

  test("an unknown e-mail and a wrong password look the same, in status and text", async ({ page }) => {
    const account = await createTestAccount("employee");
    const statuses: number[] = [];
    page.on("response", (r) => {
      if (r.request().method() === "POST") statuses.push(r.status());
    });
    await attemptLogIn(page, account.email, "forkert-kode");
    const wrongPassword = await page.getByRole("alert").textContent();
    await attemptLogIn(page, `ukendt-${account.email}`, "forkert-kode");
    expect(await page.getByRole("alert").textContent()).toBe(wrongPassword);
    expect(new Set(statuses).size).toBe(1);
  });
});

test("managers and HR are warned before an idle logout and can extend, again and again", async ({ page }) => {
  test.setTimeout(90_000);
  const hr = await createTestAccount("hr");
  await page.clock.install();
  await logIn(page, hr.email, hr.password);
  // A fresh page load, so the idle timer starts during hydration; once the page says it is
  // hydrated, the timer has its deadline and every jump of the clock below counts.
  await page.goto("/");
  await waitForHydration(page);
  const warning = page.getByRole("alertdialog", { name: "Du bliver snart logget ud" });
  const loggedOut = page.getByRole("alertdialog", { name: "Du er logget ud" });

  for (let i = 0; i < 10; i++) {
    // 30 idle minutes: no warning after 27½, a warning with a countdown after 28½.
    await page.clock.fastForward("27:30");
    await expect(warning).toBeHidden();
    await page.clock.fastForward("01:00");
    await expect(warning).toBeVisible();
    const seconds = Number(/om (\d+) sekunder/.exec((await warning.textContent()) ?? "")?.[1]);
    expect(seconds).toBeGreaterThan(60);
    expect(seconds).toBeLessThanOrEqual(90);
    await expect(warning.getByRole("button", { name: "Forlæng" })).toBeFocused();
    if (i === 0) await expectNoAxeViolations(page);
    const extended = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/session/forlaeng"),
    );
    await page.keyboard.press("Enter");
    expect((await extended).status()).toBe(200);
    // Hidden means the new deadline from the answer is in place (the layout does not reload).
    await expect(warning).toBeHidden();
  }
  await page.clock.fastForward("29:30");
  await expect(warning).toBeVisible();
  await page.clock.fastForward("00:31");
  await expect(loggedOut).toBeVisible();
  await expect(warning).toBeHidden();
});

test("an employee sees their own data and who has looked at it", async ({ page, browser }) => {
  const person = await createTestEmployee("Familierådgivningen");
  const manager = await browser.newPage();
  await logIn(manager, DEMO.manager);
  await manager.goto("/enheder");
  await manager.getByRole("link", { name: "Familierådgivningen" }).click();
  await manager.getByRole("link", { name: "Alle personer" }).click();
  await manager.getByLabel("Søg på navn eller medarbejdernr.").fill(person.name);
  await manager.getByRole("button", { name: "Vis" }).click();
  await manager.getByRole("link", { name: person.name }).click();
  await expect(manager.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await manager.close();

  await logIn(page, person.email, person.password);
  await page.getByRole("link", { name: "Mine data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mine data" })).toBeVisible();
  await expect(page.getByText(person.email)).toBeVisible();
  const lookups = page.getByRole("region", { name: "Hvem har set dine oplysninger" });
  await expect(lookups).toContainText("Lars Demo Brandt (Leder) – Så dine oplysninger");
  await expect(lookups).toContainText(
    "Så personlisten for Børn, Sundhed & Velfærd > Børn & Familie > Familierådgivningen",
  );
  await expectNoAxeViolations(page);
});
