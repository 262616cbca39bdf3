/**
 * Reads a content tree from disk into the plain shape that `checkContent` takes. It parses
 * front matter and YAML itself (YAML 1.2, so bare dates stay strings) and reports any file
 * that no loader would read, so that nothing is silently dropped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import type { RawContent, RawRecord } from '../lib/content-check.ts';
import { splitFrontMatter } from '../lib/front-matter.ts';
import { VERSIONS_FOLDER } from '../lib/versions.ts';

/** The folders and files of a content tree, relative to its root. */
export const CONTENT_LAYOUT = {
  entries: 'entries',
  sources: 'sources',
  vendors: 'vendors',
  jurisdictions: 'jurisdictions',
  bodies: 'bodies',
  measures: 'measures',
  versions: VERSIONS_FOLDER,
  permalinks: 'permalinks.yaml',
  synonyms: 'synonyms.yaml',
  syndicators: 'syndicators.yaml',
  site: 'site.yaml',
} as const;

// Files sort before a sub-folder of the same prefix, so the order is that of full paths.
const sortName = (d: Dirent) => (d.isDirectory() ? `${d.name}/` : d.name);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (sortName(a) < sortName(b) ? -1 : 1)).flatMap((d) => {
    const full = join(dir, d.name);
    if (d.isDirectory()) return walk(full);
    return d.name.startsWith('.') ? [] : [full];
  });
}

export { splitFrontMatter };

function parseYaml(text: string, file: string, errors: string[]): unknown {
  try {
    return parse(text) ?? {};
  } catch (error) {
    errors.push(`${file}: (file): not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/**
 * The site record (`site.yaml`) under `root`, parsed but not checked, or `undefined` when the
 * tree has none. Paths in messages are shown relative to `cwd`.
 */
export function readSiteFile(root: string, cwd: string = process.cwd()): { file: string; data: unknown } | undefined {
  const path = join(root, CONTENT_LAYOUT.site);
  if (!existsSync(path)) return undefined;
  const file = relative(cwd, path);
  const data = parseYaml(readFileSync(path, 'utf8'), file, []);
  return data === undefined ? undefined : { file, data };
}

/**
 * Reads every collection under `root`. Paths in messages are shown relative to `cwd`.
 * YAML syntax errors are returned as problems alongside the records.
 */
export function readContentTree(root: string, cwd: string = process.cwd()): { raw: RawContent; problems: string[] } {
  const problems: string[] = [];
  const stray: string[] = [];
  const show = (path: string) => relative(cwd, path);

  const entries: RawRecord[] = [];
  for (const path of walk(join(root, CONTENT_LAYOUT.entries))) {
    if (!path.endsWith('.mdx')) {
      stray.push(show(path));
      continue;
    }
    const file = show(path);
    const text = readFileSync(path, 'utf8');
    const { frontMatter, body } = splitFrontMatter(text);
    if (frontMatter === undefined) {
      problems.push(`${file}: (file): no front matter; start the file with --- and the fields`);
      continue;
    }
    const data = parseYaml(frontMatter, file, problems);
    if (data !== undefined) entries.push({ id: basename(path, '.mdx'), file, data, body, bodyLine: text.slice(0, text.length - body.length).split('\n').length });
  }

  // Snapshots of earlier versions: read like entries, so every check of an entry file can see them.
  const versions: RawRecord[] = [];
  const versionsRoot = join(root, CONTENT_LAYOUT.versions);
  for (const path of walk(versionsRoot)) {
    const file = show(path);
    const relativePath = relative(versionsRoot, path);
    if (!path.endsWith('.mdx')) {
      versions.push({ id: relativePath, file, data: undefined });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const { frontMatter, body } = splitFrontMatter(text);
    if (frontMatter === undefined) {
      problems.push(`${file}: (file): no front matter; a snapshot is a copy of the whole entry file`);
      continue;
    }
    const data = parseYaml(frontMatter, file, problems);
    if (data !== undefined) versions.push({ id: relativePath, file, data, body, bodyLine: text.slice(0, text.length - body.length).split('\n').length });
  }

  const readData = (folder: string): RawRecord[] => {
    const out: RawRecord[] = [];
    for (const path of walk(join(root, folder))) {
      if (!path.endsWith('.yaml')) {
        stray.push(show(path));
        continue;
      }
      const file = show(path);
      const data = parseYaml(readFileSync(path, 'utf8'), file, problems);
      if (data !== undefined) out.push({ id: basename(path, '.yaml'), file, data });
    }
    return out;
  };

  const raw: RawContent = {
    entries,
    sources: readData(CONTENT_LAYOUT.sources),
    vendors: readData(CONTENT_LAYOUT.vendors),
    jurisdictions: readData(CONTENT_LAYOUT.jurisdictions),
    bodies: readData(CONTENT_LAYOUT.bodies),
    measures: readData(CONTENT_LAYOUT.measures),
    versions,
    strayFiles: stray,
  };
  for (const key of ['permalinks', 'syndicators', 'site'] as const) {
    const path = join(root, CONTENT_LAYOUT[key]);
    if (!existsSync(path)) continue;
    const file = show(path);
    const data = parseYaml(readFileSync(path, 'utf8'), file, problems);
    if (data !== undefined) raw[key] = { file, data };
  }
  const synonymsPath = join(root, CONTENT_LAYOUT.synonyms);
  if (existsSync(synonymsPath)) {
    const file = show(synonymsPath);
    const data = parseYaml(readFileSync(synonymsPath, 'utf8'), file, problems);
    if (data !== undefined) raw.synonyms = { file, data };
  }
  return { raw, problems };
}

/**
 * Astro keeps a content-layer cache between builds and does not forget entries of a folder it no
 * longer reads, so a build of another content folder (tests, benchmark) gets a cache of its own.
 * @example contentCacheDir('file:///tmp/x/') // './node_modules/.astro/content-3c1f…/'
 */
export function contentCacheDir(contentDirHref: string): string {
  return `./node_modules/.astro/content-${createHash('sha256').update(contentDirHref).digest('hex').slice(0, 12)}/`;
}

const trees = new Map<string, ReturnType<typeof readContentTree>>();

/**
 * {@link readContentTree} once per build: the content check and the build-done steps (sitemap
 * dates, redirects, host files) all need the raw tree, and parsing a thousand files of YAML
 * several times is most of their cost. A build is one process, so the first read serves all;
 * `fresh` re-reads (the content check does, so a restarted dev server never checks a stale tree).
 */
export function readContentTreeOnce(root: string, options: { fresh?: boolean } = {}): ReturnType<typeof readContentTree> {
  let tree = options.fresh ? undefined : trees.get(root);
  if (!tree) {
    tree = readContentTree(root);
    trees.set(root, tree);
  }
  return tree;
}
