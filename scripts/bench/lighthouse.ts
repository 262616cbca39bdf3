/**
 * Lighthouse scores of a few pages, from the lighthouse package driving the same Chromium as the
 * rest of the benchmark and the tests (`resolveBrowser` in test/support/browser.ts; launched by
 * chrome-launcher, headless, with background networking off: nothing is fetched from outside the
 * local server).
 *
 * Lighthouse and chrome-launcher (about 180 MB with their dependencies) serve only the benchmark,
 * so they are not in the site's install: they are a package of their own
 * (scripts/bench/lighthouse/package.json and its lockfile), which `ensureLighthouse` installs into
 * scripts/bench/lighthouse/node_modules the first time a run asks for Lighthouse, and which this
 * module imports only when it runs Lighthouse. The rest of the module, and `--no-lighthouse` runs,
 * need nothing from it. It sits in a folder of its own so that nothing else resolves a package
 * from it (the bench's bare baseline takes Astro, MDX and Pagefind from the site's install).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_FLAGS, type ResolvedBrowser } from '../../test/support/browser.ts';

/** The folder of the benchmark's Lighthouse package. */
const PACKAGE_DIR = fileURLToPath(new URL('lighthouse/', import.meta.url));
/** Resolves from that package's node_modules (and not the site's). */
const require = createRequire(join(PACKAGE_DIR, 'package.json'));
/** The packages of scripts/bench/lighthouse/package.json, which this module imports. */
const PACKAGES = ['lighthouse', 'chrome-launcher'] as const;

/** The part of a Lighthouse result that this module reads (the package's own types are not installed with the site). */
interface LighthouseRun {
  lhr: {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, { title: string; score: number | null; displayValue?: string; numericValue?: number } | undefined>;
    runtimeError?: { code: string; message: string };
  };
}
type Lighthouse = (url: string, flags: { port: number; output: 'json'; logLevel: 'error'; onlyCategories: string[] }) => Promise<LighthouseRun | undefined>;
type LaunchChrome = (options: { chromePath: string; chromeFlags: string[]; envVars: Record<string, string | undefined>; logLevel: 'silent' }) => Promise<{ port: number; kill(): void }>;

/** Whether the benchmark's Lighthouse package is installed (scripts/bench/lighthouse/node_modules). */
export function lighthouseInstalled(): boolean {
  return PACKAGES.every((name) => existsSync(join(PACKAGE_DIR, 'node_modules', name, 'package.json')));
}

/**
 * Installs the benchmark's Lighthouse package from its lockfile (`npm ci --prefix
 * scripts/bench/lighthouse`) when it is missing, saying what it does; npm's output goes to stderr
 * with the benchmark's own messages.
 */
export function ensureLighthouse(log: (message: string) => void): void {
  if (lighthouseInstalled()) return;
  const prefix = relative(process.cwd(), PACKAGE_DIR) || '.';
  const args = ['ci', '--prefix', prefix, '--no-audit', '--no-fund'];
  log(`Lighthouse is not installed: installing the benchmark's Lighthouse package (npm ${args.join(' ')}, about 180 MB; --no-lighthouse skips Lighthouse)…`);
  const npm = spawnSync('npm', args, { stdio: ['ignore', 2, 2] });
  if (npm.error || npm.status !== 0 || !lighthouseInstalled()) {
    throw new Error(`npm ${args.join(' ')} failed (${npm.error?.message ?? `exit ${npm.status}`}); run it by hand, or run the benchmark with --no-lighthouse`);
  }
}

/** Imports Lighthouse and chrome-launcher from the benchmark's Lighthouse package (by path, so the type check needs neither installed). */
async function loadLighthouse(): Promise<{ lighthouse: Lighthouse; launch: LaunchChrome }> {
  if (!lighthouseInstalled()) throw new Error('Lighthouse is not installed in scripts/bench/lighthouse/node_modules: run `npm ci --prefix scripts/bench/lighthouse`');
  const lighthouseModule = (await import(pathToFileURL(require.resolve('lighthouse')).href)) as { default: Lighthouse };
  const launcherModule = (await import(pathToFileURL(require.resolve('chrome-launcher')).href)) as { launch: LaunchChrome };
  return { lighthouse: lighthouseModule.default, launch: launcherModule.launch };
}

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
  const modules = await loadLighthouse();
  const pages: LighthouseScores[][] = urls.map(() => []);
  // Pages alternate within each round, so a slow spell of the machine does not fall on one page's runs.
  for (let round = 0; round < runs; round += 1) {
    const scores = await runOnce(modules, browser, urls);
    scores.forEach((s, i) => pages[i]!.push(s));
  }
  return pages.map(medianRun);
}

async function runOnce({ lighthouse, launch }: { lighthouse: Lighthouse; launch: LaunchChrome }, browser: ResolvedBrowser, urls: string[]): Promise<LighthouseScores[]> {
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
