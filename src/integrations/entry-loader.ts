/**
 * The content-layer loader of entry files (`entries/<id>.mdx`) and of their version snapshots
 * (`versions/<id>/<n>.mdx`). An entry body is MDX limited to a safe subset with no construct that
 * only MDX has: no `import`, `export`, expression or component (src/lib/content/entry-body.ts). So the
 * loader checks each body and renders it with Astro's Markdown renderer (the site's
 * `markdown.processor`, with its plugins) into the content store, as Astro's own loader does for a
 * `.md` file. No body becomes a JavaScript module: nothing an entry holds runs at build time, and
 * the build compiles, bundles and imports no module per entry (with `@astrojs/mdx` it made two of
 * each entry and imported them while rendering, most of the time the site took beyond a bare build).
 *
 * At build the content check has checked the same bodies moments before; checking again where
 * they are rendered costs about 0.4 s at 5,000 entries and is the only check of an entry edited
 * while `astro dev` runs.
 *
 * Front matter is parsed by the renderer, with the YAML parser Astro uses for every content file,
 * so the collections' data is what Astro's glob loader read. A file whose text is unchanged since
 * the last build keeps its stored entry (Astro keeps the store between builds), and under
 * `astro dev` the loader follows the folder's changes as the glob loader does.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join, matchesGlob, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkEntryBody } from '../lib/content/entry-body.ts';
import { splitFrontMatter } from '../lib/content/front-matter.ts';

export interface EntryLoaderOptions {
  /** The folder, absolute or relative to the project root. */
  folder: string;
  /** The files to read in it, as a glob relative to the folder: `*.mdx`. */
  pattern: string;
  /** The entry id of a file, given its path relative to the folder (with `/`). */
  id: (file: string) => string;
}

/** A path with `/` between its parts, as the store keeps file paths on every system. */
const posix = (path: string) => path.split(sep).join('/');

/**
 * A renderer's HTML ends with a newline, which an MDX body rendered by `@astrojs/mdx` did not
 * have; dropping it keeps the built pages byte for byte what they were.
 */
const withoutFinalNewline = (html: string) => html.replace(/\n$/, '');

/**
 * Reads, checks and renders the entry files of one folder. A missing folder is an empty
 * collection (most content trees have no versions folder yet).
 * @example entryLoader({ folder: 'src/content/entries', pattern: '*.mdx', id: (f) => f.replace(/\.mdx$/, '') })
 */
export function entryLoader(options: EntryLoaderOptions): Loader {
  return {
    name: 'tl-entry-loader',
    load: async (context: LoaderContext) => {
      const { config, store, watcher, logger } = context;
      const root = fileURLToPath(config.root);
      const folder = fileURLToPath(new URL(options.folder.replace(/\/?$/, '/'), config.root));
      const idOfPath = new Map<string, string>();

      /** Stores one file's entry, unless its text is unchanged; returns the entry's id. */
      const sync = async (file: string): Promise<string> => {
        const path = join(folder, file);
        const text = readFileSync(path, 'utf8');
        const id = options.id(posix(file));
        idOfPath.set(path, id);
        const digest = context.generateDigest(text);
        if (store.get(id)?.digest === digest) return id;
        const shown = posix(relative(process.cwd(), path));
        const { body, bodyLine } = splitFrontMatter(text);
        const problems = checkEntryBody(shown, body, bodyLine);
        if (problems.length > 0) throw new Error(`Content check failed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
        // The renderer reads the front matter itself and takes what follows: the body as the file has it.
        const rendered = await context.renderMarkdown(text, { fileURL: pathToFileURL(path) });
        const raw = (rendered.metadata?.frontmatter ?? {}) as Record<string, unknown>;
        const data = await context.parseData({ id, data: raw, filePath: path });
        store.set({
          id,
          data,
          body: body.trim(),
          filePath: posix(relative(root, path)),
          digest,
          rendered: { ...rendered, html: withoutFinalNewline(rendered.html) },
        });
        return id;
      };

      const files = existsSync(folder) ? globSync(options.pattern, { cwd: folder }).sort() : [];
      const untouched = new Set(store.keys());
      for (const file of files) untouched.delete(await sync(file));
      for (const id of untouched) store.delete(id);

      if (!watcher) return;
      watcher.add(folder);
      const matching = (path: string): string | undefined => {
        const file = relative(folder, path);
        return !file.startsWith('..') && matchesGlob(posix(file), options.pattern) ? file : undefined;
      };
      const onChange = async (path: string) => {
        const file = matching(path);
        if (file === undefined) return;
        try {
          await sync(file);
          logger.info(`reloaded ${posix(file)}`);
        } catch (error) {
          logger.error(`could not reload ${posix(file)}: ${(error as Error).message}`);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (path: string) => {
        const id = idOfPath.get(path);
        if (matching(path) === undefined || id === undefined) return;
        store.delete(id);
        idOfPath.delete(path);
      });
    },
  };
}
