// Statements kept per connection: the one place that reaches under drizzle to its SQLite client.
// drizzle builds a query's SQL, and SQLite compiles it, anew on every call; at 500,000 employees
// that was most of a quiz submission's CPU time, and a third of the employee pages' loaders.
// - Every connection reuses the statements SQLite compiled, by SQL text (reusePreparedStatements).
// - Hot paths (a quiz submission, the kept status it refreshes, a roster apply's thousands of
//   refreshes) also skip drizzle's query building with `prepared()`.
// A prepared statement belongs to its connection and runs in any transaction on it, so one built
// here serves every later call on the same connection (the request thread's, a pool worker's, a
// command's, a test's in-memory database), and never another connection's.
import type Database from "better-sqlite3";
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

const byConnection = new WeakMap<object, Map<string, unknown>>();

/** How many of drizzle's statements a connection keeps (a page uses a few dozen distinct ones). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle asks SQLite to prepare every query anew; in the CPU profile of the employee pages that
 * was about a third of their loaders' time. This keeps the most recently used statements by SQL
 * text, for drizzle's queries only (statements made with `db.$client.prepare` are untouched).
 * drizzle runs each statement to the end before it returns, so a kept one is never still busy.
 */
export function reusePreparedStatements(db: { $client: Database.Database }): void {
  const sqlite = db.$client;
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const kept = cache.get(source);
    if (kept) {
      cache.delete(source); // back to the newest end
      cache.set(source, kept);
      // drizzle switches raw mode on for some reads; every caller starts from the defaults.
      if (kept.reader) kept.raw(false);
      return kept;
    }
    const statement = sqlite.prepare(source);
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return statement;
  };
  // The session's client is all drizzle prepares and opens transactions through.
  drizzleSession(db).client = { prepare, transaction: sqlite.transaction.bind(sqlite) };
}

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
  return drizzleSession(db).client;
}

/**
 * drizzle keeps its client as `session.client` on a database and its transactions (not in its
 * public types): checked here, so a drizzle upgrade that moves it fails loudly instead of sharing
 * statements between connections.
 */
function drizzleSession(db: unknown): { client: { prepare: unknown; transaction?: unknown } } {
  const session = (db as { session?: { client?: { prepare?: unknown } } }).session;
  if (!session?.client || typeof session.client.prepare !== "function")
    throw new Error("Ingen SQLite-forbindelse bag databasen.");
  return session as { client: { prepare: unknown; transaction?: unknown } };
}
