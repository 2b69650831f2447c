import { describe, expect, it } from "vitest";
import { readImportUpload } from "./upload.server";

const BOUNDARY = "----hostile";

/** A multipart body generated as it is read: `parts` file parts of `partBytes` each. Counts what was pulled. */
function multipartStream(parts: { name: string; filename?: string; bytes: number }[]) {
  const encoder = new TextEncoder();
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let pulled = 0;
  let part = 0;
  let left = -1;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const current = parts[part];
      if (!current) {
        controller.enqueue(encoder.encode(`--${BOUNDARY}--\r\n`));
        controller.close();
        return;
      }
      if (left === -1) {
        left = current.bytes;
        const disposition = current.filename
          ? `form-data; name="${current.name}"; filename="${current.filename}"`
          : `form-data; name="${current.name}"`;
        controller.enqueue(encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
        return;
      }
      if (left === 0) {
        controller.enqueue(encoder.encode("\r\n"));
        part++;
        left = -1;
        return;
      }
      const piece = chunk.subarray(0, Math.min(chunk.length, left));
      left -= piece.length;
      pulled += piece.length;
      controller.enqueue(piece);
    },
  });
  return { stream, pulled: () => pulled };
}

function request(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request("http://localhost/hr/import", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

const MB = 1024 * 1024;

describe("the import upload", () => {
  it("reads the kind and one file", async () => {
    const { stream } = multipartStream([
      { name: "kind", bytes: 0 },
      { name: "file", filename: "personale.csv", bytes: 10 },
    ]);
    const upload = await readImportUpload(request(stream));
    expect(upload).toMatchObject({ ok: true, kind: "", fileName: "personale.csv" });
  });

  it("stops reading six 95 MB parts at the cap for the whole request", async () => {
    const body = multipartStream(
      Array.from({ length: 6 }, (_, i) => ({ name: "file", filename: `del${i}.csv`, bytes: 95 * MB })),
    );
    const before = process.memoryUsage().rss;
    const upload = await readImportUpload(request(body.stream), 25 * MB);
    const grew = (process.memoryUsage().rss - before) / MB;
    console.log(
      `six 95 MB parts: read ${(body.pulled() / MB).toFixed(1)} MB of 570 MB, RSS +${grew.toFixed(0)} MB`,
    );
    expect(upload).toEqual({ ok: false, status: 413, reason: "too-large" });
    // It stopped at the cap (plus the chunk in flight), not after the first part or the whole body.
    expect(body.pulled()).toBeLessThan(27 * MB);
  });

  it("refuses a second file part, however small", async () => {
    const { stream } = multipartStream([
      { name: "file", filename: "a.csv", bytes: 10 },
      { name: "file", filename: "b.csv", bytes: 10 },
    ]);
    expect(await readImportUpload(request(stream))).toMatchObject({ ok: false, reason: "extra-part" });
  });

  it("refuses a declared size over the cap before reading anything", async () => {
    const body = multipartStream([{ name: "file", filename: "a.csv", bytes: 95 * MB }]);
    const upload = await readImportUpload(
      request(body.stream, { "Content-Length": String(570 * MB) }),
      25 * MB,
    );
    expect(upload).toMatchObject({ ok: false, status: 413 });
    expect(body.pulled()).toBe(0);
  });
});
