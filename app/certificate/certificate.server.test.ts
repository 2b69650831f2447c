import { describe, expect, it } from "vitest";
import { type CertificateInput, renderCertificate } from "./certificate.server";

const input: CertificateInput = {
  employeeName: "Søren Ærø Åberg",
  employeeNumber: "004711",
  courseTitle: "AI i Albertslund Kommune",
  courseVersion: "1.0",
  completedOn: "2026-01-15",
  validUntil: "2027-01-15",
  source: "site",
  issuedOn: "2026-02-03",
};

// pdfkit writes Helvetica text as hex strings in WinAnsi (windows-1252) inside TJ/Tj operators.
// WinAnsi is Latin-1 except for bytes 0x80-0x9F, listed here in order (the five unused bytes keep
// their own code). Node 20's TextDecoder("windows-1252") decodes those bytes as Latin-1 control
// characters, which would lose „ “ and –, so the decoding is done by hand.
const WIN_ANSI_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeHex(hex: string): string {
  let text = "";
  for (const byte of Buffer.from(hex, "hex")) {
    text += byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80_9F.charAt(byte - 0x80) : String.fromCharCode(byte);
  }
  return text;
}

/** The text shown on the pages of an uncompressed PDF, one text operation after another. */
function visibleText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const pieces: string[] = [];
  for (const match of raw.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    const array = match[1];
    if (array !== undefined) {
      pieces.push([...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decodeHex(hex[1] ?? "")).join(""));
    } else {
      pieces.push(decodeHex(match[2] ?? ""));
    }
  }
  return pieces.join(" ").replace(/\s+/g, " ");
}

function pageCount(pdf: Buffer): number {
  return [...pdf.toString("latin1").matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
}

/**
 * The PDF literal string "(...)" given for `/key`, directly or through an indirect object
 * ("/key 15 0 R"), unescaped and decoded (UTF-16BE when it starts with a byte order mark).
 */
function literalString(pdf: Buffer, key: string): string | undefined {
  const raw = pdf.toString("latin1");
  const entry = new RegExp(`/${key}\\s*(?:\\(|(\\d+) 0 R)`).exec(raw);
  if (!entry) return undefined;
  let start = entry.index + entry[0].length;
  if (entry[1] !== undefined) {
    const object = new RegExp(`(?:^|\\n)${entry[1]} 0 obj\\s*\\(`).exec(raw);
    if (!object) return undefined;
    start = object.index + object[0].length;
  }
  const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
  let bytes = "";
  for (let i = start; i < raw.length; i++) {
    const char = raw[i] ?? "";
    if (char === ")") break;
    if (char === "\\") {
      i++;
      const next = raw[i] ?? "";
      bytes += escapes[next] ?? next;
    } else {
      bytes += char;
    }
  }
  const buffer = Buffer.from(bytes, "latin1");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return buffer.subarray(2).swap16().toString("utf16le");
  return buffer.toString("latin1");
}

describe("renderCertificate", () => {
  it("makes a one-page PDF", async () => {
    const pdf = await renderCertificate(input, { compress: false });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pageCount(pdf)).toBe(1);
  });

  it("shows the person, the course and the dates in Danish", async () => {
    const text = visibleText(await renderCertificate(input, { compress: false }));
    expect(text).toContain("Kursusbevis");
    expect(text).toContain("Søren Ærø Åberg");
    expect(text).toContain("Medarbejdernr. 004711");
    expect(text).toContain("har gennemført kurset „AI i Albertslund Kommune“ (version 1.0)");
    expect(text).toContain("Gennemført den 15. januar 2026");
    expect(text).toContain("Gyldigt til 15. januar 2027");
    expect(text).toContain("Gennemført på AI og GDPR-sitet");
    expect(text).toContain("Udstedt den 3. februar 2026 af Albertslund Kommune · IT & Digitalisering");
    expect(text).toContain("hvert år");
  });

  it("shows only what was given, so a missing value would be noticed", async () => {
    const text = visibleText(
      await renderCertificate(
        { ...input, employeeName: "Mette Holm", courseVersion: "2.3", source: "manual" },
        { compress: false },
      ),
    );
    expect(text).toContain("Mette Holm");
    expect(text).toContain("(version 2.3)");
    expect(text).not.toContain("Søren");
    expect(text).not.toContain("version 1.0");
    expect(text).toContain("Registreret af HR");
    expect(text).not.toContain("Gennemført på AI og GDPR-sitet");
  });

  it("names the source of an imported completion", async () => {
    const text = visibleText(await renderCertificate({ ...input, source: "import" }, { compress: false }));
    expect(text).toContain("Registreret fra kursusleverandørens eksport");
  });

  it("sets the title, author and language of the document", async () => {
    const pdf = await renderCertificate(input, { compress: false });
    expect(literalString(pdf, "Title")).toBe("Kursusbevis – AI i Albertslund Kommune");
    expect(literalString(pdf, "Author")).toBe("Albertslund Kommune");
    expect(literalString(pdf, "Lang")).toBe("da-DK");
  });

  it("compresses by default", async () => {
    const compressed = await renderCertificate(input);
    const plain = await renderCertificate(input, { compress: false });
    expect(compressed.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pageCount(compressed)).toBe(1);
    expect(compressed.toString("latin1")).toContain("/FlateDecode");
    expect(visibleText(compressed)).not.toContain("Søren");
    expect(plain.toString("latin1")).not.toContain("/FlateDecode");
  });

  it("keeps a very long name and title on one page", async () => {
    const pdf = await renderCertificate(
      {
        ...input,
        employeeName: "Anne-Sofie Kristine Østergaard-Bækgaard Møller-Rasmussen",
        courseTitle: `${"Ansvarlig brug af kunstig intelligens og persondata ".repeat(4)}i kommunen`,
      },
      { compress: false },
    );
    expect(pageCount(pdf)).toBe(1);
    expect(visibleText(pdf)).toContain("Østergaard-Bækgaard");
  });
});
