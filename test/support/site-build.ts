/**
 * Runs a production build of the site (with its Pagefind index) in a child process, the way a
 * user runs it, with chosen environment: content folder, base path, output folder.
 */
import { spawn } from 'node:child_process';
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

/** Builds the site with `astro build`; never throws on a failed build, so tests can read the output. */
export function runBuild(env: Record<string, string>): Promise<BuildResult> {
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
