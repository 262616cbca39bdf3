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
}

const FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

const score = (value: number | null | undefined) => (typeof value === 'number' ? Math.round(value * 100) : undefined);

/** Runs Lighthouse (default mobile settings, simulated throttling) on each URL in turn, in one Chromium. */
export async function runLighthouse(browser: ResolvedBrowser, urls: string[]): Promise<LighthouseScores[]> {
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
      });
    }
    return out;
  } finally {
    chrome.kill();
  }
}
