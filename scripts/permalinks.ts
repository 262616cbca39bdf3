/**
 * Records every entry id in the permalink registry (`src/content/permalinks.yaml`), and the
 * versions of corrected entries (`versions:`), so that once published neither can silently
 * disappear.
 *
 *   npm run permalinks            add the ids and versions not yet registered, keeping comments
 *   npm run permalinks -- --check exit 1 and list the ids and versions not yet registered
 *
 * CONTENT_DIR points it at another content tree, as for the build. An id is registered forever,
 * so every entry's file name is checked with the content's id rule first: one that is not an id
 * stops the command, naming the file, before the registry is written.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { idArgumentProblem, pathInside, quoteArgument } from '../src/lib/content/id-arguments.ts';
import { registerIds, unregisteredIds } from '../src/lib/content/permalinks.ts';
import { countCorrections, recordVersions } from '../src/lib/content/versions.ts';
import { readDataText } from '../src/lib/content/records.ts';

/** A YAML file read as the build reads it (src/lib/content/records.ts); undefined when it does not parse. */
const parse = (text: string): unknown => {
  const read = readDataText('(file)', text);
  return read.ok ? read.value : undefined;
};

const root = resolve(process.env.CONTENT_DIR ?? 'src/content');
const registryPath = pathInside(root, 'permalinks.yaml');
const args = process.argv.slice(2).filter((a) => a !== '--');
const check = args.includes('--check');

function fail(message: string): never {
  console.error(`permalinks: ${message}`);
  process.exit(1);
}

const unexpected = args.find((a) => a !== '--check');
if (unexpected !== undefined) fail(`unexpected argument ${quoteArgument(unexpected)}; usage: npm run permalinks [-- --check]`);

function entryFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx') && !basename(file).startsWith('.'))
    .sort()
    .map((file) => join(dir, file));
}

const files = entryFiles(join(root, 'entries'));
const ids = files.map((f) => basename(f, '.mdx'));
// The folder is shown as a path and the name quoted, so a name with control characters is shown escaped.
const badNames = files.flatMap((f) => idArgumentProblem(basename(f, '.mdx'), `${relative(process.cwd(), dirname(f)) || '.'}/: file name`, 'rename the file with lower-case letters, digits and hyphens') ?? []);
if (badNames.length > 0) fail(`nothing was registered, because ${badNames.length === 1 ? 'a file name is' : 'file names are'} not an id:\n${badNames.map((line) => `  ${line}`).join('\n')}`);
// The current version of each entry: one more than its corrections.
const currentVersions = Object.fromEntries(files.map((f) => [basename(f, '.mdx'), (countCorrections(readFileSync(f, 'utf8')) ?? 0) + 1]));
const text = existsSync(registryPath) ? readFileSync(registryPath, 'utf8') : '';
const shown = relative(process.cwd(), registryPath);

if (check) {
  const published = (parse(text) as { published?: unknown } | null)?.published;
  const missing = unregisteredIds(Array.isArray(published) ? published.map(String) : [], ids);
  const versions = recordVersions(text, currentVersions).added;
  if (missing.length > 0 || versions.length > 0) {
    console.error(`${shown}: ${missing.length + versions.length} id${missing.length + versions.length === 1 ? ' or version is' : 's or versions are'} not registered; run \`npm run permalinks\`:`);
    for (const id of missing) console.error(`  ${id}`);
    for (const v of versions) console.error(`  versions: ${v}`);
    process.exit(1);
  }
  console.log(`${shown}: all ${ids.length} entry ids and their versions are registered`);
} else {
  const result = registerIds(text, ids);
  const versions = recordVersions(result.text, currentVersions);
  if (result.added.length > 0 || versions.added.length > 0) writeFileSync(registryPath, versions.text);
  const said = [...(result.added.length > 0 ? [`registered ${result.added.join(', ')}`] : []), ...(versions.added.length > 0 ? [`recorded versions ${versions.added.join(', ')}`] : [])];
  console.log(said.length > 0 ? `${shown}: ${said.join('; ')}` : `${shown}: nothing to add (${ids.length} entry ids registered)`);
}
