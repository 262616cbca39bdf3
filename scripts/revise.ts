/**
 * Keeps the earlier versions of corrected entries (see src/lib/content/versions.ts).
 *
 *   npm run revise -- <id>                   before you correct an entry: copies its current file to
 *                                            src/content/versions/<id>/<n>.mdx, n being the version
 *                                            it is now; then edit it and add the correction item
 *   npm run revise -- --from-git [<id>…]     recovers the earlier versions of corrected entries (all
 *                                            of them without ids) from the git history: for each
 *                                            correction, the file as it was in the commit before
 *                                            the one that added that correction
 *
 * Both are safe to run again: a snapshot that exists is never overwritten. `--from-git` fails on a
 * shallow clone, whose history is cut off. CONTENT_DIR points it at another content tree. Every id
 * is checked with the content's id rule before any file is read or written (so `../../x` is refused
 * by name, and says nothing about which files exist), and every path stays inside the content tree.
 * Afterwards run `npm run permalinks` to record the versions as published.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { idArgumentProblem, pathInside, quoteArgument } from '../src/lib/content/id-arguments.ts';
import { countCorrections, currentVersion, planFromGit, versionFile } from '../src/lib/content/versions.ts';
import { gitHistory } from './git-history.ts';

const USAGE = 'usage: npm run revise -- <id>, or npm run revise -- --from-git [<id>…]';
const root = resolve(process.env.CONTENT_DIR ?? 'src/content');
const args = process.argv.slice(2).filter((a) => a !== '--');
const fromGit = args.includes('--from-git');
const ids = args.filter((a) => !a.startsWith('--'));
const shown = (path: string) => relative(process.cwd(), path) || '.';

function fail(message: string): never {
  console.error(`revise: ${message}`);
  process.exit(1);
}

// Nothing is read or written until every argument is known to be an option or an entry id.
const unknown = args.find((a) => a.startsWith('--') && a !== '--from-git');
if (unknown !== undefined) fail(`unknown option ${quoteArgument(unknown)}; ${USAGE}`);
for (const id of ids) {
  const problem = idArgumentProblem(id, 'entry id', 'give the file name of an entry in src/content/entries/ without .mdx');
  if (problem !== undefined) fail(problem);
}

/** A path inside the content tree; the ids are checked already, so leaving it is a bug. */
function contentPath(...parts: string[]): string {
  try {
    return pathInside(root, ...parts);
  } catch (error) {
    return fail((error as Error).message);
  }
}

function entryPath(id: string): string {
  const path = contentPath('entries', `${id}.mdx`);
  if (!existsSync(path)) fail(`no entry "${id}" (${shown(path)} does not exist)`);
  return path;
}

function allEntryIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx') && !basename(file).startsWith('.'))
    .map((file) => basename(file, '.mdx'))
    .sort();
}

/** Writes a snapshot unless one is there; says what it did. Returns false when an existing one differs. */
function writeSnapshot(id: string, n: number, text: string, from: string): boolean {
  const path = contentPath(versionFile(id, n));
  if (existsSync(path)) {
    const same = readFileSync(path, 'utf8') === text;
    console.log(same ? `${shown(path)}: already there` : `${shown(path)}: kept as it is (it differs from the text at ${from}; delete it and run again to take that text)`);
    return same;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`${shown(path)}: written (version ${n} of ${id}, from ${from})`);
  return true;
}

if (!fromGit) {
  if (ids.length !== 1) fail(`give one entry id; ${USAGE}`);
  const id = ids[0]!;
  const text = readFileSync(entryPath(id), 'utf8');
  const count = countCorrections(text);
  if (count === undefined) fail(`${shown(entryPath(id))}: the front matter does not parse; fix it first`);
  const n = currentVersion({ published: '', corrections: Array.from({ length: count }, () => ({ date: '', note: '' })) });
  writeSnapshot(id, n, text, 'the current file');
  console.log(`Now edit ${shown(entryPath(id))}, set \`updated\` and add a corrections item saying what changed; that makes version ${n + 1}. Then run \`npm run permalinks\`.`);
} else {
  const targets = ids.length > 0 ? ids : allEntryIds(join(root, 'entries'));
  const git = gitHistory(root);
  let written = 0;
  const errors: string[] = [];
  for (const id of targets) {
    const path = entryPath(id);
    try {
      const plan = planFromGit(id, path, readFileSync(path, 'utf8'), git);
      for (const snapshot of plan) {
        const existed = existsSync(contentPath(versionFile(id, snapshot.n)));
        writeSnapshot(id, snapshot.n, snapshot.text, snapshot.from === 'HEAD' ? 'HEAD' : `commit ${snapshot.from.slice(0, 10)}, before ${snapshot.addedBy.slice(0, 10)}`);
        if (!existed) written++;
      }
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  if (errors.length > 0) fail(`could not recover every version:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  console.log(written > 0 ? `${written} snapshot${written === 1 ? '' : 's'} written. Run \`npm run permalinks\` to record them as published.` : 'Nothing to write: every earlier version is there.');
}
