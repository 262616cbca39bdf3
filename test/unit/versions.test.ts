import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { checkVersions, countCorrections, planFromGit, recordVersions, versionsOf, type GitHistory } from '../../src/lib/content/versions.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

describe('versionsOf', () => {
  test('numbers the first publication 1 and each correction the next version, the last being current', () => {
    const versions = versionsOf({
      published: '2026-11-01',
      corrections: [
        { date: '2026-11-05', note: 'Fixed the date.' },
        { date: '2026-11-09', note: 'Added a source.' },
      ],
    });
    expect(versions).toEqual([
      { n: 1, date: '2026-11-01', current: false },
      { n: 2, date: '2026-11-05', correction: { date: '2026-11-05', note: 'Fixed the date.' }, current: false },
      { n: 3, date: '2026-11-09', correction: { date: '2026-11-09', note: 'Added a source.' }, current: true },
    ]);
  });
});

describe('checkVersions', () => {
  const base = { registryFile: 'src/content/permalinks.yaml', folder: 'src/content/versions' };
  const entries = [{ id: 'a', file: 'src/content/entries/a.mdx', corrections: 2 }];
  const file = (n: number) => ({ file: `src/content/versions/a/${n}.mdx`, relative: `a/${n}.mdx` });

  test('accepts a snapshot for each correction and a recorded version that exists', () => {
    expect(checkVersions({ ...base, entries, files: [file(1), file(2)], published: { a: 3 } })).toEqual([]);
  });

  test('names the entry, its corrections and the command when snapshots are missing', () => {
    expect(checkVersions({ ...base, entries, files: [file(1)], published: {} })).toEqual([
      'src/content/entries/a.mdx: corrections: entry a has 2 corrections but versions 1..1; run `npm run revise -- --from-git a`',
    ]);
  });

  test('fails by name when a published version disappears, even if its correction went too', () => {
    const problems = checkVersions({ ...base, entries: [{ ...entries[0]!, corrections: 1 }], files: [file(1)], published: { a: 3 } });
    expect(problems).toEqual([expect.stringMatching(/^src\/content\/permalinks\.yaml: versions\.a: published version 3 of entry "a" has disappeared/)]);
  });

  test('refuses a file that is not named <id>/<n>.mdx', () => {
    expect(checkVersions({ ...base, entries, files: [file(1), file(2), { file: 'src/content/versions/a/first.mdx', relative: 'a/first.mdx' }], published: {} })).toEqual([
      'src/content/versions/a/first.mdx: (file): not a version snapshot; snapshots are named src/content/versions/<entry id>/<n>.mdx with n = 1, 2, …',
    ]);
  });
});

describe('recordVersions', () => {
  test('records corrected entries, keeps comments, and never lowers a number', () => {
    const text = '# registry\npublished:\n  - a\n  - b\nredirects: {}\nversions:\n  b: 4\n';
    const result = recordVersions(text, { a: 2, b: 3, c: 1 });
    expect(result.added).toEqual(['a: 2']);
    expect(result.text).toContain('# registry');
    expect(result.text).toMatch(/versions:\n {2}a: 2\n {2}b: 4\n/);
    expect(recordVersions(result.text, { a: 2, b: 3 }).added).toEqual([]);
  });
});

const entryText = (body: string, corrections: string[]) =>
  ['---', 'title: A', 'published: 2026-11-01', ...(corrections.length > 0 ? ['corrections:', ...corrections.map((c, i) => `  - date: 2026-11-1${i}\n    note: ${c}`)] : []), '---', '', body, ''].join('\n');

describe('planFromGit with a given history', () => {
  const history = (files: Record<string, string>, commits: { hash: string; parents: string[] }[], shallow = false): GitHistory => ({
    isShallow: () => shallow,
    commits: () => commits,
    show: (rev) => files[rev],
    head: () => files[commits[0]!.hash],
  });

  test('takes, for each correction, the text in the commit before the one that added it', () => {
    const files = { c1: entryText('one', []), c2: entryText('two', ['first']), c3: entryText('three', ['first', 'second']) };
    const plan = planFromGit('a', 'entries/a.mdx', files.c3, history(files, [{ hash: 'c3', parents: ['c2'] }, { hash: 'c2', parents: ['c1'] }, { hash: 'c1', parents: [] }]));
    expect(plan.map((p) => [p.n, p.text, p.from])).toEqual([
      [1, files.c1, 'c1'],
      [2, files.c2, 'c2'],
    ]);
  });

  test('follows a rename and passes over a commit whose front matter did not parse', () => {
    const files: Record<string, string> = { 'c1:old.mdx': entryText('one', []), 'c2:new.mdx': 'broken: [\n', 'c3:new.mdx': entryText('two', ['first']) };
    const git: GitHistory = {
      isShallow: () => false,
      commits: () => [
        { hash: 'c3', parents: ['c2'], path: 'new.mdx' },
        { hash: 'c2', parents: ['c1'], path: 'new.mdx', previousPath: 'old.mdx' },
        { hash: 'c1', parents: [], path: 'old.mdx' },
      ],
      show: (rev, path) => files[`${rev}:${path}`],
      head: () => files['c3:new.mdx'],
    };
    expect(planFromGit('a', 'new.mdx', files['c3:new.mdx']!, git).map((p) => [p.n, p.text, p.from])).toEqual([[1, files['c1:old.mdx'], 'c1']]);
  });

  test('fails loudly on a shallow clone', () => {
    expect(() => planFromGit('a', 'entries/a.mdx', entryText('x', ['first']), history({}, [], true))).toThrow(/shallow clone.*git fetch --unshallow/);
  });

  test('fails naming the commit that added two corrections at once', () => {
    const files = { c1: entryText('one', []), c2: entryText('two', ['first', 'second']) };
    expect(() => planFromGit('a', 'entries/a.mdx', files.c2, history(files, [{ hash: 'c2', parents: ['c1'] }, { hash: 'c1', parents: [] }]))).toThrow(/commit c2 added corrections 1 to 2 at once/);
  });

  test('counts the corrections of an entry file', () => {
    expect(countCorrections(entryText('x', ['a', 'b']))).toBe(2);
    expect(countCorrections(entryText('x', []))).toBe(0);
    expect(countCorrections('no front matter')).toBeUndefined();
  });
});

describe('npm run revise on a real git repository', () => {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const revise = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/revise.ts'), ...args], { cwd, env: { ...env, CONTENT_DIR: join(cwd, 'src/content') }, encoding: 'utf8' });
  const write = (repo: string, path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const entry = 'src/content/entries/2020-01-a.mdx';
  const snapshot = (repo: string, n: number) => join(repo, `src/content/versions/2020-01-a/${n}.mdx`);
  const v1 = entryText('First text.', []);
  const v2 = entryText('Second text.', ['Fixed the date.']);
  const v3 = entryText('Third text.', ['Fixed the date.', 'Added a source.']);

  /** A repository where the entry was published, corrected on main, then corrected on a merged branch. */
  function repository(): string {
    const repo = mkdtempSync(join(tmpdir(), 'tl-revise-'));
    temps.push(repo);
    git(repo, 'init', '-q', '-b', 'main');
    write(repo, entry, v1);
    write(repo, 'README.md', 'x\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'publish');
    write(repo, entry, v2);
    git(repo, 'commit', '-qam', 'correction 1');
    git(repo, 'checkout', '-qb', 'side');
    write(repo, entry, v3);
    git(repo, 'commit', '-qam', 'correction 2');
    git(repo, 'checkout', '-q', 'main');
    write(repo, 'README.md', 'y\n');
    git(repo, 'commit', '-qam', 'unrelated');
    git(repo, 'merge', '-q', '--no-ff', '-m', 'merge side', 'side');
    return repo;
  }

  test('--from-git writes each earlier version from the history, across a merge, and is idempotent', () => {
    const repo = repository();
    const first = revise(repo, '--from-git');
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(snapshot(repo, 1), 'utf8')).toBe(v1);
    expect(readFileSync(snapshot(repo, 2), 'utf8')).toBe(v2);
    expect(existsSync(snapshot(repo, 3))).toBe(false);
    expect(first.stdout).toContain('2 snapshots written');
    const again = revise(repo, '--from-git', '2020-01-a');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Nothing to write');
    expect(readFileSync(snapshot(repo, 2), 'utf8')).toBe(v2);
  });

  test('--from-git takes an uncommitted correction from HEAD, and keeps a snapshot that differs', () => {
    const repo = repository();
    write(repo, entry, entryText('Fourth text.', ['Fixed the date.', 'Added a source.', 'Reworded.']));
    write(repo, 'src/content/versions/2020-01-a/1.mdx', 'kept by hand\n');
    const result = revise(repo, '--from-git');
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(snapshot(repo, 3), 'utf8')).toBe(v3);
    expect(readFileSync(snapshot(repo, 1), 'utf8')).toBe('kept by hand\n');
    expect(result.stdout).toMatch(/1\.mdx: kept as it is/);
  });

  test('--from-git fails loudly on a shallow clone', () => {
    const repo = repository();
    const clone = mkdtempSync(join(tmpdir(), 'tl-revise-shallow-'));
    temps.push(clone);
    git(tmpdir(), 'clone', '-q', '--depth', '1', `file://${repo}`, clone);
    const result = revise(clone, '--from-git');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/shallow clone.*git fetch --unshallow/);
    expect(existsSync(join(clone, 'src/content/versions'))).toBe(false);
  });

  test('revise <id> copies the current file as the version it is now, once', () => {
    const repo = repository();
    const result = revise(repo, '2020-01-a');
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(snapshot(repo, 3), 'utf8')).toBe(v3);
    expect(revise(repo, '2020-01-a').stdout).toContain('already there');
    expect(revise(repo, 'no-such-entry').status).toBe(1);
  });
});
