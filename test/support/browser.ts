/**
 * The Chromium the tests and the benchmark drive through playwright-core. A missing browser is a
 * failure with instructions, never a silent skip.
 *
 * Which browser, in this order:
 * 1. `TL_BROWSER=bundled` forces the Chromium shipped inside the `@sparticuz/chromium` npm package;
 *    `TL_BROWSER=system` forces a system one (the next two steps, failing if neither is there).
 * 2. `CHROME_PATH`, when set, must name a Chromium or Chrome binary (a wrong path is an error, not a
 *    reason to fall back).
 * 3. Debian's `/usr/bin/chromium`, when it exists.
 * 4. Otherwise the bundled Chromium, so `npm ci && npm test` needs nothing but Node and npm.
 *
 * The bundled browser is a brotli-compressed headless shell. It is unpacked once per install into
 * `node_modules/.cache/tl-chromium/<version>/` (into a temporary folder first, then renamed, so two
 * processes never see half a browser), with the shared libraries it needs (NSS, NSPR, expat) from
 * the same package, and a fontconfig file naming only the package's Open Sans and the subset of
 * Noto Sans SC in test/fixtures/fonts/noto-sans-sc/, so Chinese names (海康威视) render on a
 * machine with no system fonts. Every browser the tests launch also gets that CJK font; the site
 * itself loads no fonts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a headless Chromium on a sandboxed, offline machine (nothing fetched from outside). */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A browser binary and the environment to start it with. */
export interface ResolvedBrowser {
  kind: 'system' | 'bundled';
  executablePath: string;
  /** Variables to add to the browser's environment (fontconfig file; for the bundled one, its libraries). */
  env: Record<string, string>;
}

/** The folder of the Noto Sans SC regular and bold faces, subset (TrueType: Chromium ignores WOFF2 files found through fontconfig). */
const CJK_FONT_DIRS = [join(ROOT, 'test/fixtures/fonts/noto-sans-sc')];

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function fontsConf(options: { includeSystem: boolean; dirs: string[]; cacheDir: string }): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...(options.includeSystem ? ['  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'] : []),
    ...options.dirs.map((dir) => `  <dir>${xmlText(dir)}</dir>`),
    `  <cachedir>${xmlText(options.cacheDir)}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Writes a file only when its text differs, through a rename, so a process never reads half of it. */
function writeIfChanged(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(`${path}.${process.pid}`, text);
  renameSync(`${path}.${process.pid}`, path);
}

/**
 * Unpacks the npm package's Chromium (once per install) and returns how to start it. Its font
 * configuration is written on every call when it differs, so a folder unpacked before the fonts
 * moved is brought up to date.
 */
export function bundledBrowser(): ResolvedBrowser {
  const pkgDir = dirname(dirname(require.resolve('@sparticuz/chromium')));
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(ROOT, 'node_modules', '.cache', 'tl-chromium', version);
  const executablePath = join(dir, 'chromium');
  const fontsConfPath = join(dir, 'fonts.conf');
  const env = { LD_LIBRARY_PATH: join(dir, 'al2023', 'lib'), FONTCONFIG_FILE: fontsConfPath };
  if (!existsSync(executablePath)) unpackChromium(pkgDir, version, dir);
  writeIfChanged(fontsConfPath, fontsConf({ includeSystem: false, dirs: [join(dir, 'fonts', 'fonts'), ...CJK_FONT_DIRS], cacheDir: join(dir, 'fontconfig-cache') }));
  return { kind: 'bundled', executablePath, env };
}

/** Unpacks the package's compressed browser into `dir`: into a folder of this process first, then renamed, so `dir` is either whole or absent. */
function unpackChromium(pkgDir: string, version: string, dir: string): void {
  // The package unpacks into os.tmpdir(); a child process with TMPDIR set to a private folder keeps
  // that away from /tmp and from other runs. `al2023.tar.br` holds NSS, NSPR and expat, which the
  // binary links against and a machine without a system Chromium may not have.
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const bin = join(pkgDir, 'bin');
  const script = `import { inflate } from '@sparticuz/chromium';
for (const f of ['chromium.br', 'fonts.tar.br', 'al2023.tar.br']) await inflate(${JSON.stringify(bin)} + '/' + f);`;
  const unpack = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, TMPDIR: staging }, encoding: 'utf8' });
  if (unpack.status !== 0 || !existsSync(join(staging, 'chromium'))) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Could not unpack the Chromium of @sparticuz/chromium ${version} into ${staging}:\n${unpack.stderr}${unpack.error ?? ''}`);
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another process finished first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw error;
  }
}

/** A system Chromium, with a fontconfig file that adds the repository's CJK font to the system's fonts. */
function systemBrowser(executablePath: string): ResolvedBrowser {
  const dir = join(ROOT, 'node_modules', '.cache', 'tl-chromium', 'system');
  const conf = join(dir, 'fonts.conf');
  mkdirSync(dir, { recursive: true });
  writeIfChanged(conf, fontsConf({ includeSystem: true, dirs: CJK_FONT_DIRS, cacheDir: join(dir, 'fontconfig-cache') }));
  return { kind: 'system', executablePath, env: { FONTCONFIG_FILE: conf } };
}

/** Which browser the environment asks for: a system binary, or the one from npm (see the order above). */
export function browserChoice(env: NodeJS.ProcessEnv, exists: (path: string) => boolean): { kind: 'system'; path: string } | { kind: 'bundled' } {
  const choice = env['TL_BROWSER'] ?? '';
  const chromePath = env['CHROME_PATH'] || undefined;
  if (choice !== '' && choice !== 'bundled' && choice !== 'system') {
    throw new Error(`TL_BROWSER must be "bundled" or "system", not "${choice}"`);
  }
  if (choice === 'bundled') return { kind: 'bundled' };
  if (chromePath) {
    if (!exists(chromePath)) {
      throw new Error(`CHROME_PATH names ${chromePath}, which does not exist. Point it at a Chromium or Chrome binary, or unset it to use ${SYSTEM_CHROMIUM} or the Chromium from npm.`);
    }
    return { kind: 'system', path: chromePath };
  }
  if (exists(SYSTEM_CHROMIUM)) return { kind: 'system', path: SYSTEM_CHROMIUM };
  if (choice === 'system') {
    throw new Error(`TL_BROWSER=system but there is no Chromium at ${SYSTEM_CHROMIUM} and CHROME_PATH is not set.`);
  }
  return { kind: 'bundled' };
}

let resolved: ResolvedBrowser | undefined;

/** Finds the browser to drive (see the order above), unpacking the npm one if need be; the answer is kept for the process. */
export function resolveBrowser(): ResolvedBrowser {
  if (resolved) return resolved;
  const choice = browserChoice(process.env, existsSync);
  resolved = choice.kind === 'bundled' ? bundledBrowser() : systemBrowser(choice.path);
  return resolved;
}

/**
 * Makes a headless shell paint only when a client asks for a frame, which no test does: pages
 * still load, run their scripts and lay out whenever a script or the driver reads their geometry
 * or styles (as axe does), but nothing is painted, rastered or composited. For a browser that only
 * loads pages and reads them; one that clicks or types needs frames, since Playwright waits on
 * animation frames before it acts.
 */
export const FRAMES_ON_REQUEST = '--enable-begin-frame-control';

/** Starts a headless Chromium (by default the one `resolveBrowser` finds) with the flags this sandboxed, offline machine needs, and any others given. */
export async function launchBrowser(browser: ResolvedBrowser = resolveBrowser(), extraFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: browser.executablePath,
    args: [...CHROMIUM_FLAGS, ...extraFlags],
    env: { ...process.env, ...browser.env } as Record<string, string>,
  });
}
