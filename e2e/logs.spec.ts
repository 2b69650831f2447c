// Runs last (a project of its own, after all the others): after the whole e2e run, the server's log must hold no
// cookies, session tokens, passwords, CPR numbers or personal query strings.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("the server log of the whole run leaks no secrets or personal data", () => {
  const log = readFileSync("db/e2e-server.log", "utf8");
  const lines = log.trim().split("\n");
  expect(lines.length).toBeGreaterThan(100);
  for (const line of lines.slice(0, 5)) expect(() => JSON.parse(line)).not.toThrow();
  expect(log).toContain('"requestId"');
  expect(log).not.toContain("albertslund_session");
  expect(log).not.toMatch(/[a-z2-7]{24}\.[a-z2-7]{52}/); // a session token
  expect(log).not.toContain("albertslund2025");
  expect(log).not.toContain("test-adgangskode");
  expect(log).not.toMatch(/\b\d{6}-\d{4}\b/); // CPR
  expect(log).not.toMatch(/[?&]q=/); // searches for names
  expect(log).not.toMatch(/login\/link\/[A-Za-z0-9_-]{43}/); // a sign-in link
});
