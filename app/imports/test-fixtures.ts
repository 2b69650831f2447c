// Test-only helpers: import files built in memory, so the tests need no fixture files on disk.
import { deflateRawSync, constants as zlib } from "node:zlib";
import ExcelJS from "exceljs";

const MB = 1024 * 1024;

export const utf8 = (text: string) => new TextEncoder().encode(text);

export const utf8WithBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** Windows-1252 bytes for Latin-1 text plus "€" and "–", which is all the fixtures use. */
export function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { "€": 0x80, "–": 0x96 };
  return new Uint8Array(
    Array.from(text, (char) => {
      const code = char.codePointAt(0) ?? 0;
      const byte = special[char] ?? code;
      if (byte > 0xff || (code >= 0x80 && code <= 0x9f))
        throw new Error(`Not in the fixture's cp1252: ${char}`);
      return byte;
    }),
  );
}

/** CSV text the way a spreadsheet writes it: cells with separators, quotes or breaks quoted. */
export function toCsv(rows: string[][], delimiter: string, eol: string): string {
  const quote = (cell: string) =>
    /[;,\t\n"]/.test(cell) ? `"${cell.replaceAll('"', '""').replaceAll("\n", eol)}"` : cell;
  return rows.map((cells) => cells.map(quote).join(delimiter)).join(eol) + eol;
}

export async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("Ark1"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * One roster in every shape it arrives in. The second employee's name holds all three
 * separators and a line break, and a blank line follows, so the physical lines are:
 * 1 header, 2 employee 1001, 3-4 employee 1002, 5 blank, 6 employee 1003.
 */
export const ROSTER_CELLS = [
  ["Medarbejdernr", "Navn", "Email", "Enhed", "Startdato", "Leder"],
  ["1001", "Søren Ærø", "Soren@Albertslund.dk", "Børn > Dagtilbud", "01-02-2020", "ja"],
  [
    "1002",
    "Hansen, Åse; Bo\t(barsel)\nanden linje",
    "ase@albertslund.dk",
    "Børn > Sundhed",
    "15.03.2021",
    "",
  ],
  [],
  ["1003", "Per €uro – Ny", "per@albertslund.dk", "Teknik", "2022-01-01", "nej"],
];

export const ROSTER_LINES = [2, 3, 6];

export interface RosterVariant {
  label: string;
  bytes: Uint8Array;
  encoding: string;
  delimiter: string;
}

export function rosterVariants(): RosterVariant[] {
  const encoders = [
    ["utf-8-bom", utf8WithBom],
    ["utf-8", utf8],
    ["windows-1252", cp1252],
  ] as const;
  const variants: RosterVariant[] = [];
  for (const [encoding, encode] of encoders) {
    for (const delimiter of [";", ","]) {
      for (const eol of ["\r\n", "\n"]) {
        variants.push({
          label: `${encoding} ${JSON.stringify(delimiter)} ${JSON.stringify(eol)}`,
          bytes: encode(toCsv(ROSTER_CELLS, delimiter, eol)),
          encoding,
          delimiter,
        });
      }
    }
  }
  variants.push({
    label: 'utf-8 "\\t" "\\r\\n"',
    bytes: utf8(toCsv(ROSTER_CELLS, "\t", "\r\n")),
    encoding: "utf-8",
    delimiter: "\t",
  });
  return variants;
}

/** The header of the review's hostile files: a roster's first five columns. */
export const HOSTILE_HEADER = "Medarbejdernr;Navn;Email;Enhed;Startdato\n";

/** `header`, then `pattern` repeated to fill `bytes` (Buffer.fill repeats it without a loop). */
export function repeatedFile(pattern: string, bytes: number, header = HOSTILE_HEADER): Buffer {
  const file = Buffer.alloc(header.length + bytes);
  file.write(header);
  file.fill(pattern, header.length);
  return file;
}

/**
 * A zip whose one entry inflates to `inflatedBytes` of zeros, built from one flushed deflate block
 * repeated (a full flush makes each copy independent of the one before), so it is made in
 * milliseconds and weighs about a thousandth of what it inflates to.
 */
export function zipBomb(inflatedBytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(MB), {
    flush: zlib.Z_FULL_FLUSH,
    finishFlush: zlib.Z_FULL_FLUSH,
  });
  const end = deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([...Array.from({ length: inflatedBytes / MB }, () => block), end]);
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(Math.min(inflatedBytes, 0xffffffff), 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(Math.min(inflatedBytes, 0xffffffff), 24);
  central.writeUInt16LE(name.length, 28);
  const centralStart = local.length + name.length + data.length;
  const endRecord = Buffer.alloc(22);
  endRecord.writeUInt32LE(0x06054b50, 0);
  endRecord.writeUInt16LE(1, 8);
  endRecord.writeUInt16LE(1, 10);
  endRecord.writeUInt32LE(central.length + name.length, 12);
  endRecord.writeUInt32LE(centralStart, 16);
  return Buffer.concat([local, name, data, central, name, endRecord]);
}
