// The README's first command must keep working: `npm run demo` migrates, seeds and serves.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "./helpers";

test("npm run demo loads the demo data and serves the site with the demo accounts listed", async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), "demo-"));
  const port = await freePort();
  const child = spawn("npm", ["run", "demo"], {
    env: {
      ...process.env,
      DATABASE_PATH: path.join(dir, "demo.db"),
      PORT: String(port),
      LOG_FILE: path.join(dir, "log"),
    },
    detached: true,
    stdio: "pipe",
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  try {
    let html = "";
    for (let i = 0; i < 200 && !html; i++) {
      await new Promise((r) => setTimeout(r, 500));
      html = await fetch(`http://localhost:${port}/login`)
        .then((r) => (r.ok ? r.text() : ""))
        .catch(() => "");
    }
    expect(output).toContain("Demodata indlæst: 1504 medarbejdere");
    expect(html).toContain("Demokonti");
    expect(html).toContain("Demo: siden viser opdigtede personer og data.");
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});
