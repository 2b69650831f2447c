import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimit, FORM_BODY_LIMIT } from "./security";

// A tiny app with the real middleware in front of a handler that reads the whole body.
let origin = "";
let server: ReturnType<ReturnType<typeof express>["listen"]>;
let bytesRead = 0;

beforeAll(async () => {
  const app = express();
  app.use(bodyLimit((req) => (req.path === "/hr/import" ? 1024 * 1024 : FORM_BODY_LIMIT)));
  app.all("*", (req, res) => {
    let n = 0;
    req.on("data", (chunk: Buffer) => {
      n += chunk.length;
    });
    req.on("end", () => {
      bytesRead += n;
      res.send(`read ${n}`);
    });
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const post = (path: string, body: string) =>
  fetch(`${origin}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

describe("body caps before anything reads the body", () => {
  it("lets a form post up to 64 KB through", async () => {
    const body = `email=a%40b.dk&password=${"A".repeat(FORM_BODY_LIMIT - 24)}`;
    expect(body.length).toBe(FORM_BODY_LIMIT);
    const response = await post("/login", body);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`read ${FORM_BODY_LIMIT}`);
  });

  it("refuses one byte more with a Danish 413 page, without reading it", async () => {
    const before = bytesRead;
    const response = await post("/login", "A".repeat(FORM_BODY_LIMIT + 1));
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain("Det, du sendte, er for stort");
    expect(html).toContain("højst 64 KB");
    expect(bytesRead).toBe(before);
  });

  it("the import upload keeps its own, larger cap", async () => {
    expect((await post("/hr/import", "A".repeat(500 * 1024))).status).toBe(200);
    expect((await post("/hr/import", "A".repeat(1024 * 1024 + 1))).status).toBe(413);
    expect((await post("/hr/import/abc", "A".repeat(100 * 1024))).status).toBe(413);
  });

  it("refuses a chunked body of unknown length, and a malformed length", async () => {
    const status = (headers: Record<string, string>, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${origin}/login`, { method: "POST", headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        if (body) req.write(body);
        req.end();
      });
    expect(await status({ "Transfer-Encoding": "chunked" }, "email=x")).toBe(411);
    expect(await status({ "Content-Length": "0" })).toBe(200);
  });

  it("GET requests pass untouched", async () => {
    expect((await fetch(`${origin}/login`)).status).toBe(200);
  });
});
