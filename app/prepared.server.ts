// Prepared queries kept per connection, for the hot write paths (a quiz submission, the kept status
// it refreshes, a roster apply's thousands of refreshes). drizzle builds a query's SQL, and SQLite
// compiles it, anew on every call: at 500,000 employees that was most of a submission's CPU time.
// A prepared statement belongs to its connection and runs in any transaction on it, so one built
// here serves every later call on the same connection (the request thread's, a pool worker's, a
// command's, a test's in-memory database), and never another connection's.
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

const byConnection = new WeakMap<object, Map<string, unknown>>();

/** The query `build` makes on `db` (a database or a transaction), built once per connection. */
export function prepared<D, T>(db: D, key: string, build: (db: D) => T): T {
  const connection = connectionOf(db);
  let queries = byConnection.get(connection);
  if (!queries) {
    queries = new Map();
    byConnection.set(connection, queries);
  }
  if (!queries.has(key)) queries.set(key, build(db));
  return queries.get(key) as T;
}

/**
 * `column IN (the ids)` for a prepared query: the ids are one placeholder holding a JSON array
 * (`JSON.stringify(ids)`), so one statement serves any number of ids.
 */
export function inJsonIds(column: SQLiteColumn, placeholder: string): SQL {
  return sql`${column} in (select value from json_each(${sql.placeholder(placeholder)}))`;
}

/**
 * The values of a prepared INSERT as named placeholders (one per key), to run it with the values
 * themselves. Placeholder values reach SQLite as they are: pass booleans as 1 or 0.
 */
export function placeholders<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.keys(values).map((k) => [k, sql.placeholder(k)])) as unknown as T;
}

/**
 * What stands for the connection under a drizzle database or transaction: drizzle's client, which
 * is the better-sqlite3 connection or, with the statement reuse of app/db.server.ts, the one
 * wrapper around it (shared by the database and its transactions).
 */
function connectionOf(db: unknown): object {
  // drizzle keeps it as `session.client` on both (not in its public types): checked here, so a
  // drizzle upgrade that moves it fails loudly instead of sharing statements between connections.
  const client = (db as { session?: { client?: { prepare?: unknown } } }).session?.client;
  if (!client || typeof client.prepare !== "function")
    throw new Error("Ingen SQLite-forbindelse bag databasen.");
  return client;
}
