// Online backup of the SQLite database while the site may be writing to it (`npm run db:backup`).
// SQLite's backup API copies the pages a few at a time; in WAL mode the site keeps writing while
// it reads, and a write from another connection makes SQLite start the copy over, so what lands in
// the file is always one consistent snapshot. The copy is then checked before it is trusted.
// Deliberately not through getDb()/openDatabase(): a backup never runs migrations.
import { closeSync, existsSync, openSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";

export interface BackupResult {
  /** The backup file as given. */
  file: string;
  /** Its size on disk. */
  bytes: number;
  /** Row counts in the copy. */
  employees: number;
  completions: number;
  /** Times SQLite restarted the copy because the site wrote meanwhile. */
  restarts: number;
  /** Wall-clock time of the whole backup, check included. */
  ms: number;
}

/** A backup that was refused or failed; the message is Danish and meant for the operator. */
export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupOptions {
  /** Pages copied per step at first (SQLite's and better-sqlite3's usual 100). */
  pagesPerStep?: number;
  /** Give up after this long (the copy is deleted). Default 10 minutes. */
  timeoutMs?: number;
}

const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database at `sourcePath` to `outPath`, which must not exist, then opens the copy
 * read-only and checks it (`PRAGMA integrity_check`). On any failure the copy is deleted and a
 * BackupError is thrown.
 */
export async function backupDatabase(
  sourcePath: string,
  outPath: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000;
  if (!existsSync(sourcePath)) throw new BackupError(`Databasen ${sourcePath} findes ikke.`);
  // Reserve the name atomically ("wx" fails if it exists), so two backups or an old file are never
  // overwritten. SQLite treats the empty file as an empty database.
  try {
    closeSync(openSync(outPath, "wx"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new BackupError(`${outPath} findes allerede. Vælg et nyt filnavn.`);
    throw new BackupError(`Kan ikke oprette ${outPath}: ${(error as Error).message}`);
  }

  let restarts = 0;
  try {
    const source = new Database(sourcePath, { fileMustExist: true });
    try {
      // Wait for a writer instead of failing when a lock is needed (as every connection does).
      source.pragma("busy_timeout = 5000");
      let pages = options.pagesPerStep ?? 100;
      let lastRemaining = Number.POSITIVE_INFINITY;
      await source.backup(outPath, {
        progress: ({ remainingPages }) => {
          if (performance.now() - started > timeoutMs) {
            throw new BackupError(`Sikkerhedskopien tog mere end ${Math.round(timeoutMs / 1000)} s.`);
          }
          // More left than last step: the site wrote and SQLite started over. Take bigger steps
          // each time, so a busy site cannot keep the copy from finishing (at worst one step
          // copies everything, which in WAL mode still does not block the site).
          if (remainingPages > lastRemaining) {
            restarts++;
            pages = Math.min(ALL_PAGES, pages * 4);
          }
          lastRemaining = remainingPages;
          return pages;
        },
      });
    } finally {
      source.close();
    }
    // The copy carries the source's WAL flag; make it one self-contained file (no -wal/-shm), so
    // restoring is copying a single file.
    const copy = new Database(outPath, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const counts = verifyCopy(outPath);
    return {
      file: outPath,
      bytes: statSync(outPath).size,
      ...counts,
      restarts,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${outPath}${suffix}`, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Sikkerhedskopien mislykkedes: ${(error as Error).message}`);
  }
}

/** Opens the copy read-only: integrity must be "ok" and the main tables must be there. */
function verifyCopy(file: string): { employees: number; completions: number } {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems = (copy.pragma("integrity_check") as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (problems.length !== 1 || problems[0] !== "ok") {
      throw new BackupError(`Kopien er ikke i orden (integrity_check): ${problems.slice(0, 5).join("; ")}`);
    }
    const count = (table: string) => {
      try {
        return (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      } catch {
        throw new BackupError(`Kopien mangler tabellen ${table}; er det appens database?`);
      }
    };
    return { employees: count("employee"), completions: count("completion") };
  } finally {
    copy.close();
  }
}
