import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AppDatabase, openDatabase, schema } from "~/db.server";
import { createUnit } from "~/test-fixtures";
import { BackupError, backupDatabase } from "./backup.server";

function countRows(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("backupDatabase", () => {
  let dir: string;
  let source: string;
  let db: AppDatabase;

  // Each test gets a source of its own: the last one writes to it while it is copied.
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "backup-test-"));
    source = path.join(dir, "kilde.db");
    // A real file with the app's own pragmas (WAL) and migrations, as the site has it.
    db = openDatabase(source);
    const unit = createUnit(db, "Backupenhed");
    const gdpr = db
      .select()
      .from(schema.course)
      .all()
      .find((c) => c.code === "gdpr");
    if (!gdpr) throw new Error("no gdpr course");
    const people = db
      .insert(schema.employee)
      .values(
        Array.from({ length: 300 }, (_, i) => ({
          employeeNumber: `B${i}`,
          name: `Backupperson ${i}`,
          email: `backup${i}@albertslund.test`,
          orgUnitId: unit.id,
          startDate: "2020-01-01",
        })),
      )
      .returning()
      .all();
    db.insert(schema.completion)
      .values(
        people
          .filter((_, i) => i % 3 === 0)
          .map((person) => ({
            employeeId: person.id,
            courseId: gdpr.id,
            completedOn: "2026-01-15",
            courseVersion: "1.0",
            source: "site" as const,
            recordedAt: Date.now(),
            cycleKey: "2026-02-01",
          })),
      )
      .run();
  });

  afterEach(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies every row into one self-contained file that passes integrity_check", async () => {
    const out = path.join(dir, "kopi.db");
    const result = await backupDatabase(source, out);
    expect(result.file).toBe(out);
    expect(result.employees).toBe(300);
    expect(result.completions).toBe(100);
    expect(result.bytes).toBe(statSync(out).size);
    expect(countRows(out, "employee")).toBe(countRows(source, "employee"));
    expect(countRows(out, "completion")).toBe(countRows(source, "completion"));
    expect(countRows(out, "course")).toBe(countRows(source, "course"));
    // Rollback-journal mode and nothing beside it: restoring is copying one file.
    expect(readFileSync(out).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    expect(existsSync(`${out}-wal`)).toBe(false);
    const copy = new Database(out, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      copy.close();
    }
  });

  it("refuses to overwrite an existing file and leaves it as it was", async () => {
    const out = path.join(dir, "findes.db");
    await backupDatabase(source, out);
    const before = readFileSync(out);
    await expect(backupDatabase(source, out)).rejects.toThrow(BackupError);
    await expect(backupDatabase(source, out)).rejects.toThrow(/findes allerede/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it("refuses a source that does not exist, and creates nothing", async () => {
    const out = path.join(dir, "ingen.db");
    await expect(backupDatabase(path.join(dir, "mangler.db"), out)).rejects.toThrow(/findes ikke/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(dir, "mangler.db"))).toBe(false);
  });

  it("deletes the copy when the file is not a database of the app", async () => {
    const other = path.join(dir, "anden.db");
    const plain = new Database(other);
    plain.exec("create table noget (id integer primary key)");
    plain.close();
    const out = path.join(dir, "anden-kopi.db");
    await expect(backupDatabase(other, out)).rejects.toThrow(/mangler tabellen employee/);
    expect(existsSync(out)).toBe(false);
  });

  it("takes a consistent snapshot while another connection keeps writing", async () => {
    const out = path.join(dir, "under-skrivning.db");
    const writer = new Database(source);
    writer.pragma("busy_timeout = 5000");
    const unitId = (writer.prepare("select id from org_unit limit 1").get() as { id: number }).id;
    const insert = writer.prepare(
      "insert into employee (employee_number, name, email, org_unit_id, start_date) values (?, ?, ?, ?, '2024-01-01')",
    );
    const before = countRows(source, "employee");
    let written = 0;
    let writing = true;
    // Writes land between the backup's steps (one small page batch per event-loop turn).
    const writes = (async () => {
      while (writing && written < 2000) {
        insert.run(`W${written}`, `Skriver ${written}`, `skriver${written}@albertslund.test`, unitId);
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      const result = await backupDatabase(source, out, { pagesPerStep: 1 });

      writing = false;
      await writes;
      // The site wrote meanwhile, so SQLite had to start over at least once, and still finished.
      expect(result.restarts).toBeGreaterThan(0);
      expect(result.employees).toBeGreaterThanOrEqual(before);
      expect(result.employees).toBeLessThanOrEqual(before + written);
      // Consecutive writes: a snapshot holds a prefix of them, never a torn page.
      const copy = new Database(out, { readonly: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        const numbers = copy
          .prepare("select employee_number as n from employee where employee_number like 'W%'")
          .all() as { n: string }[];
        expect(numbers.length).toBe(result.employees - before);
        expect(new Set(numbers.map((r) => r.n))).toEqual(
          new Set(Array.from({ length: numbers.length }, (_, i) => `W${i}`)),
        );
      } finally {
        copy.close();
      }
    } finally {
      writing = false;
      await writes;
      writer.close();
    }
  });
});
