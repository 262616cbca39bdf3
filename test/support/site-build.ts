/**
 * Runs a production build of the site (with its Pagefind index) in child processes, the way a
 * user runs it (the commands of `npm run build`), with chosen environment: content folder, base
 * path, output folder.
 *
 * Each build runs in a project root of its own, so any number can run at once: a temporary folder
 * with a copy of `src/`, `public/` and the config files (2 MB; Vite resolves links to their real
 * paths, and Astro then fails to match a page found under the link with its compiled module, so
 * these must be real files) and a `node_modules/` folder holding a link to each package. Astro
 * writes its generated `.astro/` folder in the project root and its content-layer cache under
 * `node_modules/.astro/`; in the temporary root both are private to the build and go with it.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The outcome of a build: its exit code and everything it printed. */
export interface BuildResult {
  code: number;
  output: string;
  /** The project root the build ran in (gone once it ends): the build names files relative to it. */
  root: string;
}

// Vitest fills process.env with Vite's own variables (BASE_URL, MODE, …); a child build must
// not inherit them, or they override the site's configuration.
const VITE_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV'];

/** The environment of a child build: this process's, less what Vite and Vitest set for themselves. */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of VITE_VARIABLES) delete env[key];
  return env;
}

/** What a build reads from the project, copied into its root. */
const PROJECT_FILES = ['src', 'public', 'scripts/index-site.ts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** One command of `npm run build`: the arguments to start this Node with, and the variables the command sets. */
export interface BuildCommand {
  args: string[];
  env: Record<string, string>;
}

/**
 * One shell command of an npm script as words: the variables it sets before its program
 * (`NAME=value …`), the program and its arguments.
 * @example commandWords('A=1 astro build') // { env: { A: '1' }, program: 'astro', args: ['build'] }
 */
export function commandWords(command: string): { env: Record<string, string>; program: string | undefined; args: string[] } {
  const words = command.trim().split(/\s+/);
  const env: Record<string, string> = {};
  for (let word = words[0]; word !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(word); word = words[0]) {
    const at = word.indexOf('=');
    env[word.slice(0, at)] = word.slice(at + 1);
    words.shift();
  }
  const [program, ...args] = words;
  return { env, program, args };
}

/**
 * The commands of `npm run build` (package.json), each as the program and arguments to start with
 * this Node and the variables it sets before them (`NAME=value astro …`): `astro …` runs Astro's own
 * CLI, `node …` a script of the project. Anything else there is an error, so the tests never build
 * the site differently from the script.
 */
export function buildCommands(root: string = ROOT): BuildCommand[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return scripts['build']!.split('&&').map((command) => {
    const { env, program, args } = commandWords(command);
    if (program === 'astro') return { args: [join(root, 'node_modules/astro/bin/astro.mjs'), ...args], env };
    if (program === 'node') return { args, env };
    throw new Error(`package.json: scripts.build: the tests can only run "astro …" and "node …" commands, not "${command.trim()}"`);
  });
}

/**
 * A new project root for one build: a copy of the project's files, and a `node_modules/` of links
 * to the packages, without the dot-folders (`.astro`, `.vite`, caches) that builds write.
 */
export function privateRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'tl-build-root-'));
  for (const name of PROJECT_FILES) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    cpSync(join(ROOT, name), join(root, name), { recursive: true });
  }
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (!name.startsWith('.') || name === '.bin') symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  }
  return root;
}

/**
 * The public origin of the test builds when they name none: the local preview's, as `npm start`
 * builds for. `npm run build` refuses to run without one.
 */
export const TEST_SITE_URL = 'http://localhost:4321';

/**
 * Builds the site with the commands of `npm run build` in a project root of its own; never throws
 * on a failed build, so tests can read the output. `SITE_URL` is {@link TEST_SITE_URL} unless
 * `env` says otherwise (an empty string leaves it unset).
 */
export async function runBuild(env: Record<string, string>): Promise<BuildResult> {
  const root = privateRoot();
  try {
    const site = env['SITE_URL'] ?? TEST_SITE_URL;
    const { SITE_URL: _given, ...rest } = env;
    return await spawnBuild(root, site === '' ? rest : { ...rest, SITE_URL: site });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function spawnBuild(root: string, env: Record<string, string>): Promise<BuildResult> {
  let output = '';
  for (const command of buildCommands(root)) {
    const step = await spawnStep(root, command.args, { ...command.env, ...env });
    output += step.output;
    if (step.code !== 0) return { code: step.code, output, root };
  }
  return { code: 0, output, root };
}

function spawnStep(root: string, args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
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
