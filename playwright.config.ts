import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against the production build (npm run build) on a fresh database with
// the demo data, in Debian's Chromium (Playwright's own browser download is not reachable here).
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE = "db/e2e.db";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: /logs\.spec\.ts/,
      grepInvert: /@alone/,
    },
    // Heavy tests (the dev server's first compile, the hostile import files): one at a time, after
    // the rest, so they neither slow the others down nor are slowed by them …
    {
      name: "alone",
      use: { ...devices["Desktop Chrome"] },
      grep: /@alone/,
      dependencies: ["chromium"],
      workers: 1,
    },
    // … and the log check reads the log of the whole run, so it comes last of all.
    { name: "logs", testMatch: /logs\.spec\.ts/, dependencies: ["alone"] },
  ],
  webServer: {
    command: `rm -f ${E2E_DATABASE} ${E2E_DATABASE}-wal ${E2E_DATABASE}-shm db/e2e-server.log && npx tsx db/migrate.ts && npx tsx db/seed.ts && node --import tsx app/server/index.ts`,
    url: `http://localhost:${PORT}/login`,
    env: {
      DATABASE_PATH: E2E_DATABASE,
      PORT: String(PORT),
      NODE_ENV: "production",
      // The server's log goes to a file the e2e run checks for secrets (see e2e/logs.spec.ts).
      LOG_FILE: "db/e2e-server.log",
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
