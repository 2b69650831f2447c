// The import review's worst files, built in memory: the e2e test checks what HR and an employee
// see while the server reads them, the bench (e2e/bench/hostile-imports.ts) prints what they
// cost in memory and in the employee's waiting time.
import { repeatedFile, zipBomb } from "../app/imports/test-fixtures";

export interface HostileUpload {
  label: string;
  name: string;
  bytes: Buffer;
}

const MB = 1024 * 1024;

export function hostileUploads(): HostileUpload[] {
  return [
    {
      label: "95 MB CSV, 9.5 million invalid rows",
      name: "raekker.csv",
      bytes: repeatedFile("1;;bad;;xx\n", 95 * MB),
    },
    {
      label: "24 MB CSV, 2.2 million invalid rows",
      name: "raekker24.csv",
      bytes: repeatedFile("1;;bad;;xx\n", 24 * MB),
    },
    { label: "one 24 MB line", name: "linje.csv", bytes: repeatedFile("x", 24 * MB, "") },
    { label: "a million columns (2 MB)", name: "kolonner.csv", bytes: repeatedFile("a;", 2 * MB, "") },
    { label: "XLSX inflating to 2 GB", name: "bombe.xlsx", bytes: Buffer.from(zipBomb(2048 * MB)) },
  ];
}
