// `npm run bench -- --lighthouse`: Lighthouse 12.2.3 (13 needs Node 22) in Debian's Chromium, the
// default mobile profile, on the pages the bench weighs and the manager overview. Each page is
// measured RUNS times and the median run is reported, as Lighthouse's authors advise: one run's
// performance score swings by ten points or more with what else the machine is doing.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

const RUNS = 3;
/** A run Lighthouse could not record ("Please run Lighthouse again") is tried this often. */
const ATTEMPTS = 3;

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
    // On a busy machine Chromium can take more than the default 25 s to open its debugging port.
    maxConnectionRetries: 240,
  });
  const scores: LighthouseScore[] = [];
  try {
    for (const { page, path, cookie } of pages) {
      const measure = async () => {
        const result = await lighthouse(`${origin}${path}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
          extraHeaders: cookie ? { Cookie: cookie } : undefined,
        });
        if (!result) throw new Error(`Lighthouse gav intet resultat for ${path}`);
        return result.lhr;
      };
      const runs = [];
      let failed: Awaited<ReturnType<typeof measure>> | undefined;
      for (let attempt = 0; runs.length < RUNS && attempt < RUNS * ATTEMPTS; attempt++) {
        const lhr = await measure();
        if (lhr.runtimeError) failed = lhr;
        else runs.push(lhr);
      }
      const lhr = runs.length > 0 ? computeMedianRun(runs) : failed;
      const categories = lhr?.categories;
      const score = (id: string) => Math.round((categories?.[id]?.score ?? 0) * 100);
      scores.push({
        page,
        path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        ...(lhr?.runtimeError ? { error: lhr.runtimeError.message } : {}),
      });
    }
  } finally {
    chrome.kill();
  }
  return scores;
}
