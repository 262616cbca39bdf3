/**
 * Runs a production build of the site (with its Pagefind index) in a child process, the way a
 * user runs it, with chosen environment: content folder, base path, output folder.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentCacheDir } from '../../src/integrations/content-files.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The outcome of a build: its exit code and everything it printed. */
export interface BuildResult {
  code: number;
  output: string;
}

// Vitest fills process.env with Vite's own variables (BASE_URL, MODE, …); a child build must
// not inherit them, or they override the site's configuration.
const VITE_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV'];

function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of VITE_VARIABLES) delete env[key];
  return env;
}

// Every build writes Astro's generated `.astro/` folder in the project root, so two builds at once
// (from different test files, which run in different processes) would corrupt each other. A lock
// directory, created atomically, lets one build run at a time across processes.
const LOCK = join(ROOT, 'node_modules', '.tl-build-lock');
const STALE_MS = 10 * 60_000;

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // The holder released it between the two calls.
      }
      await sleep(250);
    }
  }
}

/** Builds the site with `astro build`, one build at a time; never throws on a failed build, so tests can read the output. */
export async function runBuild(env: Record<string, string>): Promise<BuildResult> {
  await acquireLock();
  try {
    return await spawnBuild(env);
  } finally {
    // A test's content folder is temporary; so is the content cache made for it.
    if (env['CONTENT_DIR']) {
      const href = pathToFileURL(env['CONTENT_DIR'].replace(/\/?$/, '/')).href;
      rmSync(resolve(ROOT, contentCacheDir(href)), { recursive: true, force: true });
    }
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function spawnBuild(env: Record<string, string>): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: ROOT,
      env: { ...cleanEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
