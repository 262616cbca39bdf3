/**
 * Lighthouse scores of a few pages, from the lighthouse package driving the same Chromium as the
 * rest of the benchmark and the tests (`resolveBrowser` in test/support/browser.ts; launched by
 * chrome-launcher, headless, with background networking off: nothing is fetched from outside the
 * local server).
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, type ResolvedBrowser } from '../../test/support/browser.ts';

/** The four category scores of one page, 0 to 100 (undefined when Lighthouse gave none). */
export interface LighthouseScores {
  url: string;
  performance: number | undefined;
  accessibility: number | undefined;
  bestPractices: number | undefined;
  seo: number | undefined;
  /** Elements in the DOM, as Lighthouse counted them, where it reports it. */
  domElements: number | undefined;
  /** Titles of the audits that lost points, for the report. */
  failing: string[];
  /** Performance scores of every run of this page, in run order; the figures above are the median run's. */
  performanceRuns: (number | undefined)[];
}

/** Runs per page: Lighthouse's own guidance is to report the median of several, as one run varies by a few points. */
export const LIGHTHOUSE_RUNS = 3;

const FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

const score = (value: number | null | undefined) => (typeof value === 'number' ? Math.round(value * 100) : undefined);

/** The run with the median performance score (the lower middle one for an even count). */
export function medianRun(runs: LighthouseScores[]): LighthouseScores {
  if (runs.length === 0) throw new Error('medianRun needs at least one run');
  const sorted = [...runs].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1));
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...median, performanceRuns: runs.map((r) => r.performance) };
}

/**
 * Runs Lighthouse (default mobile, simulated throttling) on each URL `runs` times, in one
 * Chromium per round, and keeps each page's median run.
 */
export async function runLighthouse(browser: ResolvedBrowser, urls: string[], runs = LIGHTHOUSE_RUNS): Promise<LighthouseScores[]> {
  const pages: LighthouseScores[][] = urls.map(() => []);
  // Pages alternate within each round, so a slow spell of the machine does not fall on one page's runs.
  for (let round = 0; round < runs; round += 1) {
    const scores = await runOnce(browser, urls);
    scores.forEach((s, i) => pages[i]!.push(s));
  }
  return pages.map(medianRun);
}

async function runOnce(browser: ResolvedBrowser, urls: string[]): Promise<LighthouseScores[]> {
  const chrome = await launch({ chromePath: browser.executablePath, chromeFlags: FLAGS, envVars: { ...process.env, ...browser.env }, logLevel: 'silent' });
  try {
    const out: LighthouseScores[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits, runtimeError } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.code} ${runtimeError.message}`);
      const dom = audits['dom-size-insight'] ?? audits['dom-size'];
      const failing = Object.values(categories)
        .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => audits[r.id]))
        .filter((a) => a !== undefined && a.score !== null && a.score < 1)
        .map((a) => `${a?.title ?? ''}${a?.displayValue ? ` (${a.displayValue})` : ''}`);
      out.push({
        url,
        performance: score(categories['performance']?.score),
        accessibility: score(categories['accessibility']?.score),
        bestPractices: score(categories['best-practices']?.score),
        seo: score(categories['seo']?.score),
        domElements: typeof dom?.numericValue === 'number' ? dom.numericValue : undefined,
        failing: [...new Set(failing)],
        performanceRuns: [],
      });
    }
    return out;
  } finally {
    chrome.kill();
  }
}
