// A production server of its own for a spec that needs other configuration than the shared
// e2e server (single sign-on, SMTP): `npm start`'s two halves over a fresh SQLite file in a temp
// folder, on a free port, in a process group of its own so it can be stopped whole.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { freePort } from "./helpers";

const execFileAsync = promisify(execFile);

export interface AppServer {
  origin: string;
  port: number;
  /** The server's own process (node runs app/server directly, so its memory is the server's). */
  pid: number;
  databasePath: string;
  log: string[];
  db(): Database.Database;
  stop(): Promise<void>;
}

export async function startAppServer(
  env: Record<string, string>,
  { port: chosenPort, demo = false }: { port?: number; demo?: boolean } = {},
): Promise<AppServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "albertslund-e2e-"));
  const databasePath = path.join(dir, "app.db");
  const port = chosenPort ?? (await freePort());
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: databasePath,
    PORT: String(port),
    NODE_ENV: "production",
  };
  await execFileAsync("npx", ["tsx", "db/migrate.ts"], { env: baseEnv, timeout: 60_000 });
  if (demo) await execFileAsync("npx", ["tsx", "db/seed.ts"], { env: baseEnv, timeout: 60_000 });
  const proc: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
    env: { ...baseEnv, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  const origin = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const stop = async () => {
    if (proc.pid && proc.exitCode === null && proc.signalCode === null) {
      try {
        process.kill(-proc.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready when it answers; a server that stops at start (bad configuration) fails at once.
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) {
      await stop();
      throw new Error(`The server stopped at start: ${log.join("")}`);
    }
    const ok = await fetch(`${origin}/login`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      return {
        origin,
        port,
        pid: proc.pid ?? 0,
        databasePath,
        log,
        db: () => new Database(databasePath),
        stop,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`The server did not answer within 30 s: ${log.join("")}`);
}
