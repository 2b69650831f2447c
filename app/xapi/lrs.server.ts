// Sends the statements a learning record store does not have yet (XAPI_LRS_URL, Basic auth with
// XAPI_LRS_KEY and XAPI_LRS_SECRET): POST <url>/statements in batches, each batch retried with
// backoff when the LRS is unreachable, busy (429) or failing (5xx), and marked as sent in
// `xapi_statement_sent` only once the LRS has answered 2xx. A run that gives up leaves the rest
// unsent; the next run sends them. Statement ids are deterministic, so a batch the LRS stored
// but whose answer was lost is harmless to send again (the LRS keeps its copy).
import type { AppDatabase } from "~/db.server";
import type { AppConfig } from "~/env.server";
import { XAPI_VERSION, type XapiStatement } from "./statements";
import { markXapiSent, pendingXapiStatements } from "./statements.server";

export const XAPI_BATCH_SIZE = 100;
/** Waits before the 2nd, 3rd and 4th try of a batch. */
export const XAPI_RETRY_DELAYS_MS = [1_000, 4_000, 16_000];

export interface SendOptions {
  lrs: NonNullable<AppConfig["xapiLrs"]>;
  origin: string;
  batchSize?: number;
  retryDelaysMs?: readonly number[];
  /** How to wait between tries (tests pass one that does not). */
  sleep?: (ms: number) => Promise<void>;
  db?: AppDatabase;
}

export interface SendResult {
  sent: number;
  /** Still to send after this run (0 when everything went). */
  unsent: number;
  /** Why the run stopped early, in Danish; null when everything was sent. */
  error: string | null;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function statementsEndpoint(base: URL): URL {
  const url = new URL(base);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return new URL("statements", url);
}

class PermanentError extends Error {}

async function postBatch(options: SendOptions, batch: XapiStatement[]): Promise<void> {
  const { key, secret, url } = options.lrs;
  let response: Response;
  try {
    response = await fetch(statementsEndpoint(url), {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`,
        "X-Experience-API-Version": XAPI_VERSION,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(batch),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new Error(`LRS'en svarer ikke (${(error as Error).message}).`);
  }
  const body = (await response.text()).slice(0, 300);
  if (response.ok) return;
  const message = `LRS'en svarede ${response.status}${body ? `: ${body}` : ""}.`;
  // 429 and 5xx may pass; any other answer (401 wrong key, 400 refused statement) will not.
  if (response.status === 429 || response.status >= 500) throw new Error(message);
  throw new PermanentError(message);
}

/** Sends what the LRS does not have yet; resolves with how far it got. */
export async function sendPendingXapi(options: SendOptions): Promise<SendResult> {
  const size = options.batchSize ?? XAPI_BATCH_SIZE;
  const delays = options.retryDelaysMs ?? XAPI_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? wait;
  const pending = pendingXapiStatements(options.origin, options.db);
  let sent = 0;
  for (let start = 0; start < pending.length; start += size) {
    const batch = pending.slice(start, start + size);
    for (let attempt = 0; ; attempt++) {
      try {
        await postBatch(options, batch);
        break;
      } catch (error) {
        if (error instanceof PermanentError || attempt >= delays.length) {
          return { sent, unsent: pending.length - sent, error: (error as Error).message };
        }
        await sleep(delays[attempt] ?? 0);
      }
    }
    markXapiSent(
      batch.map((s) => s.id),
      Date.now(),
      options.db,
    );
    sent += batch.length;
  }
  return { sent, unsent: 0, error: null };
}
