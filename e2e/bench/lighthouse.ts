// `npm run bench -- --lighthouse`: Lighthouse 12.2.3 (13 needs Node 22) in Debian's Chromium, the
// default mobile profile, on the pages the bench weighs and the manager overview.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export interface LighthouseScore {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Lighthouse's own reason when it could not measure the page (its scores are then 0). */
  error?: string;
}

// The same flags the Playwright tests give Chromium (playwright.config.ts).
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function runLighthouse(
  origin: string,
  pages: { page: string; path: string; cookie: string | null }[],
): Promise<LighthouseScore[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  const scores: LighthouseScore[] = [];
  try {
    for (const { page, path, cookie } of pages) {
      const result = await lighthouse(`${origin}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
      });
      const categories = result?.lhr.categories;
      const score = (id: string) => Math.round((categories?.[id]?.score ?? 0) * 100);
      scores.push({
        page,
        path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        ...(result?.lhr.runtimeError ? { error: result.lhr.runtimeError.message } : {}),
      });
    }
  } finally {
    chrome.kill();
  }
  return scores;
}
