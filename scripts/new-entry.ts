/**
 * `npm run new-entry -- --date 2022-11-24 --title "…"` writes a new entry file with every field
 * and a comment on each. Missing values are asked for when run in a terminal.
 *
 * Options:
 *   --date <date>         the event's date: 2022, 2022-11 or 2022-11-24
 *   --title <text>        the headline
 *   --precision <p>       day, month or year (default: the form of --date; a finer date is cut)
 *   --slug <slug>         the part of the id after the date (default: made from the title)
 *   --content-dir <path>  the content folder (default: src/content)
 *
 * The slug (given or made from the title) and the id it makes are checked with the content's id
 * rule before anything is written, and the file is written only inside the entries folder.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDataText } from '../src/lib/content/records.ts';

/** A YAML file read as the build reads it (src/lib/content/records.ts); undefined when it does not parse. */
const parse = (text: string): unknown => {
  const read = readDataText('(file)', text);
  return read.ok ? read.value : undefined;
};
import { findIdConflict, NewEntryError, prepareNewEntry, resolveDate, type NewEntry, type NewEntryInput } from '../src/lib/content/new-entry.ts';
import { pathInside, PathOutsideError } from '../src/lib/content/id-arguments.ts';

const USAGE = 'usage: npm run new-entry -- --date 2022-11-24 --title "Headline" [--precision day|month|year] [--slug words-of-id] [--content-dir src/content]';

/** A path as the writer reads it: relative inside the working folder, absolute outside it. */
function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function fail(message: string): never {
  process.stderr.write(`new-entry: ${message}\n`);
  process.exit(1);
}

/** Every `.mdx` file under the entries folder, by id (the file name), so ids in subfolders count too. */
function entryFiles(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.mdx') && !found.has(basename(file, '.mdx'))) found.set(basename(file, '.mdx'), show(join(dir, file)));
  }
  return found;
}

function idsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => basename(name, '.yaml'));
}

function readPermalinks(file: string): { published?: string[]; redirects?: Record<string, string> } {
  if (!existsSync(file)) return {};
  try {
    return (parse(readFileSync(file, 'utf8')) ?? {}) as { published?: string[]; redirects?: Record<string, string> };
  } catch (error) {
    return fail(`${show(file)} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function ask(values: { date?: string | undefined; title?: string | undefined }, precision: string | undefined): Promise<{ date: string; title: string }> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    let date = values.date;
    while (date === undefined || date.trim() === '') {
      const answer = (await rl.question('Event date (2022, 2022-11 or 2022-11-24): ')).trim();
      try {
        resolveDate(answer, precision);
        date = answer;
      } catch (error) {
        if (!(error instanceof NewEntryError)) throw error;
        process.stdout.write(`  ${error.message}\n`);
      }
    }
    let title = values.title;
    while (title === undefined || title.trim() === '') title = (await rl.question('Title: ')).trim();
    return { date, title };
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        date: { type: 'string' },
        title: { type: 'string' },
        precision: { type: 'string' },
        slug: { type: 'string' },
        'content-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  let { date, title } = args;
  if (date === undefined || title === undefined) {
    if (!process.stdin.isTTY) return fail(`give both --date and --title (or run in a terminal to be asked)\n${USAGE}`);
    try {
      ({ date, title } = await ask({ date, title }, args.precision));
    } catch (error) {
      // Ctrl+C or Ctrl+D at a question: stop without writing anything.
      if ((error as { code?: string }).code === 'ABORT_ERR') return fail('cancelled; nothing was written');
      throw error;
    }
  }

  const input = { date, title, precision: args.precision, slug: args.slug, published: new Date().toISOString().slice(0, 10) };
  const prepare = (known?: NewEntryInput['known']): NewEntry => {
    try {
      return prepareNewEntry({ ...input, known });
    } catch (error) {
      if (error instanceof NewEntryError) return fail(error.message);
      throw error;
    }
  };
  // The date, the title and the slug (so the id and the file name) are checked before the file
  // system is touched; the second pass only adds the known ids to the comments.
  prepare();

  const contentDir = resolve(args['content-dir'] ?? process.env['CONTENT_DIR'] ?? fileURLToPath(new URL('../src/content/', import.meta.url)));
  const entriesDir = join(contentDir, 'entries');
  if (!existsSync(entriesDir)) return fail(`no entries folder at ${entriesDir}; pass --content-dir with the folder that holds entries/`);
  const entry = prepare({ jurisdictions: idsIn(join(contentDir, 'jurisdictions')), vendors: idsIn(join(contentDir, 'vendors')), bodies: idsIn(join(contentDir, 'bodies')) });

  // The id has passed the id rule (prepareNewEntry); the file must still land inside entries/.
  let target: string;
  try {
    target = pathInside(entriesDir, entry.fileName);
  } catch (error) {
    if (error instanceof PathOutsideError) return fail(error.message);
    throw error;
  }
  const shown = show(target);
  if (existsSync(target)) return fail(`${shown} already exists; choose another title or pass --slug`);
  const conflict = findIdConflict(entry.id, { entries: entryFiles(entriesDir), permalinks: readPermalinks(join(contentDir, 'permalinks.yaml')) });
  if (conflict !== undefined) return fail(`${conflict}; choose another title or pass --slug`);

  // 'wx' refuses to overwrite a file that appeared since the check above.
  writeFileSync(target, entry.text, { encoding: 'utf8', flag: 'wx' });
  process.stdout.write(
    [
      `Created ${shown}`,
      `  id: ${entry.id}`,
      `  permanent URL: /entries/${entry.id}/`,
      'Next: fill in every field marked "Required", write the text below the front matter, add its sources',
      'under src/content/sources/, then run `npm run build`; the build lists every field still missing.',
      '',
    ].join('\n'),
  );
}

await main();
