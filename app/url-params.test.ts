import { describe, expect, it } from "vitest";
import { parseId } from "./url-params";

describe("parseId", () => {
  it("accepts plain decimal integers", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("18")).toBe(18);
    expect(parseId("123456789012345")).toBe(123456789012345);
  });

  it("refuses everything Number() would also read as a number", () => {
    for (const value of ["0x12", "1.8e1", "18.0", "012", "+18", " 18", "18 ", "0", "-1", "", "1e3"]) {
      expect(parseId(value), value).toBeNull();
    }
    expect(parseId(undefined)).toBeNull();
    expect(parseId(null)).toBeNull();
  });
});
