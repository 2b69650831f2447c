import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "~/db.server";
import { GroupCommit } from "./group-commit.server";

describe("group commit", () => {
  const db = getDb();
  db.$client.exec(`
    create table gc_parent (id integer primary key);
    create table gc_row (id integer primary key, label text not null,
      parent integer references gc_parent(id) deferrable initially deferred);
  `);
  const labels = (prefix: string) =>
    (
      db.$client.prepare("select label from gc_row where label like ? order by id").all(`${prefix}%`) as {
        label: string;
      }[]
    ).map((r) => r.label);
  const insert = (label: string, parent: number | null = null) =>
    new GroupCommit(() => db).run((tx) =>
      tx.run(sql`insert into gc_row (label, parent) values (${label}, ${parent})`),
    );

  it("runs the jobs queued together in order in one transaction, and resolves each with its result", async () => {
    const batch = new GroupCommit(() => db);
    const transaction = vi.spyOn(db, "transaction");
    const results = await Promise.all(
      ["a1", "a2", "a3"].map((label) =>
        batch.run((tx) => {
          tx.run(sql`insert into gc_row (label) values (${label})`);
          return labels("a").length;
        }),
      ),
    );
    expect(transaction).toHaveBeenCalledTimes(1);
    transaction.mockRestore();
    expect(results).toEqual([1, 2, 3]);
    expect(labels("a")).toEqual(["a1", "a2", "a3"]);
  });

  it("rolls back only the job that throws; the others are committed", async () => {
    const batch = new GroupCommit(() => db);
    const failing = batch.run((tx) => {
      tx.run(sql`insert into gc_row (label) values ('b2')`);
      throw new Error("ugyldigt svar");
    });
    const [first, second, third] = await Promise.allSettled([
      batch.run((tx) => tx.run(sql`insert into gc_row (label) values ('b1')`)),
      failing,
      batch.run((tx) => tx.run(sql`insert into gc_row (label) values ('b3')`)),
    ]);
    expect(first.status).toBe("fulfilled");
    expect(second).toMatchObject({ status: "rejected", reason: new Error("ugyldigt svar") });
    expect(third.status).toBe("fulfilled");
    expect(labels("b")).toEqual(["b1", "b3"]);
  });

  it("acknowledges nothing when the shared COMMIT fails: every job of the batch is refused and nothing is kept", async () => {
    const batch = new GroupCommit(() => db);
    // A deferred foreign key is checked by COMMIT itself, after every job has run without error.
    const results = await Promise.allSettled([
      batch.run((tx) => tx.run(sql`insert into gc_row (label) values ('c1')`)),
      batch.run((tx) => tx.run(sql`insert into gc_row (label, parent) values ('c2', 999)`)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(labels("c")).toEqual([]);
    // The connection is usable again afterwards.
    await insert("c3");
    expect(labels("c")).toEqual(["c3"]);
  });

  it("cuts a long queue into several transactions", async () => {
    const batch = new GroupCommit(() => db);
    const transaction = vi.spyOn(db, "transaction");
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        batch.run((tx) => tx.run(sql`insert into gc_row (label) values (${`d${i}`})`)),
      ),
    );
    expect(transaction).toHaveBeenCalledTimes(2);
    transaction.mockRestore();
    expect(labels("d")).toHaveLength(100);
  });
});
