/**
 * Versions of an entry. Every correction makes a new version: an entry with k items in its
 * `corrections` log has earlier versions 1..k, each kept as a snapshot of the entry file at
 * `src/content/versions/<id>/<n>.mdx`, and its current text is version k + 1. Every version has
 * its own permanent page, `/entries/<id>/v/<n>/`, and the registry records how many of an
 * entry's versions were published, so that none can silently disappear.
 *
 * Everything here is pure. The git history is read through {@link GitHistory}, which the
 * `npm run revise` command implements with the git binary.
 */
import { isMap, parseDocument } from 'yaml';
import { readEntryText } from './records.ts';

/** The folder of the snapshots, relative to the content root. */
export const VERSIONS_FOLDER = 'versions';

/** One version of an entry as the site lists it. */
export interface VersionInfo {
  /** 1 for the entry as first published. */
  n: number;
  /** The day this version was published: the first publication, or the correction that made it. */
  date: string;
  /** The correction that made this version; none for version 1. */
  correction?: { date: string; note: string };
  /** Whether this is the entry's current text. */
  current: boolean;
}

/** The least of an entry that its versions follow from. */
export interface VersionedData {
  published: string;
  corrections: readonly { date: string; note: string }[];
}

/**
 * The number of an entry's current version: one more than its corrections.
 * @example currentVersion({ published: '2026-11-01', corrections: [] }) // 1
 */
export function currentVersion(data: VersionedData): number {
  return data.corrections.length + 1;
}

/**
 * Every version of an entry, oldest first, the current one last.
 * @example versionsOf({ published: '2026-11-01', corrections: [{ date: '2026-11-05', note: 'x' }] }).map((v) => v.date) // ['2026-11-01', '2026-11-05']
 */
export function versionsOf(data: VersionedData): VersionInfo[] {
  const current = currentVersion(data);
  return Array.from({ length: current }, (_, i) => {
    const n = i + 1;
    const correction = n === 1 ? undefined : data.corrections[n - 2];
    const info: VersionInfo = { n, date: correction ? correction.date : data.published, current: n === current };
    if (correction) info.correction = { date: correction.date, note: correction.note };
    return info;
  });
}

/**
 * A snapshot's path relative to the content root.
 * @example versionFile('2019-10-07-x', 2) // 'versions/2019-10-07-x/2.mdx'
 */
export function versionFile(id: string, n: number): string {
  return `${VERSIONS_FOLDER}/${id}/${n}.mdx`;
}

/**
 * Reads a snapshot's entry id and number from its path relative to the versions folder.
 * @example parseVersionPath('2019-10-07-x/2.mdx') // { entryId: '2019-10-07-x', n: 2 }
 */
export function parseVersionPath(relative: string): { entryId: string; n: number } | undefined {
  const match = /^([^/]+)\/([1-9]\d*)\.mdx$/.exec(relative.replaceAll('\\', '/'));
  if (!match) return undefined;
  return { entryId: match[1]!, n: Number(match[2]) };
}

/**
 * The range of versions as a message says it.
 * @example describeRange([1, 2]) // 'versions 1..2'
 */
function describeRange(ns: readonly number[]): string {
  if (ns.length === 0) return 'no earlier versions';
  const sorted = [...ns].sort((a, b) => a - b);
  const contiguous = sorted.every((n, i) => n === i + 1);
  return contiguous ? `versions 1..${sorted.at(-1)}` : `versions ${sorted.join(', ')}`;
}

/** What {@link checkVersions} needs. */
export interface VersionCheckInput {
  /** Each entry: id, its file (for messages) and its number of corrections. */
  entries: readonly { id: string; file: string; corrections: number }[];
  /** Each file found in the versions folder: its path for messages and its path in the folder. */
  files: readonly { file: string; relative: string }[];
  /** The registry's record of published versions: the highest published version of an entry. */
  published: Readonly<Record<string, number>>;
  /** The registry's path, for messages. */
  registryFile: string;
  /** The versions folder as messages show it, e.g. `src/content/versions`. */
  folder: string;
  /** Ids of entries on disk whose front matter did not pass: their snapshots wait for the fix. */
  unchecked?: ReadonlySet<string>;
}

/**
 * The rules of versions, one problem a line naming the file: a snapshot for every correction and
 * none beyond; every snapshot belongs to an entry; no published version disappears.
 */
export function checkVersions(input: VersionCheckInput): string[] {
  const problems: string[] = [];
  const byEntry = new Map<string, number[]>();
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  for (const { file, relative } of input.files) {
    const parsed = parseVersionPath(relative);
    if (!parsed) {
      problems.push(`${file}: (file): not a version snapshot; snapshots are named ${input.folder}/<entry id>/<n>.mdx with n = 1, 2, …`);
      continue;
    }
    const entry = entries.get(parsed.entryId);
    if (!entry) {
      if (input.unchecked?.has(parsed.entryId)) continue;
      problems.push(`${file}: (file): version ${parsed.n} of "${parsed.entryId}", which is not an entry`);
      continue;
    }
    if (parsed.n > entry.corrections) {
      problems.push(
        `${file}: (file): entry ${entry.id} has ${entry.corrections} correction${entry.corrections === 1 ? '' : 's'}, so version ${parsed.n} is not an earlier version; add the correction that describes your change to ${entry.file} (corrections), or delete this file`,
      );
    }
    byEntry.set(parsed.entryId, [...(byEntry.get(parsed.entryId) ?? []), parsed.n]);
  }
  for (const entry of input.entries) {
    const have = (byEntry.get(entry.id) ?? []).filter((n) => n <= entry.corrections);
    if (have.length < entry.corrections) {
      problems.push(
        `${entry.file}: corrections: entry ${entry.id} has ${entry.corrections} correction${entry.corrections === 1 ? '' : 's'} but ${describeRange(have)}; run \`npm run revise -- --from-git ${entry.id}\``,
      );
    }
  }
  for (const [id, highest] of Object.entries(input.published)) {
    const entry = entries.get(id);
    if (!entry) continue; // A vanished entry is reported by the permalink check.
    const snapshots = new Set(byEntry.get(id) ?? []);
    for (let n = 1; n <= highest; n++) {
      const exists = n === entry.corrections + 1 || (n <= entry.corrections && snapshots.has(n));
      if (!exists) {
        problems.push(
          `${input.registryFile}: versions.${id}: published version ${n} of entry "${id}" has disappeared (${input.folder}/${id}/${n}.mdx, /entries/${id}/v/${n}/); restore it with \`npm run revise -- --from-git ${id}\` and keep its correction`,
        );
      }
    }
  }
  return problems;
}

/**
 * The registry's `versions` map with each corrected entry's highest version raised to its current
 * one, as YAML text keeping comments. A recorded number never goes down.
 * @example recordVersions('published: []\n', { a: 2 }).added // ['a: 2']
 */
export function recordVersions(text: string, current: Readonly<Record<string, number>>): { text: string; added: string[] } {
  const doc = parseDocument(text.trim() === '' ? 'published: []\nredirects: {}\n' : text);
  if (doc.errors.length > 0) throw new Error(`permalinks registry is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  if (!isMap(doc.contents)) throw new Error('permalinks registry must be a map');
  const recorded = (doc.toJSON() as { versions?: Record<string, number> | null }).versions ?? {};
  const next: Record<string, number> = { ...recorded };
  const added: string[] = [];
  for (const [id, n] of Object.entries(current).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n < 2 || (recorded[id] ?? 0) >= n) continue;
    next[id] = n;
    added.push(`${id}: ${n}`);
  }
  if (added.length === 0) return { text: doc.toString(), added };
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  doc.set('versions', doc.createNode(sorted));
  return { text: doc.toString(), added };
}

/** How the revise command reads the git history of one file. */
export interface GitHistory {
  /** True in a shallow clone, whose history is cut off. */
  isShallow(): boolean;
  /**
   * The commits that changed `path`, newest first, following renames: each with its parents, the
   * file's path in that commit and, where the commit renamed it, its path before.
   */
  commits(path: string): { hash: string; parents: string[]; path?: string; previousPath?: string }[];
  /** The text of `path` at a revision, or `undefined` where it did not exist. */
  show(revision: string, path: string): string | undefined;
  /** The text of `path` at HEAD, or `undefined` where it is not committed. */
  head(path: string): string | undefined;
}

/**
 * The number of corrections in an entry file's text; `undefined` when its front matter does not
 * parse (such a commit is skipped).
 */
export function countCorrections(text: string): number | undefined {
  // Read as the build reads an entry file (src/lib/content/records.ts), so the count is the build's.
  const read = readEntryText('(entry)', text);
  if (!read.ok) return undefined;
  const { corrections } = read.value.data as { corrections?: unknown };
  return Array.isArray(corrections) ? corrections.length : 0;
}

/** A snapshot to write: which version, its text, and where it came from. */
export interface PlannedSnapshot {
  n: number;
  text: string;
  /** The revision the text was read at (a commit, or `HEAD` for an uncommitted correction). */
  from: string;
  /** The commit that added the correction that ended this version. */
  addedBy: string;
}

/**
 * Recovers an entry's earlier versions from the git history: for correction j, the entry file's
 * text in the commit before the one that added item j (one commit per correction is the rule).
 * A correction still uncommitted takes the text at HEAD. Throws, naming the entry and the
 * commits, where the history cannot say: a shallow clone, a commit that added two corrections,
 * a correction no commit added.
 */
export function planFromGit(id: string, path: string, workingText: string, git: GitHistory): PlannedSnapshot[] {
  if (git.isShallow()) {
    throw new Error(`this is a shallow clone, so the history of ${path} is incomplete; run \`git fetch --unshallow\` and try again`);
  }
  const wanted = countCorrections(workingText);
  if (wanted === undefined) throw new Error(`${path}: the front matter does not parse; fix it first`);
  if (wanted === 0) return [];
  const countAt = new Map<string, number | undefined>();
  const count = (revision: string, at: string) => {
    const key = `${revision}:${at}`;
    if (!countAt.has(key)) {
      const text = git.show(revision, at);
      countAt.set(key, text === undefined ? 0 : countCorrections(text));
    }
    return countAt.get(key);
  };
  const found = new Map<number, PlannedSnapshot>();
  const commits = git.commits(path);
  // Newest first: where a correction was added twice (added, removed, added again), the last wins.
  for (const [index, commit] of commits.entries()) {
    if (commit.parents.length !== 1) continue; // Merges bring corrections over; they do not add them.
    const here = commit.path ?? path;
    let from = commit.parents[0]!;
    let fromPath = commit.previousPath ?? here;
    const after = count(commit.hash, here);
    let before = count(from, fromPath);
    // A commit whose front matter did not parse (a lost fence, fixed in the next commit) is
    // passed over: the text before is that of the last earlier commit that parses.
    for (let j = index + 1; before === undefined && j < commits.length; j++) {
      from = commits[j]!.hash;
      fromPath = commits[j]!.path ?? path;
      before = count(from, fromPath);
    }
    if (after === undefined || before === undefined || after <= before) continue;
    if (after - before > 1) {
      throw new Error(
        `${path}: commit ${commit.hash.slice(0, 10)} added corrections ${before + 1} to ${after} at once, so the text between them is not in the history; write ${versionFile(id, before + 2)}… by hand or split the commit`,
      );
    }
    const n = after;
    if (n > wanted || found.has(n)) continue;
    const text = git.show(from, fromPath);
    if (text === undefined) throw new Error(`${path}: commit ${commit.hash.slice(0, 10)} added correction ${n} but the file did not exist before it`);
    found.set(n, { n, text, from, addedBy: commit.hash });
  }
  const headText = git.head(path);
  const atHead = headText === undefined ? 0 : countCorrections(headText);
  if (atHead !== undefined && headText !== undefined && wanted > atHead) {
    if (wanted - atHead > 1) throw new Error(`${path}: ${wanted - atHead} corrections are not committed yet; commit each correction on its own, or run \`npm run revise -- ${id}\` before each edit`);
    if (!found.has(wanted)) found.set(wanted, { n: wanted, text: headText, from: 'HEAD', addedBy: '(uncommitted)' });
  }
  const missing = Array.from({ length: wanted }, (_, i) => i + 1).filter((n) => !found.has(n));
  if (missing.length > 0) {
    throw new Error(`${path}: no commit in the history added correction${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; restore ${missing.map((n) => versionFile(id, n)).join(', ')} by hand from the text before that change`);
  }
  return [...found.values()].sort((a, b) => a.n - b.n);
}
