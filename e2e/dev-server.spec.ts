// `npm run dev` runs the same server as production (app/server/index.ts, Vite in middleware
// mode): the request gate, the CSP with its nonce, the request id and the log line must be there
// in development too, and the CSP must still let Vite's hot reload connect.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "./helpers";

let dir: string;
let origin: string;
let child: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), "dev-server-"));
  const port = await freePort();
  origin = `http://localhost:${port}`;
  child = spawn("npm", ["run", "dev"], {
    env: {
      ...process.env,
      DATABASE_PATH: path.join(dir, "dev.db"),
      PORT: String(port),
      LOG_FILE: path.join(dir, "log"),
    },
    detached: true,
    stdio: "ignore",
  });
  // Up when /healthz answers (it needs neither the build nor the database).
  await expect
    .poll(
      () =>
        fetch(`${origin}/healthz`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 100_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

// Vite's dev server compiles every module on first request: a heavy minute on a 2-core machine, so
// it runs alone, after the parallel specs, instead of slowing them past their waits.
test("npm run dev serves pages through the production gate, headers and log, and hot reload connects", {
  tag: "@alone",
}, async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  const hmr = page.waitForEvent("console", {
    predicate: (m) => m.text().includes("[vite] connected"),
    timeout: 60_000,
  });
  const response = await page.goto(`${origin}/login`);
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'strict-dynamic' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cache-control"]).toBe("no-store");
  // Vite's client runs under the nonce and its WebSocket is allowed: hot reload works.
  await hmr;
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(problems).toEqual([]);

  // A form posted from another site is refused before Remix sees it, as in production.
  const refused = await page.request.post(`${origin}/login`, {
    headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    form: { email: "hr@albertslund.test", password: "x" },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Afvist: forespørgslen kom ikke fra denne side.");

  // One log line per request, with the same id as the response header.
  await expect
    .poll(() => readFileSync(path.join(dir, "log"), "utf8"))
    .toContain(`"requestId":"${headers["x-request-id"]}","method":"GET","path":"/login","status":200`);
});
