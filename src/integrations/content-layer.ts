/**
 * The one content pipeline. Astro's loaders read every content file once (the glob and file
 * loaders; `@astrojs/mdx` for entry bodies), and what they read is what every check, page and
 * output sees:
 *
 * 1. Reading. Entry front matter and YAML data files are parsed by the project's strict reader
 *    (src/lib/content/records.ts), installed as the entry types of `.mdx` and `.yaml` files, so
 *    anchors, aliases, merge keys and loose front-matter delimiters are refused by name. For an
 *    entry, the front matter must be the very region `@astrojs/mdx` strips before compiling the
 *    body, or the file is refused: the data and the body can never come from two readings.
 * 2. Each record through its collection's strict zod schema ({@link ContentPipeline.folder}).
 * 3. Once every collection has loaded, the layout check (no file that no loader reads) and the
 *    rules across records (src/lib/content/content-check.ts).
 * 4. Entry bodies are checked inside their own MDX compile (src/lib/content/entry-body.ts).
 *
 * A problem never stops at the first file: every file is read, and all problems are reported
 * together, each naming the file, the field and the value. In `astro build` and `astro sync` they
 * fail the command. Under `astro dev` they are kept in the `problems` collection, which
 * src/data/index.ts turns into an error page naming them, and are worked out again after every
 * change, so that an edit such as `updated: 2999-01-01` or a misspelt `corection:` shows its error
 * instead of a page.
 */
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { file as fileLoader, glob, type Loader, type LoaderContext } from 'astro/loaders';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJSONSchema, type z } from 'astro/zod';
import { checkContent, type Checked, type LoadedContent, type Single } from '../lib/content/content-check.ts';
import { checkLayout, RECORD_FOLDERS, SINGLE_FILES, VERSIONS, type RecordFolder } from '../lib/content/layout.ts';
import { splitFrontMatter } from '../lib/content/front-matter.ts';
import { parseRecord, readDataText, readEntryText } from '../lib/content/records.ts';

/**
 * Marks data whose file could not be read: the entry types hand it to the loader in place of the
 * file's data, and the loader reports it with the file's name. `Symbol.for`, because the entry
 * types live in Astro's configuration and the loaders in the content configuration, two module
 * graphs that share only the global symbol registry.
 */
const UNREADABLE = Symbol.for('tl.content.unreadable');
type Unreadable = { [UNREADABLE]: string[] };
const unreadable = (problems: string[]): Unreadable => ({ [UNREADABLE]: problems });
const problemsOf = (data: unknown): string[] | undefined => (typeof data === 'object' && data !== null ? (data as Partial<Unreadable>)[UNREADABLE] : undefined);

/** A path as messages show it: relative to the working folder, with `/`. */
const shown = (path: string) => relative(process.cwd(), path).split(sep).join('/');

type EntryInfo = { data: Record<string, unknown>; body?: string; slug?: string; rawData?: string };
type GetEntryInfo = (params: { fileUrl: URL; contents: string }) => EntryInfo | Promise<EntryInfo>;

/**
 * The `.mdx` entry type of `@astrojs/mdx` with the project's reading of the front matter: the
 * data is the strict reader's, and the region it read must be the one `@astrojs/mdx` strips before
 * compiling the body (found with the very function it uses), or the file is refused.
 */
function checkedMdxEntryInfo(): GetEntryInfo {
  return ({ fileUrl, contents }) => {
    const file = shown(fileURLToPath(fileUrl));
    const fail = (problems: string[]): EntryInfo => ({ data: unreadable(problems) as unknown as Record<string, unknown>, body: '' });
    const split = splitFrontMatter(contents);
    if (typeof split === 'string') return fail([`${file}: (file): ${split}`]);
    if (extractFrontmatter(contents) !== `\n${split.yaml}`) {
      return fail([`${file}: (file): the front matter must end at the first line that is exactly "---", and "---" must open it; this file's delimiters read differently to the MDX compiler`]);
    }
    const ours = readEntryText(file, contents);
    if (!ours.ok) return fail(ours.problems);
    return { data: ours.value.data as Record<string, unknown>, body: ours.value.body.trim() };
  };
}

/**
 * The content side of the build: `@astrojs/mdx` with the project's front-matter reading, and the
 * strict reader as the entry type of `.yaml` data files. Pass the MDX options (the processor and
 * its plugins) through `mdxOptions`.
 */
export function contentIntegration(mdxOptions: Parameters<typeof mdx>[0] = {}): AstroIntegration {
  const inner = mdx(mdxOptions);
  const setup = inner.hooks['astro:config:setup'];
  return {
    ...inner,
    hooks: {
      ...inner.hooks,
      'astro:config:setup': async (params) => {
        // Astro's hook hands these two to integrations without typing them (they are for the
        // integrations that add file formats, as @astrojs/mdx does).
        type EntryType = { extensions: string[]; getEntryInfo: GetEntryInfo; handlePropagation?: boolean };
        const hooks = params as typeof params & { addDataEntryType: (type: EntryType) => void; addContentEntryType: (type: EntryType) => void };
        // An entry body imports nothing (the body check refuses `import`), so it has no styles or
        // scripts to propagate to the page: without propagation each body is compiled once, not
        // twice, which halves the MDX share of the build.
        const addContentEntryType = (type: EntryType) => hooks.addContentEntryType({ ...type, handlePropagation: false, getEntryInfo: checkedMdxEntryInfo() });
        // Astro defines some of the hook's helpers as non-enumerable properties: inherit them all
        // rather than copy, and replace the one that registers the entry type.
        await setup?.(Object.create(params, { addContentEntryType: { value: addContentEntryType } }) as typeof params);
        const { addDataEntryType } = hooks;
        addDataEntryType({
          extensions: ['.yaml'],
          getEntryInfo: ({ fileUrl, contents }) => {
            const read = readDataText(shown(fileURLToPath(fileUrl)), contents);
            return { data: (read.ok ? read.value : unreadable(read.problems)) as Record<string, unknown>, rawData: contents };
          },
        });
      },
    },
  };
}

/** A fingerprint of a schema's rules, as far as JSON Schema can tell them apart. */
function rulesKey(schema: z.ZodType): string {
  try {
    return JSON.stringify(toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  } catch {
    return 'unknown';
  }
}

/** The store of one collection, as the check reads it. */
type Store = LoaderContext['store'];

interface CollectionState {
  store?: Store;
  root?: string;
  loaded: boolean;
  /** Raw data by file, kept for sources only (a rule reads a source whose schema failed). */
  raw?: Map<string, unknown>;
}

/** The pipeline of one content folder: its loaders, and the checks that run when they are done. */
export interface ContentPipeline {
  /** A folder of one file per record (`entries/*.mdx`, `sources/*.yaml`, …). */
  folder(name: RecordFolder, schema: z.ZodType): Loader;
  /** The earlier versions of entries, `versions/<entry id>/<n>.mdx`, with ids `<entry id>/<n>`. */
  versions(schema: z.ZodType): Loader;
  /** A file that is one record (`permalinks.yaml`, `site.yaml`, …), with the collection's one id. */
  single(name: keyof typeof SINGLE_FILES, schema: z.ZodType): Loader;
  /** `synonyms.yaml`: a map of records by id. */
  synonyms(schema: z.ZodType): Loader;
  /** The collection of problems, for `astro dev`: one record, `problems`, whose list is empty when all is well. */
  problems(): Loader;
}

/**
 * Creates the pipeline of the content folder `root` (absolute). `today` is the build's day, the
 * latest date any record may carry.
 */
export function createContentPipeline(options: { root: string; today: string }): ContentPipeline {
  const { root, today } = options;
  const collections = new Map<string, CollectionState>();
  /** Problems of files that could not be read or parsed, by absolute path. */
  const unread = new Map<string, string[]>();
  let problemsStore: Store | undefined;
  let watching = false;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const register = (name: string): CollectionState => {
    const state: CollectionState = { loaded: false, ...(name === 'sources' ? { raw: new Map() } : {}) };
    collections.set(name, state);
    return state;
  };

  /** Every file under the content folder, relative, for the layout check. */
  const listFiles = (): string[] => {
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((d) => !d.isDirectory())
      .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'));
  };

  const records = <T>(name: string): Checked<T>[] => {
    const state = collections.get(name);
    if (!state?.store || !state.root) return [];
    const out: Checked<T>[] = [];
    for (const entry of state.store.values()) {
      const path = resolve(state.root, entry.filePath ?? '');
      if (unread.has(path)) continue;
      out.push({ id: entry.id, file: shown(path), data: entry.data as T, ...(entry.body !== undefined ? { body: entry.body } : {}) });
    }
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  };
  const failedIds = (name: RecordFolder): string[] => {
    const folder = join(root, name);
    return [...unread.keys()].filter((p) => p.startsWith(`${folder}${sep}`)).map((p) => p.slice(folder.length + 1).replace(/\.(mdx|yaml)$/, ''));
  };
  const single = <T>(name: string): Single<T> | undefined => {
    const all = records<T>(name);
    return all[0] ? { file: all[0].file, data: all[0].data } : undefined;
  };

  /** Every problem of the content as it stands: unread files, layout, rules across records. */
  const findProblems = (): string[] => {
    for (const path of unread.keys()) if (!existsSync(path)) unread.delete(path);
    const synonymRecords = records<z.output<z.ZodType>>('synonyms');
    const loaded: LoadedContent = {
      entries: records('entries'),
      sources: records('sources'),
      vendors: records('vendors'),
      jurisdictions: records('jurisdictions'),
      bodies: records('bodies'),
      measures: records('measures'),
      versions: records('versions'),
      permalinks: single('permalinks'),
      synonyms: synonymRecords[0] ? { file: synonymRecords[0].file, data: Object.fromEntries(synonymRecords.map((r) => [r.id, r.data])) as never } : undefined,
      syndicators: single('syndicators'),
      site: single('site'),
      failed: Object.fromEntries((Object.keys(RECORD_FOLDERS) as RecordFolder[]).map((name) => [name, failedIds(name)])),
      rawSources: [...(collections.get('sources')?.raw ?? new Map<string, unknown>()).entries()].map(([path, data]) => ({ file: shown(path), data })),
    };
    const layout = checkLayout(listFiles(), (path) => shown(join(root, path)));
    const unreadable = [...unread.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([, problems]) => problems);
    return [...layout, ...unreadable, ...checkContent(loaded, { today }).problems];
  };

  let published: string[] = [];
  const publish = (problems: string[]) => {
    published = problems;
    problemsStore?.set({ id: 'problems', data: { problems } });
  };

  const allLoaded = () => [...collections.values()].every((c) => c.loaded);

  /** Under `astro dev`, the check again, a moment after the last of a burst of changes. */
  const changed = () => {
    if (!watching || !allLoaded()) return;
    clearTimeout(pending);
    pending = setTimeout(() => publish(findProblems()), 50);
  };

  /** Runs a loader with the record parser in place of Astro's, and the check once every collection is in. */
  const wrap = (state: CollectionState, inner: Loader, schema: z.ZodType): Loader => ({
    name: `tl-checked-${inner.name}`,
    load: async (context) => {
      state.root = fileURLToPath(context.config.root);
      watching ||= context.watcher !== undefined;
      const store = context.store;
      state.store = store;
      const observed = new Proxy(store, {
        get(target, property) {
          const value = Reflect.get(target, property, target) as unknown;
          if (typeof value !== 'function') return value;
          if (property === 'set') {
            // A record whose file failed keeps no digest, so that the next load reads the file
            // again instead of taking the stored placeholder for an unchanged, valid record.
            return (entry: { filePath?: string; digest?: unknown }) => {
              const failed = entry.filePath !== undefined && unread.has(resolve(state.root!, entry.filePath));
              const result = (value as (e: unknown) => unknown).call(target, failed ? { ...entry, digest: undefined } : entry);
              changed();
              return result;
            };
          }
          if (property === 'delete' || property === 'clear') {
            return (...args: unknown[]) => {
              const result = (value as (...a: unknown[]) => unknown).apply(target, args);
              changed();
              return result;
            };
          }
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      });
      const parseData: LoaderContext['parseData'] = async ({ data, filePath }) => {
        const path = resolve(state.root!, filePath ?? '');
        const file = shown(path);
        state.raw?.set(path, data);
        const problems = problemsOf(data);
        const parsed = problems ? undefined : parseRecord(schema, file, data);
        if (problems || (parsed && !parsed.ok)) {
          unread.set(path, problems ?? (parsed as { problems: string[] }).problems);
          changed();
          // Stored in place of the record while its problem stands: nothing renders then.
          return {} as never;
        }
        unread.delete(path);
        return (parsed as { value: unknown }).value as never;
      };
      // Records stored under other rules are read again: a stored record is only skipped while its
      // file and the rules it passed are both unchanged.
      const rules = rulesKey(schema);
      if (context.meta.get('rules') !== rules) {
        store.clear();
        context.meta.set('rules', rules);
      }
      await inner.load({ ...context, store: observed, parseData });
      state.loaded = true;
      if (!allLoaded()) return;
      const problems = findProblems();
      if (watching) {
        publish(problems);
        return;
      }
      if (problems.length > 0) throw new Error(`Content check failed with ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    },
  });

  const noFile: Loader = { name: 'no-file', load: async () => {} };
  return {
    folder(name, schema) {
      const extension = RECORD_FOLDERS[name];
      const loader = glob({ pattern: `*${extension}`, base: join(root, name), generateId: ({ entry }) => entry.slice(0, -extension.length) });
      return wrap(register(name), loader, schema);
    },
    versions(schema) {
      const folder = join(root, VERSIONS);
      const loader = existsSync(folder) ? glob({ pattern: '*/*.mdx', base: folder, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }) : noFile;
      return wrap(register('versions'), loader, schema);
    },
    single(name, schema) {
      const path = join(root, SINGLE_FILES[name]);
      const loader = existsSync(path)
        ? fileLoader(path, {
            parser: (text) => {
              const read = readDataText(shown(path), text);
              return { [name]: read.ok ? read.value : unreadable(read.problems) } as Record<string, Record<string, unknown>>;
            },
          })
        : noFile;
      return wrap(register(name), loader, schema);
    },
    synonyms(schema) {
      const path = join(root, SINGLE_FILES.synonyms);
      const loader = existsSync(path)
        ? fileLoader(path, {
            parser: (text) => {
              const read = readDataText(shown(path), text);
              return (read.ok ? read.value : { synonyms: unreadable(read.problems) }) as Record<string, Record<string, unknown>>;
            },
          })
        : noFile;
      return wrap(register('synonyms'), loader, schema);
    },
    problems() {
      return {
        name: 'tl-content-problems',
        load: async (context) => {
          problemsStore = context.store;
          publish(published);
        },
      };
    },
  };
}
