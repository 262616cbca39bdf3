/**
 * A content tree read outside Astro, for the developer scripts and the tests that check many small
 * trees in milliseconds: every file goes through the very functions Astro's loaders call
 * (src/lib/content/records.ts for the text and the schemas, the layout check, the rules across
 * records), and every entry body through the same MDX compile with the same body check
 * (src/lib/content/entry-body.ts). Only the walk over the folder is this module's own; the layout
 * check makes sure it and Astro's globs see the same files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import type { z } from 'astro/zod';
import { checkContent, type Checked, type ContentReport, type LoadedContent } from '../lib/content/content-check.ts';
import { entryBodyCheck, formatBodyFindings, parseErrorFinding } from '../lib/content/entry-body.ts';
import { checkLayout, RECORD_FOLDERS, SINGLE_FILES, VERSIONS, type RecordFolder } from '../lib/content/layout.ts';
import { parseRecord, readDataText, readEntryText, type Read } from '../lib/content/records.ts';
import { bodySchema } from '../schemas/body.ts';
import { entrySchema, entrySnapshotSchema } from '../schemas/entry.ts';
import { jurisdictionSchema } from '../schemas/jurisdiction.ts';
import { measureSchema } from '../schemas/measure.ts';
import { permalinksSchema } from '../schemas/permalinks.ts';
import { siteRecordSchema } from '../schemas/site.ts';
import { sourceSchema } from '../schemas/source.ts';
import { syndicatorsSchema } from '../schemas/syndicators.ts';
import { synonymGroupSchema } from '../schemas/synonyms.ts';
import { vendorSchema } from '../schemas/vendor.ts';

const SCHEMAS: Record<RecordFolder, z.ZodType> = {
  entries: entrySchema,
  sources: sourceSchema,
  vendors: vendorSchema,
  jurisdictions: jurisdictionSchema,
  bodies: bodySchema,
  measures: measureSchema,
};

/** Every file under `root`, relative, with `/`, in a stable order. */
function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/**
 * Compiles an entry's body as the build does, front matter blanked to keep line numbers, and
 * returns the body check's problems.
 */
function compileBody(path: string, file: string, text: string, bodyLine: number, data: unknown): string[] {
  const blanked = `${'\n'.repeat(bodyLine - 1)}${text.split('\n').slice(bodyLine - 1).join('\n')}`;
  try {
    mdxToJs(blanked, { mdastPlugins: [entryBodyCheck({ shown: () => file })], fileURL: pathToFileURL(path), data: { astro: { frontmatter: data as Record<string, unknown>, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } } });
    return [];
  } catch (error) {
    const message = (error as Error).message;
    // The check names the file itself; anything else is the parser's own "line:column: reason".
    if (message.startsWith(`${file}: `)) return message.split('\n').filter((line) => line.trim() !== '');
    return [formatBodyFindings(file, [parseErrorFinding(error)])];
  }
}

/**
 * Reads the content tree under `root` as the build would: the records that load, and a problem
 * for every file that does not (layout, text, schema, body). Paths in messages are relative to
 * `cwd`. Bodies are compiled unless `bodies` is false.
 */
export function readContentTree(root: string, options: { cwd?: string; bodies?: boolean } = {}): { loaded: LoadedContent; problems: string[] } {
  const cwd = options.cwd ?? process.cwd();
  const shown = (path: string) => relative(cwd, path).split(sep).join('/');
  const files = listFiles(root);
  const problems = checkLayout(files, (path) => shown(join(root, path)));
  const loaded: LoadedContent = { entries: [], sources: [], vendors: [], jurisdictions: [], bodies: [], measures: [], versions: [], failed: {}, rawSources: [] };

  for (const [folder, extension] of Object.entries(RECORD_FOLDERS) as [RecordFolder, string][]) {
    const failed: string[] = [];
    for (const name of files.filter((f) => f.startsWith(`${folder}/`) && f.split('/').length === 2 && f.endsWith(extension))) {
      const path = join(root, name);
      const file = shown(path);
      const id = name.slice(folder.length + 1, -extension.length);
      const text = readFileSync(path, 'utf8');
      let read: Read<{ data: unknown; body?: string; bodyLine: number }>;
      if (folder === 'entries') read = readEntryText(file, text);
      else {
        const data = readDataText(file, text);
        read = data.ok ? { ok: true, value: { data: data.value, bodyLine: 1 } } : data;
      }
      if (!read.ok) {
        problems.push(...read.problems);
        failed.push(id);
        continue;
      }
      const { data, body, bodyLine } = read.value;
      if (folder === 'sources') loaded.rawSources = [...(loaded.rawSources ?? []), { file, data }];
      const parsed = parseRecord(SCHEMAS[folder], file, data);
      if (folder === 'entries' && options.bodies !== false) problems.push(...compileBody(path, file, text, bodyLine, data));
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        failed.push(id);
        continue;
      }
      const record = { id, file, data: parsed.value, ...(body !== undefined ? { body: body.trim() } : {}) };
      (loaded[folder] as Checked<unknown>[]).push(record);
    }
    loaded.failed![folder] = failed;
  }

  for (const name of files.filter((f) => f.startsWith(`${VERSIONS}/`) && f.split('/').length === 3 && f.endsWith('.mdx'))) {
    const path = join(root, name);
    const file = shown(path);
    const text = readFileSync(path, 'utf8');
    const read = readEntryText(file, text);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    if (options.bodies !== false) problems.push(...compileBody(path, file, text, read.value.bodyLine, read.value.data));
    const parsed = parseRecord(entrySnapshotSchema, file, read.value.data);
    if (!parsed.ok) problems.push(...parsed.problems);
    else loaded.versions.push({ id: name.slice(VERSIONS.length + 1, -'.mdx'.length), file, data: parsed.value });
  }

  const single = <T>(name: keyof typeof SINGLE_FILES, schema: z.ZodType<T>): { file: string; data: T } | undefined => {
    const path = join(root, SINGLE_FILES[name]);
    if (!existsSync(path)) return undefined;
    const file = shown(path);
    const read = readDataText(file, readFileSync(path, 'utf8'));
    if (!read.ok) {
      problems.push(...read.problems);
      return undefined;
    }
    const parsed = parseRecord(schema, file, read.value);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return undefined;
    }
    return { file, data: parsed.value };
  };
  loaded.permalinks = single('permalinks', permalinksSchema);
  loaded.syndicators = single('syndicators', syndicatorsSchema);
  loaded.site = single('site', siteRecordSchema);
  const synonymsPath = join(root, SINGLE_FILES.synonyms);
  if (existsSync(synonymsPath)) {
    const file = shown(synonymsPath);
    const read = readDataText(file, readFileSync(synonymsPath, 'utf8'));
    if (!read.ok) problems.push(...read.problems);
    else {
      const groups: Record<string, z.output<typeof synonymGroupSchema>> = {};
      for (const [id, group] of Object.entries(read.value as Record<string, unknown>)) {
        const parsed = parseRecord(synonymGroupSchema, file, group);
        if (parsed.ok) groups[id] = parsed.value;
        else problems.push(...parsed.problems.map((p) => p.replace(`${file}: `, `${file}: ${id}.`)));
      }
      loaded.synonyms = { file, data: groups };
    }
  }
  return { loaded, problems };
}

/**
 * Reads and checks the tree under `root`: every problem, and the checked content. `today` is the
 * day "future" is measured against.
 */
export function readCheckedContent(root: string, options: { today: string; cwd?: string; bodies?: boolean }): ContentReport {
  const { loaded, problems } = readContentTree(root, options);
  const report = checkContent(loaded, { today: options.today });
  return { problems: [...problems, ...report.problems], content: report.content };
}
