import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openConnection } from "./db.server";
import { prepared } from "./prepared.server";

describe("statements kept per connection", () => {
  it("a query after a raw read of the same SQL gets rows as objects again", () => {
    const db = openConnection(":memory:");
    const query = sql`select 1 as a, 2 as b`;
    expect(db.values(query)).toEqual([[1, 2]]);
    expect(db.all(query)).toEqual([{ a: 1, b: 2 }]);
    expect(db.get(query)).toEqual({ a: 1, b: 2 });
  });

  it("builds a prepared query once per connection, shared with its transactions, never across connections", () => {
    const one = openConnection(":memory:");
    const two = openConnection(":memory:");
    let built = 0;
    const build = (db: Pick<typeof one, "select">) => {
      built++;
      return db.select({ n: sql<number>`1` }).from(sql`(select 1)`).prepare();
    };
    const first = prepared(one, "test.one", build);
    expect(prepared(one, "test.one", build)).toBe(first);
    one.transaction((tx) => {
      expect(prepared(tx, "test.one", build)).toBe(first);
    });
    expect(prepared(two, "test.one", build)).not.toBe(first);
    expect(built).toBe(2);
  });

  it("refuses an object without drizzle's client, instead of sharing statements", () => {
    expect(() => prepared({}, "test.none", () => 1)).toThrow(/Ingen SQLite-forbindelse/);
  });
});
