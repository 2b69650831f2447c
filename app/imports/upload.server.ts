// Reads the import form's upload: one file part and the kind, with one size cap for the whole
// request. The body is counted as it arrives and reading stops at the cap, so six 95 MB parts (or
// one endless one) cost at most the cap in memory, and the answer comes as soon as the cap is hit.
import { unstable_parseMultipartFormData } from "@remix-run/node";
import { MAX_IMPORT_BYTES } from "./limits";

/** The file plus room for the form's other fields and the multipart framing. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
const MAX_FIELD_BYTES = 100;

export type Upload =
  | { ok: true; kind: string | null; fileName: string; bytes: Uint8Array }
  | { ok: false; status: 400 | 413; reason: "too-large" | "no-file" | "extra-part" };

class UploadRefused extends Error {
  constructor(readonly reason: "too-large" | "extra-part") {
    super(reason);
  }
}

function capped(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let received = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) controller.error(new UploadRefused("too-large"));
        else controller.enqueue(chunk);
      },
    }),
  );
}

async function collect(data: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > limit) throw new UploadRefused("too-large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readImportUpload(request: Request, limit = MAX_UPLOAD_REQUEST_BYTES): Promise<Upload> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data") || !request.body) {
    return { ok: false, status: 400, reason: "no-file" };
  }
  // An honest client says how much it will send: refuse before reading a byte.
  if (Number(request.headers.get("Content-Length") ?? 0) > limit) {
    return { ok: false, status: 413, reason: "too-large" };
  }
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: capped(request.body, limit),
    duplex: "half",
  } as RequestInit);

  let file: { name: string; bytes: Uint8Array } | null = null;
  let kind: string | null = null;
  try {
    await unstable_parseMultipartFormData(limited, async ({ name, filename, data }) => {
      if (filename === undefined) {
        if (name !== "kind" || kind !== null) throw new UploadRefused("extra-part");
        kind = new TextDecoder().decode(await collect(data, MAX_FIELD_BYTES));
        return undefined;
      }
      // One file part, named "file". A browser sends an empty part when no file was chosen.
      if (name !== "file" || file !== null) throw new UploadRefused("extra-part");
      const bytes = await collect(data, limit);
      if (filename !== "" || bytes.byteLength > 0) file = { name: filename, bytes };
      return undefined;
    });
  } catch (error) {
    const refused = error instanceof UploadRefused ? error : (error as { cause?: unknown })?.cause;
    if (refused instanceof UploadRefused) {
      return refused.reason === "too-large"
        ? { ok: false, status: 413, reason: "too-large" }
        : { ok: false, status: 400, reason: "extra-part" };
    }
    throw error;
  }
  const chosen = file as { name: string; bytes: Uint8Array } | null;
  if (!chosen || chosen.bytes.byteLength === 0) return { ok: false, status: 400, reason: "no-file" };
  return { ok: true, kind, fileName: chosen.name, bytes: chosen.bytes };
}
