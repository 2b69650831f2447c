// Remix's Node entry, plus: the CSP nonce on every script React and Remix render, the request id
// for error pages, and errors logged with that id (never shown to the user).
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "./logger.server";
import { RequestContextProvider } from "./request-context";

const ABORT_DELAY = 5_000;

/** A refusal (403, 404, 405 …) thrown on purpose is not an error worth a log line. */
function isDeliberateRefusal(error: unknown): boolean {
  if (isRouteErrorResponse(error) || error instanceof Response) return error.status < 500;
  const init = (error as { init?: { status?: number } } | null)?.init;
  return typeof init?.status === "number" && init.status < 500;
}

/** Remix's complaint about a legacy `?_data=` request: a client's mistake, not ours. */
function isLegacyDataRequest(error: unknown): boolean {
  return error instanceof Error && error.message.includes("should not be making ?_data requests");
}

export function handleError(
  error: unknown,
  { request, context }: { request: Request; context: AppLoadContext },
) {
  if (request.signal.aborted || isDeliberateRefusal(error)) return;
  if (isLegacyDataRequest(error)) {
    // Anyone can send these; at error level they would flood the log (security review, INFO).
    logger.info(
      { requestId: context.requestId, path: new URL(request.url).pathname },
      "Afvist ?_data-forespørgsel",
    );
    return;
  }
  logger.error(
    { requestId: context.requestId, path: new URL(request.url).pathname, err: error },
    "Uventet fejl under en forespørgsel",
  );
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const bot = isbot(request.headers.get("user-agent") || "");
  const nonce = loadContext.cspNonce;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RequestContextProvider value={{ cspNonce: nonce, requestId: loadContext.requestId }}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </RequestContextProvider>,
      {
        nonce,
        [bot ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          // Once the page is sent, the abort timer has nothing left to stop: cleared, it no longer
          // keeps each finished render in memory for five seconds.
          body.on("close", () => clearTimeout(abortTimer));
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged by handleError; before it, the promise rejects.
          if (shellRendered)
            logger.error({ requestId: loadContext.requestId, err: error }, "Fejl under rendering");
        },
      },
    );
    const abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}
