/**
 * `npm run bench`: builds the site on synthetic content (or the real content with `--real`) and,
 * in the same run, a bare Astro + MDX + Pagefind baseline on the same entries; measures build and
 * index time, peak memory, output, page weight per page type, the cost and speed of a first
 * search in Chromium, and Lighthouse scores; writes a Markdown report and ends with one line:
 * `bench: full/baseline build ratio R (median of K paired runs) at N entries, entry page X kB gz,
 * first search Y kB`.
 *
 *   npm run bench                        1,000 synthetic entries
 *   npm run bench -- --entries 200       any number
 *   npm run bench -- --large             5,000
 *   npm run bench -- --real              the real content, and the labelled search queries' ranks
 *   options: --seed S, --runs K (builds of each site, 5 by default), --out FILE, --no-lighthouse,
 *            --keep (keep the temporary folder)
 *
 * Lighthouse is a package of the benchmark's own (scripts/bench/lighthouse/package.json), not part
 * of the site's install: a run that uses it installs it first if it is missing (`npm ci --prefix
 * scripts/bench/lighthouse`); `--no-lighthouse` needs nothing beyond the site's install.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compareWithoutJs, measureFirstSearch, type FirstSearch, type NoScriptCheck } from './bench/browser.ts';
import { ensureLighthouse, runLighthouse } from './bench/lighthouse.ts';
import { countFiles, measurePage, measurePageTypes } from './bench/measure.ts';
import { killChildren, runMeasured, type RunResult } from './bench/process.ts';
import { renderReport, summaryLine, targets, type BenchResult, type BuildFigures } from './bench/report.ts';
import { writeSyntheticContent } from './bench/synth.ts';
import { contentCacheDir } from '../src/integrations/content-root.ts';
import { launchBrowser, resolveBrowser } from '../test/support/browser.ts';
import { formatOutcomes, readLabelledQueries, runLabelledQueries, type QueryOutcome } from '../test/support/labelled-queries.ts';
import { serveStatic } from '../test/support/static-server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const INDEX_SITE = join(ROOT, 'scripts/index-site.ts');
const BASELINE = join(ROOT, 'scripts/bench/baseline');
const QUERIES: [string, string] = ['surveillance cameras', 'hikvision'];
/**
 * Builds of each site a bench makes by default: one pair of builds cannot tell 1.2× from 1.35× on a
 * machine whose speed drifts, and the median of five pairs is steady (docs/benchmark.md, "How the
 * build is judged").
 */
const DEFAULT_RUNS = 5;

const USAGE = `usage: npm run bench -- [--entries N | --large | --real] [--seed S] [--runs K] [--out FILE] [--no-lighthouse] [--keep]
  --entries N      synthetic entries to generate (default 1000)
  --large          5000 synthetic entries
  --real           measure the real content (src/content) instead of synthetic entries
  --seed S         seed of the synthetic content (default 1)
  --runs K         build each site K times, alternating (default 5); the build targets are judged on
                   the median of the K paired runs (on the fastest runs below 3)
  --out FILE       where to write the Markdown report (default bench-report.md)
  --no-lighthouse  skip the Lighthouse runs (otherwise Lighthouse is installed into
                   scripts/bench/lighthouse/node_modules first if it is missing)
  --keep           keep the temporary folder (content and both builds) and print its path`;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      entries: { type: 'string' },
      large: { type: 'boolean', default: false },
      real: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: String(DEFAULT_RUNS) },
      out: { type: 'string', default: 'bench-report.md' },
      'no-lighthouse': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.real && (values.entries !== undefined || values.large)) throw new Error('--real measures the real content; it takes no --entries or --large');
  const entries = values.large ? 5000 : Number(values.entries ?? 1000);
  if (!Number.isInteger(entries) || entries < 1) throw new Error(`--entries must be a positive whole number, not "${values.entries}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not "${values.runs}"`);
  return { entries, seed, runs, real: values.real, out: resolve(ROOT, values.out), lighthouse: !values['no-lighthouse'], keep: values.keep };
}

/** Fails with the tail of a command's output when it did not succeed. */
function ensureOk(what: string, run: RunResult): RunResult {
  if (run.code !== 0) {
    const tail = run.output.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${what} failed (exit ${run.code}):\n${tail}`);
  }
  return run;
}

/**
 * Builds one site and indexes it, each step in a process of its own and measured apart: the full
 * site as `npm run build` does (`astro build`, then `scripts/index-site.ts`), the baseline with
 * `astro build` and then Pagefind's CLI.
 */
async function buildSite(label: string, args: string[], env: Record<string, string>, outDir: string, full: boolean): Promise<BuildFigures> {
  log(`building the ${label}…`);
  const build = ensureOk(`${label} build`, await runMeasured(process.execPath, [ASTRO, 'build', ...args], { cwd: ROOT, env: { ...env, OUT_DIR: outDir } }));
  log(`${label}: built in ${(build.ms / 1000).toFixed(1)} s; indexing…`);
  const index = ensureOk(
    `indexing the ${label}`,
    full
      ? await runMeasured(process.execPath, [INDEX_SITE, outDir], { cwd: ROOT, env })
      : await runMeasured(process.execPath, [PAGEFIND, '--site', outDir], { cwd: ROOT, env: {} }),
  );
  return {
    buildMs: build.ms,
    indexMs: index.ms,
    totalMs: build.ms + index.ms,
    buildCpuMs: build.cpuMs,
    totalCpuMs: build.cpuMs === undefined || index.cpuMs === undefined ? undefined : build.cpuMs + index.cpuMs,
    buildPeak: build.peakTreeRss,
    indexPeak: index.peakTreeRss,
    files: countFiles(outDir),
    allTotalsMs: [build.ms + index.ms],
    allTotalCpuMs: [build.cpuMs === undefined || index.cpuMs === undefined ? undefined : build.cpuMs + index.cpuMs],
  };
}

const least = (values: (number | undefined)[]) => (values.every((v) => v !== undefined) ? Math.min(...(values as number[])) : undefined);

/** The fastest of several runs (wall and CPU time each at its least), with every run's time and the highest peak memory of all. */
function fastest(runs: BuildFigures[]): BuildFigures {
  const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
  return {
    ...best,
    buildPeak: Math.max(...runs.map((r) => r.buildPeak)),
    indexPeak: Math.max(...runs.map((r) => r.indexPeak)),
    allTotalsMs: runs.map((r) => r.totalMs),
    allTotalCpuMs: runs.map((r) => r.totalCpuMs),
    buildCpuMs: least(runs.map((r) => r.buildCpuMs)),
    totalCpuMs: least(runs.map((r) => r.totalCpuMs)),
  };
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.versions.node}`;
}

async function main(): Promise<void> {
  const opts = options();
  // Before any build, so a failed install stops the run at once.
  if (opts.lighthouse) ensureLighthouse(log);
  // The Chromium of the tests (a system one, or the one from npm): resolved, and unpacked if need be, before the builds.
  const chromium = resolveBrowser();
  log(`browser: ${chromium.kind} Chromium at ${chromium.executablePath}`);
  const work = mkdtempSync(join(tmpdir(), 'tl-bench-'));
  let fullCache: string | undefined;
  const cleanup = () => {
    killChildren();
    if (fullCache) rmSync(fullCache, { recursive: true, force: true });
    if (opts.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`stopped by ${signal}`);
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const buildDate = new Date().toISOString().slice(0, 10);
    const loadBefore = loadavg()[0] ?? 0;
    let contentDir = join(ROOT, 'src/content');
    let counts = { entries: 0, sources: 0 };
    if (opts.real) {
      const count = (folder: string) => (existsSync(join(contentDir, folder)) ? readdirSync(join(contentDir, folder)).length : 0);
      counts = { entries: count('entries'), sources: count('sources') };
      log(`measuring the real content: ${counts.entries} entries`);
    } else {
      contentDir = join(work, 'content');
      mkdirSync(contentDir);
      counts = writeSyntheticContent(contentDir, { count: opts.entries, seed: opts.seed, today: buildDate, realContentDir: join(ROOT, 'src/content') });
      log(`generated ${counts.entries} entries and ${counts.sources} sources in ${contentDir}`);
    }

    const env = { CONTENT_DIR: contentDir, BUILD_DATE: buildDate, SITE_URL: 'https://bench.invalid' };
    // The full site keeps its content-layer cache in a folder of its own for this content folder
    // (astro.config.mjs): removed before each run and at the end (the baseline's caches are a new
    // folder in the temporary folder each run).
    const cache = join(ROOT, contentCacheDir(pathToFileURL(contentDir.replace(/\/?$/, '/')).href));
    fullCache = cache;
    // Every run writes a folder of its own, and nothing is deleted until the runs are over: on a
    // file system that will not reuse a just-deleted inode at once (ext4 without a journal, as on
    // the machines this was measured on), creating files soon after deleting thousands costs many
    // times the usual, so a run that began by removing the previous run's output paid for that
    // removal in proportion to the files it wrote itself.
    const runFolder = (site: string, run: number) => join(work, opts.runs > 1 ? `${site}-${run}` : site);
    const fullRuns: BuildFigures[] = [];
    const baseRuns: BuildFigures[] = [];
    for (let run = 1; run <= opts.runs; run += 1) {
      const label = opts.runs > 1 ? ` (run ${run} of ${opts.runs})` : '';
      // Astro's content-layer cache and Vite's optimised dependencies would let a repeated run skip
      // work: start every build cold (a few dozen files). Each build writes to an output folder
      // that does not exist yet.
      const buildFull = async () => {
        rmSync(cache, { recursive: true, force: true });
        rmSync(join(ROOT, 'node_modules/.vite/deps'), { recursive: true, force: true });
        fullRuns.push(await buildSite(`full site${label}`, [], env, runFolder('full', run), true));
      };
      const buildBaseline = async () => {
        baseRuns.push(await buildSite(`baseline${label}`, ['--root', BASELINE], { ...env, BENCH_CACHE_DIR: runFolder('baseline-cache', run) }, runFolder('baseline', run), false));
      };
      // The order alternates, so that neither site is always the one built on a machine that has
      // just worked for a minute.
      if (run % 2 === 1) {
        await buildFull();
        await buildBaseline();
      } else {
        await buildBaseline();
        await buildFull();
      }
    }
    const full = fastest(fullRuns);
    const baseline = fastest(baseRuns);
    // Every run built the same pages; the last run's output is measured and served.
    const fullDir = runFolder('full', opts.runs);
    const baseDir = runFolder('baseline', opts.runs);

    const pages = measurePageTypes(fullDir);
    const baseEntries = readdirSync(join(baseDir, 'entries'));
    const baselineEntry = pages.entry && baseEntries.length > 0 ? measurePage(baseDir, `${pages.entry.url.slice(1)}index.html`) : undefined;

    log('measuring the first search in Chromium…');
    const server = await serveStatic(fullDir);
    let search: FirstSearch;
    let noScript: NoScriptCheck | undefined;
    let lighthouse: BenchResult['lighthouse'];
    let labelled: QueryOutcome[] | undefined;
    try {
      const browser = await launchBrowser();
      try {
        search = await measureFirstSearch(browser, server.origin, QUERIES[0], QUERIES[1]);
        if (pages.entry) noScript = await compareWithoutJs(browser, server.origin, pages.entry.url);
        if (opts.real) {
          log('running the labelled search queries (test/search-queries.yaml) on the search page…');
          labelled = await runLabelledQueries(browser, server.origin, readLabelledQueries());
          process.stdout.write(`${formatOutcomes(labelled)}\n`);
        }
      } finally {
        await browser.close();
      }
      if (opts.lighthouse) {
        log('running Lighthouse on the home page, an entry page and the search page…');
        // Served gzipped, as any static host sends HTML, CSS and JavaScript: uncompressed, the
        // simulated slow phone connection would time bytes no reader downloads.
        const host = await serveStatic(fullDir, '/', { compress: true });
        try {
          const urls = [`${host.origin}/`, ...(pages.entry ? [`${host.origin}${pages.entry.url}`] : []), `${host.origin}/search/`];
          lighthouse = (await runLighthouse(chromium, urls)).map((scores) => ({ ...scores, url: scores.url.replace(host.origin, server.origin) }));
        } finally {
          await host.close();
        }
      }
    } finally {
      await server.close();
    }

    const result: BenchResult = {
      content: opts.real ? 'real' : 'synthetic',
      entries: counts.entries,
      sources: counts.sources,
      seed: opts.real ? undefined : opts.seed,
      buildDate,
      machine: machine(),
      load: [loadBefore, loadavg()[0] ?? 0],
      full,
      baseline,
      pages,
      baselineEntry,
      search,
      queries: QUERIES,
      noScript,
      lighthouse,
      labelled,
    };
    writeFileSync(opts.out, renderReport(result));
    for (const t of targets(result)) log(`${t.met === undefined ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.measured} (goal: ${t.goal})`);
    log(`report written to ${opts.out}`);
    process.stdout.write(`${summaryLine(result)}\n`);
  } finally {
    cleanup();
  }
}

main().catch((error: unknown) => {
  killChildren();
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
