import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

const ORIGIN = "https://laering.albertslund.dk";

describe("the return-to path after sign-in", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeReturnTo("/enheder/12", ORIGIN)).toBe("/enheder/12");
    expect(safeReturnTo("/enheder/12/personer?status=mangler&side=2", ORIGIN)).toBe(
      "/enheder/12/personer?status=mangler&side=2",
    );
    expect(safeReturnTo("/kurser/ai#modul-2", ORIGIN)).toBe("/kurser/ai#modul-2");
    expect(safeReturnTo("/søg?q=Æblegården", ORIGIN)).toBe("/s%C3%B8g?q=%C3%86bleg%C3%A5rden");
    // Dot segments resolve, but never above the root.
    expect(safeReturnTo("/../../enheder", ORIGIN)).toBe("/enheder");
  });

  it.each([
    // The security review's payload and its variants: browsers drop these characters.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\v/evil.example",
    "/\f/evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "/\u0085/evil.example",
    "/enheder\r\nSet-Cookie: x=1",
    // Protocol-relative and backslash forms.
    "//evil.example",
    "//evil.example/login",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/%5cevil.example/..\\",
    // Other schemes and absolute URLs.
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/",
    "http://laering.albertslund.dk.evil.example/",
    "https:evil.example",
    "evil.example",
    "",
    " /enheder",
  ])("refuses %j", (payload) => {
    expect(safeReturnTo(payload, ORIGIN)).toBe("/");
  });

  it("refuses what is not a string, and very long paths", () => {
    expect(safeReturnTo(null, ORIGIN)).toBe("/");
    expect(safeReturnTo(undefined, ORIGIN)).toBe("/");
    expect(safeReturnTo(["/a"], ORIGIN)).toBe("/");
    expect(safeReturnTo(`/${"a".repeat(3000)}`, ORIGIN)).toBe("/");
  });

  it("a URL-encoded slash stays part of the path and cannot leave the site", () => {
    expect(safeReturnTo("/%2F%2Fevil.example", ORIGIN)).toBe("/%2F%2Fevil.example");
    expect(safeReturnTo("/%09/evil.example", ORIGIN)).toBe("/%09/evil.example");
  });
});
