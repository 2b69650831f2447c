// The one place that opens the SQLite database. Every connection gets the same pragmas, the
// SQLite version is checked, and pending migrations are applied before anything else runs.
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../db/schema";
import { ensureKeptStatus, rebuildKeptStatus } from "./compliance/kept-status.server";
import { syncCourseVersions } from "./courses/versions.server";
import { config } from "./env.server";
import { reusePreparedStatements } from "./prepared.server";

export { schema };
export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The `tx` of `db.transaction((tx) => …)`. Its callback must stay synchronous. */
export type AppTransaction = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];

const MIGRATIONS_FOLDER = path.resolve("db/migrations");
// 3.51.3 fixes the WAL-reset bug that can corrupt a database written by two connections
// (the site plus a backup or import command).
const MIN_SQLITE_VERSION = [3, 51, 3];

export function databasePath(): string {
  return config().databasePath;
}

export function openDatabase(file: string = databasePath()): AppDatabase {
  const db = openConnection(file);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // A new or changed course version (or the upgrade that added the kept status) rebuilds it.
  if (syncCourseVersions(db)) rebuildKeptStatus(db);
  else ensureKeptStatus(db);
  return db;
}

/**
 * A connection with the site's pragmas, without migrating: for the worker pool's threads
 * (app/server/worker-pool.server.ts), which open the file the server has already migrated.
 */
export function openConnection(file: string = databasePath()): AppDatabase {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Concurrent writers (site, import and backup commands) wait up to 5 s instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  // FULL: a completion an employee saw acknowledged must survive a power cut. Writes are few
  // (a deadline-day peak is a few per second), so the extra fsync per commit costs nothing real.
  sqlite.pragma("synchronous = FULL");
  assertSqliteVersion(sqlite.prepare("select sqlite_version() as v").get() as { v: string });
  const db = drizzle(sqlite, { schema }) as AppDatabase;
  reusePreparedStatements(db);
  return db;
}

function assertSqliteVersion({ v }: { v: string }) {
  const parts = v.split(".").map(Number);
  for (let i = 0; i < MIN_SQLITE_VERSION.length; i++) {
    const have = parts[i] ?? 0;
    const need = MIN_SQLITE_VERSION[i] ?? 0;
    if (have > need) return;
    if (have < need) {
      throw new Error(`SQLite ${v} er for gammel; mindst ${MIN_SQLITE_VERSION.join(".")} kræves.`);
    }
  }
}

// One connection per process, opened on first use (and kept across dev-server reloads).
const globalForDb = globalThis as unknown as { __appDb?: AppDatabase };

export function getDb(): AppDatabase {
  globalForDb.__appDb ??= openDatabase();
  return globalForDb.__appDb;
}

/** Makes `db` the connection of this thread (a pool worker's own, see app/server/pool-worker.ts). */
export function setThreadConnection(db: AppDatabase): void {
  globalForDb.__appDb = db;
}
