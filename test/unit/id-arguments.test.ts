import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { idArgumentProblem, pathInside, PathOutsideError, quoteArgument } from '../../src/lib/content/id-arguments.ts';

const ID_RULE = 'expected an id of lower-case letters, digits and hyphens';

/**
 * Ids an attacker (or a slip of the keyboard) may hand a command. A NUL byte cannot reach a
 * command at all (the operating system ends an argument at it, and Node refuses to pass one), so
 * it is checked on the function only.
 */
const HOSTILE_IDS: readonly (readonly [string, string])[] = [
  ['../../../../victim', `"../../../../victim": ${ID_RULE}`],
  ['.', `".": ${ID_RULE}`],
  ['..', `"..": ${ID_RULE}`],
  ['/etc/passwd', `"/etc/passwd": ${ID_RULE}`],
  ['a\\b', `"a\\\\b": ${ID_RULE}`],
  ['..\\..\\victim', `"..\\\\..\\\\victim": ${ID_RULE}`],
  ['C:\\victim', `"C:\\\\victim": ${ID_RULE}`],
  ['%2e%2e', `"%2e%2e": ${ID_RULE}`],
  ['%2e%2e%2f%2e%2e%2fvictim', `"%2e%2e%2f%2e%2e%2fvictim": ${ID_RULE}`],
  ['a/b', `"a/b": ${ID_RULE}`],
  ['2022-11-24-x.mdx', `"2022-11-24-x.mdx": ${ID_RULE}`],
  ['', `"": ${ID_RULE}`],
  ['\u001B[2Jcleared', `"\\u{1B}[2Jcleared": ${ID_RULE}`],
  ['a\u202Eb', `"a\\u{202E}b": ${ID_RULE}`],
  ['a'.repeat(5_000), `"${'a'.repeat(60)}…" (5,000 characters): is 5,000 characters long; the limit is 120`],
];

/** The table with each id quoted for a test's title (a 5,000-character one cut short). */
const LABELLED = HOSTILE_IDS.map(([id, message]) => [quoteArgument(id), id, message] as const);

describe('idArgumentProblem', () => {
  test.each([...LABELLED, ['"a\\u{0}b"', 'a\u0000b', `"a\\u{0}b": ${ID_RULE}`] as const])('refuses %s, quoting it safely', (_label, id, message) => {
    expect(idArgumentProblem(id, 'entry id', 'give an id')).toBe(`entry id ${message}; give an id`);
  });

  test.each(['2022-11-24-uk-sensitive-sites-directive', 'a', '2021', 'a'.repeat(120)])('accepts %j', (id) => {
    expect(idArgumentProblem(id, 'entry id', 'give an id')).toBeUndefined();
  });
});

describe('quoteArgument', () => {
  test.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['tab\there', '"tab\\u{9}here"'],
    ['two\nlines', '"two\\u{A}lines"'],
    ['bell\u0007', '"bell\\u{7}"'],
    ['next\u0085line', '"next\\u{85}line"'],
    ['lone \uD800', '"lone \\u{D800}"'],
    ['海康威视 📷', '"海康威视 📷"'],
  ])('shows %j as %j', (value, expected) => {
    expect(quoteArgument(value)).toBe(expected);
  });
});

describe('pathInside', () => {
  const root = resolve('/repo/src/content');

  test.each([
    [['entries', 'a.mdx'], join(root, 'entries', 'a.mdx')],
    [['versions/a/2.mdx'], join(root, 'versions', 'a', '2.mdx')],
    [['entries', '..a.mdx'], join(root, 'entries', '..a.mdx')],
  ])('joins %j under the folder', (parts, expected) => {
    expect(pathInside(root, ...parts)).toBe(expected);
  });

  test.each([[['entries', '../../../../victim.mdx']], [['..']], [['/etc/passwd']], [['entries', '/etc/passwd']], [['.']], [['entries/../..', 'x']]])('refuses %j, which is not inside the folder', (parts) => {
    expect(() => pathInside(root, ...parts)).toThrow(PathOutsideError);
  });
});

describe('the commands refuse a hostile id before touching a file', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  const FIXTURE = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
  const temps: string[] = [];
  afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

  /**
   * A working folder `<tmp>/repo` with the valid fixture tree at `src/content`, and outside it the
   * files an attack would aim at: `<tmp>/victim.mdx` (four levels above `entries/`), and
   * `<tmp>/repo/victim.mdx`.
   */
  function workspace(): { base: string; repo: string; content: string } {
    const base = mkdtempSync(join(tmpdir(), 'tl-ids-'));
    temps.push(base);
    const repo = join(base, 'repo');
    const content = join(repo, 'src/content');
    mkdirSync(content, { recursive: true });
    cpSync(FIXTURE, content, { recursive: true });
    const victim = '---\ntitle: Victim\n---\n\nNot part of the site.\n';
    writeFileSync(join(base, 'victim.mdx'), victim);
    writeFileSync(join(repo, 'victim.mdx'), victim);
    return { base, repo, content };
  }

  /** Every file and folder under `dir` with its text, to compare before and after. */
  function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(dir, file);
      out[file] = statSync(path).isDirectory() ? '(folder)' : readFileSync(path, 'utf8');
    }
    return out;
  }

  const run = (script: string, cwd: string, content: string, args: readonly string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd, env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  test.each(LABELLED)('npm run revise -- %s is refused by name and changes nothing', (_label, id, message) => {
    const { base, repo, content } = workspace();
    const before = snapshot(base);
    for (const args of [[id], ['--from-git', id], ['2019-10-07-us-entity-list', id]]) {
      const result = run('revise.ts', repo, content, args);
      expect(result.status, JSON.stringify(args)).toBe(1);
      expect(result.stderr).toBe(`revise: entry id ${message}; give the file name of an entry in src/content/entries/ without .mdx\n`);
      expect(result.stdout).toBe('');
    }
    expect(snapshot(base)).toEqual(before);
  });

  test('npm run revise refuses an unknown option before reading anything', () => {
    const { base, repo, content } = workspace();
    const before = snapshot(base);
    const result = run('revise.ts', repo, content, ['--from-gti', '2019-10-07-us-entity-list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('revise: unknown option "--from-gti"; usage: npm run revise -- <id>, or npm run revise -- --from-git [<id>…]\n');
    expect(snapshot(base)).toEqual(before);
  });

  test('npm run revise still writes the snapshot of a real entry inside the content tree', () => {
    const { repo, content } = workspace();
    const result = run('revise.ts', repo, content, ['2019-10-07-us-entity-list']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(content, 'versions/2019-10-07-us-entity-list/1.mdx'))).toBe(true);
  });

  test.each(LABELLED.filter(([, id]) => id !== '' && id.length < 5_000))('npm run new-entry -- --slug %s is refused by name and writes nothing', (_label, slug) => {
    const { base, repo, content } = workspace();
    const before = snapshot(base);
    const result = run('new-entry.ts', repo, content, ['--content-dir', content, '--date', '2022-11-24', '--title', 'A title', '--slug', slug]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`new-entry: slug: ${quoteArgument(slug)} must be lower-case letters, digits and single hyphens\n`);
    expect(snapshot(base)).toEqual(before);
  });

  test.each([
    ['a'.repeat(300), 'new-entry: slug: is 300 characters long; the limit is 120; pass a shorter --slug\n'],
    ['a'.repeat(115), 'new-entry: slug: makes an id (the file name) that is 126 characters long; the limit is 120; pass a shorter --slug\n'],
  ])('npm run new-entry refuses a slug that makes too long a file name, by name instead of a crash (%#)', (slug, message) => {
    const { base, repo, content } = workspace();
    const before = snapshot(base);
    const result = run('new-entry.ts', repo, content, ['--content-dir', content, '--date', '2022-11-24', '--title', 'A title', '--slug', slug]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(message);
    expect(snapshot(base)).toEqual(before);
  });

  test('npm run permalinks refuses to register a file name that is not an id, naming it, and writes nothing', () => {
    const { base, repo, content } = workspace();
    writeFileSync(join(content, 'entries', 'Bad Name.mdx'), readFileSync(join(content, 'entries/2019-10-07-us-entity-list.mdx'), 'utf8'));
    const before = snapshot(base);
    for (const args of [[], ['--check']]) {
      const result = run('permalinks.ts', repo, content, args);
      expect(result.status, JSON.stringify(args)).toBe(1);
      expect(result.stderr).toBe(`permalinks: nothing was registered, because a file name is not an id:\n  src/content/entries/: file name "Bad Name": ${ID_RULE}; rename the file with lower-case letters, digits and hyphens\n`);
    }
    expect(snapshot(base)).toEqual(before);
  });

  test.each([['../../../../victim'], ['--chek']])('npm run permalinks -- %j is refused as an unexpected argument', (arg) => {
    const { base, repo, content } = workspace();
    const before = snapshot(base);
    const result = run('permalinks.ts', repo, content, [arg]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`permalinks: unexpected argument ${quoteArgument(arg)}; usage: npm run permalinks [-- --check]\n`);
    expect(snapshot(base)).toEqual(before);
  });
});
