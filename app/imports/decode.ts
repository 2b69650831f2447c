// Turns the bytes of an uploaded HR file into text. HR systems and Excel in Denmark save CSV as
// UTF-8 (with or without BOM) or as the old Windows code page 1252, and the file does not say
// which, so we try strict UTF-8 first: text with æøå in cp1252 is almost never valid UTF-8.

export type TextEncoding = "utf-8" | "utf-8-bom" | "windows-1252";

// Bytes 0x80-0x9F of windows-1252. Node's TextDecoder("windows-1252") turns these into C1
// control characters (ISO-8859-1), which would make "€" or "–" unreadable, so we map them by hand.
// U+FFFD stands in for the five bytes that cp1252 leaves undefined.
const CP1252_80_9F =
  "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD" +
  "\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  // Code units first, turned into text in chunks: rosters run to tens of megabytes, and adding
  // to a string one character at a time is slow at that size.
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    // Outside 0x80-0x9F cp1252 coincides with Latin-1, i.e. the byte is the code point.
    units[i] = byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F.charCodeAt(byte - 0x80) : byte;
  }
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) {
    parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  }
  return parts.join("");
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

const DELIMITERS = [";", ",", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The separator of a CSV file, guessed from its header line: the most frequent of ; , and tab
 * outside double quotes. Ties go to ";" (Danish Excel's choice), then ",".
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ";";
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** True for a zip container, which is what an .xlsx file is. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
