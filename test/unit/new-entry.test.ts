import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { readCheckedContent, readContentTree } from '../../src/integrations/content-tree.ts';
import { splitFrontMatter as split } from '../../src/lib/content/front-matter.ts';

/** The front matter and body of a file the test expects to have both. */
const splitFrontMatter = (text: string) => {
  const parts = split(text);
  if (typeof parts === 'string') throw new Error(parts);
  return { frontMatter: parts.yaml, body: parts.body };
};
import { findIdConflict, MAX_SLUG_WORDS, NewEntryError, prepareNewEntry, resolveDate, slugify } from '../../src/lib/content/new-entry.ts';
import { CATEGORY_IDS } from '../../src/schemas/category.ts';
import { entrySchema } from '../../src/schemas/entry.ts';

const PUBLISHED = '2026-11-29';
const frontMatterOf = (text: string): Record<string, unknown> => parse(splitFrontMatter(text).frontMatter ?? '') as Record<string, unknown>;

describe('slugify', () => {
  test.each([
    ['UK restricts Chinese surveillance cameras on sensitive sites', 'uk-restricts-chinese-surveillance-cameras-on-sensitive-sites'],
    ['Hikvision’s reply: “categorically false”', 'hikvisions-reply-categorically-false'],
    ["Commerce adds Hikvision & Dahua to the Entity List", 'commerce-adds-hikvision-dahua-to-entity-list'],
    ['Café owner in São Paulo', 'cafe-owner-in-sao-paulo'],
    ['NDAA FY2019 section 889', 'ndaa-fy2019-section-889'],
    ['  --Spaces   and -- punctuation!!  ', 'spaces-and-punctuation'],
    ['The', 'the'],
    ['海康威视', ''],
  ])('turns %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test(`keeps at most ${MAX_SLUG_WORDS} words`, () => {
    expect(slugify('one two three four five six seven eight nine ten')).toBe('one-two-three-four-five-six-seven-eight');
  });
});

describe('resolveDate', () => {
  test.each([
    ['2022-11-24', undefined, '2022-11-24', 'day'],
    ['2021-03', undefined, '2021-03', 'month'],
    ['2019', undefined, '2019', 'year'],
    [' 2019 ', '', '2019', 'year'],
    ['2021-03-19', 'month', '2021-03', 'month'],
    ['2021-03-19', 'year', '2021', 'year'],
    ['2021-03', 'month', '2021-03', 'month'],
  ])('reads %j with precision %j as %j (%s)', (date, precision, expectedDate, expectedPrecision) => {
    expect(resolveDate(date, precision)).toEqual({ date: expectedDate, precision: expectedPrecision });
  });

  test.each([
    ['2022-02-30', undefined, 'date: "2022-02-30" is not a real calendar date'],
    ['24/11/2022', undefined, 'date: expected a date such as 2022, 2022-11 or 2022-11-24'],
    ['', undefined, 'date: expected a date such as 2022, 2022-11 or 2022-11-24'],
    ['2022-13', undefined, 'date: "2022-13" is not a real calendar date'],
    ['2021-03', 'day', 'precision: "day" is finer than the date "2021-03"; give a date of that precision'],
    ['2021-03-19', 'week', 'precision: "week" is not one of: year, month, day'],
  ])('rejects %j with precision %j: %s', (date, precision, message) => {
    expect(() => resolveDate(date, precision)).toThrow(new NewEntryError(message));
  });
});

describe('findIdConflict', () => {
  const taken = {
    entries: new Map([['2019-10-07-us-entity-list', 'src/content/entries/2019-10-07-us-entity-list.mdx']]),
    permalinks: { published: ['2019-10-07-us-entity-list', '2020-old-id'], redirects: { '2020-renamed': '2019-10-07-us-entity-list' } },
  };
  test.each([
    ['2019-10-07-us-entity-list', 'an entry with the id "2019-10-07-us-entity-list" already exists: src/content/entries/2019-10-07-us-entity-list.mdx'],
    ['2020-old-id', 'the id "2020-old-id" was published before and is reserved in the permalink registry'],
    ['2020-renamed', 'the id "2020-renamed" redirects to "2019-10-07-us-entity-list" in the permalink registry and cannot be reused'],
    ['2024-new-id', undefined],
  ])('for %j says %j', (id, expected) => {
    expect(findIdConflict(id, taken)).toBe(expected);
  });

  test('treats a tree without a permalink registry as having no reserved ids', () => {
    expect(findIdConflict('2020-old-id', { entries: new Map() })).toBeUndefined();
  });
});

describe('prepareNewEntry', () => {
  const made = prepareNewEntry({
    date: '2022-11-24',
    title: 'UK tells departments: stop deploying   Chinese cameras',
    published: PUBLISHED,
    known: { jurisdictions: ['uk', 'china'], vendors: ['hikvision'], bodies: [] },
  });

  test('names the file after the date and a slug of the title', () => {
    expect(made.id).toBe('2022-11-24-uk-tells-departments-stop-deploying-chinese-cameras');
    expect(made.fileName).toBe(`${made.id}.mdx`);
  });

  test('writes the title, date, precision and publication day, with an empty body', () => {
    expect(frontMatterOf(made.text)).toMatchObject({ title: 'UK tells departments: stop deploying Chinese cameras', date: '2022-11-24', datePrecision: 'day', published: PUBLISHED });
    expect(splitFrontMatter(made.text).body.trim()).toBe('');
  });

  test('writes every field of the schema except those added only after publication or when needed', () => {
    const keys = Object.keys(frontMatterOf(made.text)).sort();
    const optionalLater = ['corrections', 'endDate', 'updated'];
    expect(keys).toEqual(Object.keys(entrySchema.shape).filter((k) => !optionalLater.includes(k)).sort());
    for (const key of optionalLater) expect(made.text).toMatch(new RegExp(`^#\\s+${key}:`, 'm'));
  });

  test('puts a comment above every field', () => {
    const lines = (splitFrontMatter(made.text).frontMatter ?? '').split('\n');
    lines.forEach((line, i) => {
      if (/^[A-Za-z]+:/.test(line)) expect(lines[i - 1], `comment above ${line}`).toMatch(/^#/);
    });
  });

  test('lists every allowed category id and the known ids in the comments', () => {
    const comments = made.text.split('\n').filter((l) => l.startsWith('#')).join(' ');
    for (const id of CATEGORY_IDS) expect(comments).toContain(` ${id}`);
    expect(comments).toContain('Known: china, uk.');
    expect(comments).toContain('Known: hikvision.');
    expect(comments).toContain('Known: none yet.');
  });

  test('leaves placeholders that the schema rejects until they are filled', () => {
    const result = entrySchema.safeParse(frontMatterOf(made.text));
    expect(result.success).toBe(false);
    const fields = [...new Set(result.error?.issues.map((issue) => issue.path.join('.')))].sort();
    expect(fields).toEqual(['category', 'jurisdictions', 'sources', 'summary', 'verification', 'verificationNote']);
  });

  test('passes the entry schema once its placeholders are filled', () => {
    const filled = {
      ...frontMatterOf(made.text),
      summary: 'A written statement told departments to stop deploying such cameras on sensitive sites.',
      category: 'government-restriction',
      jurisdictions: ['uk'],
      sources: ['npsa-security-update-surveillance-equipment'],
      verification: 'confirmed',
      verificationNote: 'The statement is recorded by the UK National Protective Security Authority.',
    };
    const result = entrySchema.safeParse(filled);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toMatchObject({ date: '2022-11-24', datePrecision: 'day', published: PUBLISHED });
  });

  test.each([
    ['2021', 'year'],
    ['2021-07', 'month'],
  ])('writes a %s date with %s precision that the schema accepts', (date, precision) => {
    const entry = prepareNewEntry({ date, title: 'Letter', published: PUBLISHED });
    expect(entry.id).toBe(`${date}-letter`);
    const data = frontMatterOf(entry.text);
    expect(entrySchema.shape.date.parse(data['date'])).toBe(date);
    expect(data['datePrecision']).toBe(precision);
  });

  test('quotes a title that YAML would otherwise misread', () => {
    const title = '"Digital asbestos": # not a comment, [not a list]';
    expect(frontMatterOf(prepareNewEntry({ date: '2022-06-14', title, published: PUBLISHED }).text)['title']).toBe(title);
  });

  test('uses a given slug instead of the title', () => {
    expect(prepareNewEntry({ date: '2022-06-14', title: 'Anything', slug: 'bscc-digital-asbestos-letter', published: PUBLISHED }).id).toBe('2022-06-14-bscc-digital-asbestos-letter');
  });

  test.each([
    [{ title: '   ' }, 'title: give the entry a title'],
    [{ title: '海康威视' }, 'title: the title has no ASCII letters or digits to make a file name from; pass --slug'],
    [{ title: 'x', slug: 'Not_A_Slug' }, 'slug: "Not_A_Slug" must be lower-case letters, digits and single hyphens'],
    [{ title: 'x', date: '2021-02-29' }, 'date: "2021-02-29" is not a real calendar date'],
  ])('refuses %j: %s', (overrides, message) => {
    expect(() => prepareNewEntry({ date: '2022-06-14', published: PUBLISHED, ...overrides })).toThrow(new NewEntryError(message));
  });
});

describe('scripts/new-entry.ts', () => {
  const script = fileURLToPath(new URL('../../scripts/new-entry.ts', import.meta.url));
  const fixture = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
  const temps: string[] = [];
  afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

  function tree(): { root: string; content: string } {
    const root = mkdtempSync(join(tmpdir(), 'tl-new-entry-'));
    temps.push(root);
    const content = join(root, 'content');
    cpSync(fixture, content, { recursive: true });
    return { root, content };
  }
  const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  test('writes a new entry that the content check rejects, naming each unfilled field, until it is filled', () => {
    const { root, content } = tree();
    const result = run(root, '--content-dir', content, '--date', '2021-07', '--title', 'Commissioner warns of extraterritorial surveillance risks');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const id = '2021-07-commissioner-warns-of-extraterritorial-surveillance-risks';
    const file = join(content, 'entries', `${id}.mdx`);
    expect(result.stdout).toContain(`Created content/entries/${id}.mdx`);
    expect(existsSync(file)).toBe(true);

    const shown = `entries/${id}.mdx`;
    const today = new Date().toISOString().slice(0, 10);
    const problems = readCheckedContent(content, { cwd: content, today }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        `${shown}: summary: must not be empty`,
        `${shown}: sources: list at least one source`,
        `${shown}: jurisdictions: list at least one jurisdiction`,
        `${shown}: verificationNote: must not be empty`,
      ]),
    );
    expect(problems.every((p) => p.startsWith(`${shown}: `))).toBe(true);

    const { frontMatter } = splitFrontMatter(readFileSync(file, 'utf8'));
    const filled = frontMatter!
      .replace('summary: ""', 'summary: The Commissioner wrote to ministers about surveillance risks.')
      .replace('category: ""', 'category: warning')
      .replace('jurisdictions: []', 'jurisdictions: [us]')
      .replace('sources: []', 'sources: [rule]')
      .replace('verification: ""', 'verification: confirmed')
      .replace('verificationNote: ""', 'verificationNote: The letter is published by the government.');
    writeFileSync(file, `---\n${filled}\n---\n\nThe Commissioner wrote to ministers.\n`);
    expect(readCheckedContent(content, { cwd: content, today }).problems).toEqual([]);
  });

  test('refuses to overwrite an entry file that already exists', () => {
    const { root, content } = tree();
    const before = readFileSync(join(content, 'entries/2019-10-07-us-entity-list.mdx'), 'utf8');
    const result = run(root, '--content-dir', content, '--date', '2019-10-07', '--title', 'US entity list');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('new-entry: content/entries/2019-10-07-us-entity-list.mdx already exists; choose another title or pass --slug\n');
    expect(readFileSync(join(content, 'entries/2019-10-07-us-entity-list.mdx'), 'utf8')).toBe(before);
  });

  test('refuses an id that an entry in a subfolder already has', () => {
    const { root, content } = tree();
    cpSync(join(content, 'entries/2021-03-tesla-restriction.mdx'), join(content, 'entries/2021/2021-03-reused-id.mdx'));
    const result = run(root, '--content-dir', content, '--date', '2021-03', '--title', 'Reused id');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('an entry with the id "2021-03-reused-id" already exists: content/entries/2021/2021-03-reused-id.mdx');
  });

  test('refuses an id reserved by the permalink registry', () => {
    const { root, content } = tree();
    writeFileSync(join(content, 'permalinks.yaml'), 'published:\n  - 2019-10-07-us-entity-list\n  - 2021-03-tesla-restriction\n  - 2020-retired-entry\nredirects:\n  2020-retired-entry: 2019-10-07-us-entity-list\n');
    const result = run(root, '--content-dir', content, '--date', '2020', '--title', 'Retired entry');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the id "2020-retired-entry" redirects to "2019-10-07-us-entity-list" in the permalink registry and cannot be reused');
  });

  test.each([
    [['--date', '2022-02-30', '--title', 'x'], 'new-entry: date: "2022-02-30" is not a real calendar date\n'],
    [['--date', '2022-11', '--precision', 'day', '--title', 'x'], 'new-entry: precision: "day" is finer than the date "2022-11"; give a date of that precision\n'],
  ])('exits 1 without writing for %j', (args, message) => {
    const { root, content } = tree();
    const result = run(root, '--content-dir', content, ...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(message);
    expect(readContentTree(content, { cwd: content }).loaded.entries.map((e) => e.id).sort()).toEqual(['2019-10-07-us-entity-list', '2021-03-tesla-restriction']);
  });

  test('asks for a missing date or title only in a terminal, and otherwise exits 1 with the usage', () => {
    const { root, content } = tree();
    const result = run(root, '--content-dir', content, '--title', 'No date');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^new-entry: give both --date and --title \(or run in a terminal to be asked\)\nusage: npm run new-entry -- --date/);
  });
});
