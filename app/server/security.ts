// The request gate and security headers, in one place for every request.

import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { config } from "../env.server";
import { logger } from "../logger.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF gate (OWASP: Fetch Metadata, with an Origin fallback): a request that changes state must
 * come from this site. Browsers send Sec-Fetch-Site; older ones and scripts send Origin.
 */
export function requestGate(publicOrigin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get("sec-fetch-site");
    const allowed = site ? site === "same-origin" : req.get("origin") === publicOrigin;
    if (!allowed) {
      // A deliberate refusal: info, not error (anyone can send these).
      logger.info(
        { requestId: res.locals.requestId, path: req.path },
        "Afvist: forespørgslen kom ikke fra denne side",
      );
      res
        .status(403)
        .type("text/plain; charset=utf-8")
        .send("Afvist: forespørgslen kom ikke fra denne side.");
      return;
    }
    // Every form on the site posts as a form; anything else would only make an action fail.
    if (!req.is(["application/x-www-form-urlencoded", "multipart/form-data"])) {
      res
        .status(415)
        .type("text/plain; charset=utf-8")
        .send("Afvist: forespørgslen skal sendes som en formular.");
      return;
    }
    next();
  };
}

/** Every form on the site fits in this many bytes; a bigger body is refused unread. */
export const FORM_BODY_LIMIT = 64 * 1024;

function refusalPage(title: string, text: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${config().siteName} · ${config().municipalityName}</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Gå til forsiden</a></p></main></body></html>`;
}

/**
 * Caps every request body before anything reads it (the security review's HIGH 1): the declared
 * Content-Length must be at most `limitFor(req)` bytes, else 413, and a body without a declared
 * length (chunked) is refused with 411. Node's HTTP parser never delivers more bytes than declared,
 * so the cap holds for what Remix later reads.
 */
export function bodyLimit(limitFor: (req: Request) => number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const declared = req.get("content-length");
    if (declared === undefined) {
      if (req.get("transfer-encoding") === undefined) return next(); // no body at all
      res.set("Connection", "close");
      res
        .status(411)
        .type("html")
        .send(refusalPage("Forespørgslen mangler en længde", "Send formularen igen fra siden."));
      return;
    }
    const limit = limitFor(req);
    if (!/^\d{1,15}$/.test(declared) || Number(declared) > limit) {
      res.set("Connection", "close");
      res
        .status(413)
        .type("html")
        .send(
          refusalPage(
            "Det, du sendte, er for stort",
            `Siden tager imod højst ${Math.round(limit / 1024)} KB ad gangen. Gå tilbage, gør teksten eller filen mindre, og prøv igen.`,
          ),
        );
      return;
    }
    next();
  };
}

/** A fresh nonce per response, for the CSP and every script the page renders. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

/** No page uses these browser features; a Permissions-Policy turns them off for every frame. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export function permissionsPolicy(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  next();
}

/**
 * Helmet's headers with the site's CSP. In development (`npm run dev`) the CSP also lets Vite's
 * client do its work: its hot-reload WebSocket (connect-src ws:) and the <style> tags it injects
 * when a stylesheet changes (style-src 'unsafe-inline'). Scripts need the nonce in both.
 */
export function securityHeaders(mode: { production: boolean; development: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'strict-dynamic'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": mode.development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": mode.development ? ["'self'", "ws:"] : ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
      },
    },
    strictTransportSecurity: mode.production ? { maxAge: 63072000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    xPoweredBy: false,
  });
}
