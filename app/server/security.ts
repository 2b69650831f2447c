// The request gate and security headers, in one place for every request.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
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

export function securityHeaders(production: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'strict-dynamic'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
      },
    },
    strictTransportSecurity: production ? { maxAge: 63072000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    xPoweredBy: false,
  });
}
