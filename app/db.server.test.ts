import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openConnection } from "./db.server";

describe("drizzle's statements are reused per connection", () => {
  it("a query after a raw read of the same SQL gets rows as objects again", () => {
    const db = openConnection(":memory:");
    const query = sql`select 1 as a, 2 as b`;
    expect(db.values(query)).toEqual([[1, 2]]);
    expect(db.all(query)).toEqual([{ a: 1, b: 2 }]);
    expect(db.get(query)).toEqual({ a: 1, b: 2 });
  });
});
