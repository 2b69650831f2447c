import { describe, expect, it } from "vitest";
import { decodeText, detectDelimiter, isXlsx } from "./decode";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeText", () => {
  it("strips a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Navn;Enhed\nSøren;Børn")]);
    expect(decodeText(bytes)).toEqual({ text: "Navn;Enhed\nSøren;Børn", encoding: "utf-8-bom" });
  });

  it("reads UTF-8 without a byte order mark", () => {
    expect(decodeText(utf8("Åse Ærø;€"))).toEqual({ text: "Åse Ærø;€", encoding: "utf-8" });
  });

  it("falls back to windows-1252 when the bytes are not UTF-8", () => {
    // "Søren Ærø;€" as Danish Excel saves it.
    const bytes = new Uint8Array([0x53, 0xf8, 0x72, 0x65, 0x6e, 0x20, 0xc6, 0x72, 0xf8, 0x3b, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: "Søren Ærø;€", encoding: "windows-1252" });
  });

  it("maps cp1252's 0x80-0x9F to the real characters, not C1 controls", () => {
    // The 0xE6 (æ) makes the bytes invalid UTF-8, so the cp1252 path is taken.
    const bytes = new Uint8Array([
      0xe6, 0x84, 0x93, 0x96, 0x97, 0x85, 0x8a, 0x9f, 0x99, 0x81, 0x8d, 0x8f, 0x90, 0x9d,
    ]);
    expect(decodeText(bytes).text).toBe("æ„“–—…ŠŸ™\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
  });

  it("decodes large cp1252 files completely", () => {
    const bytes = new Uint8Array(100_000).fill(0xf8);
    bytes[99_999] = 0x80;
    const { text } = decodeText(bytes);
    expect(text).toHaveLength(100_000);
    expect(text.endsWith("øø€")).toBe(true);
  });
});

describe("detectDelimiter", () => {
  it("picks the most frequent separator", () => {
    expect(detectDelimiter("Medarbejdernr;Navn;Email;Enhed")).toBe(";");
    expect(detectDelimiter("Medarbejdernr,Navn,Email,Enhed")).toBe(",");
    expect(detectDelimiter("Medarbejdernr\tNavn\tEmail\tEnhed")).toBe("\t");
  });

  it("does not count separators inside quotes", () => {
    expect(detectDelimiter('"Navn, fulde, med komma";Email;Enhed')).toBe(";");
    expect(detectDelimiter('"Navn;x;y;z",Email,Enhed')).toBe(",");
  });

  it("breaks ties in the order ; , tab", () => {
    expect(detectDelimiter("a;b,c\td")).toBe(";");
    expect(detectDelimiter("a,b\tc")).toBe(",");
    expect(detectDelimiter("Medarbejdernr")).toBe(";");
  });
});

describe("isXlsx", () => {
  it("recognises the zip signature", () => {
    expect(isXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
    expect(isXlsx(utf8("PK;Navn"))).toBe(false);
    expect(isXlsx(new Uint8Array([]))).toBe(false);
  });
});
