import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { formatPath, parseRecord } from '../../src/lib/content/records.ts';
import { bodySchema } from '../../src/schemas/body.ts';
import { characterCount, forbiddenCharacter, httpsUrlSchema, idSchema, MAX_ITEMS, MAX_LENGTH, plainText, textCharacterProblem } from '../../src/schemas/common.ts';
import { entrySchema } from '../../src/schemas/entry.ts';
import { jurisdictionSchema } from '../../src/schemas/jurisdiction.ts';
import { measureSchema } from '../../src/schemas/measure.ts';
import { permalinksSchema } from '../../src/schemas/permalinks.ts';
import { sourceSchema } from '../../src/schemas/source.ts';
import { syndicatorsSchema } from '../../src/schemas/syndicators.ts';
import { synonymTableSchema } from '../../src/schemas/synonyms.ts';
import { vendorSchema } from '../../src/schemas/vendor.ts';

type Path = readonly (string | number)[];
type Schema = z.ZodType;

/** A valid record of every collection, with every optional text, URL and list field filled in. */
const RECORDS = {
  entry: {
    schema: entrySchema,
    data: {
      title: 'US adds two camera makers to the Entity List',
      summary: 'The Commerce Department listed the two companies.',
      date: '2019-10-07',
      datePrecision: 'day',
      dates: [{ kind: 'effective', date: '2019-10-09', note: 'Published in the Federal Register' }],
      category: 'sanction-listing',
      jurisdictions: ['us'],
      vendors: { hikvision: 'named' },
      bodies: ['bis'],
      aliases: ['Entity List'],
      sources: ['rule'],
      verification: 'confirmed',
      verificationNote: 'The rule is published.',
      clarifications: [{ claim: 'The rule banned all cameras.', fact: 'It restricted exports to the companies.' }],
      related: [{ entry: '2021-03-other', type: 'responds-to' }],
      published: '2026-11-01',
      updated: '2026-11-10',
      corrections: [{ date: '2026-11-10', note: 'Corrected the date.' }],
    },
  },
  source: {
    schema: sourceSchema,
    data: {
      title: 'Addition of Certain Entities to the Entity List',
      publisher: 'Reuters',
      via: 'MarketScreener',
      author: 'A. Writer',
      published: '2019-10-09',
      url: 'https://www.federalregister.gov/d/2019-22210',
      archiveUrl: 'https://web.archive.org/web/2019/https://www.federalregister.gov/d/2019-22210',
      archived: '2019-10-10',
      urlStatus: { status: 'moved', checked: '2026-11-01', movedTo: 'https://www.federalregister.gov/documents/2019-22210' },
      kind: 'primary',
      note: 'Read in the syndicated copy.',
    },
  },
  vendor: {
    schema: vendorSchema,
    data: {
      name: 'Hikvision',
      legalNameEn: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      legalNameZh: '杭州海康威视数字技术股份有限公司',
      nameZh: '海康威视',
      aliases: ['Hik Vision'],
      headquarters: 'Hangzhou, China',
      country: 'china',
      description: 'A camera maker.',
      website: 'https://www.hikvision.com/',
    },
  },
  jurisdiction: {
    schema: jurisdictionSchema,
    data: { name: 'United Kingdom', shortName: 'UK', aliases: ['Britain'], description: 'Measures by the UK government.', mapCodes: ['826'] },
  },
  body: {
    schema: bodySchema,
    data: { name: 'Bureau of Industry and Security', kind: 'regulator', aliases: ['BIS'], jurisdiction: 'us', description: 'Keeps the Entity List.', website: 'https://www.bis.gov/' },
  },
  measure: {
    schema: measureSchema,
    data: {
      name: 'Entity List listing',
      shortName: 'Entity List',
      aliases: ['EAR'],
      jurisdiction: 'us',
      issuedBy: ['bis'],
      kind: 'trade-restriction',
      scope: 'Exports to the listed companies need a licence.',
      binds: 'market',
      vendors: ['hikvision'],
      criterion: 'Companies implicated in abuses.',
      status: 'in-force',
      statusAsOf: '2026-11-01',
      statusNote: 'Still in force.',
      stages: [{ date: '2019-10-07', stage: 'adopted', entry: '2019-10-07-us-entity-list', note: 'Announced by BIS' }],
    },
  },
  syndicators: { schema: syndicatorsSchema, data: { syndicators: ['MarketScreener'] } },
  synonyms: { schema: synonymTableSchema, data: { ban: { terms: ['ban', 'prohibit'] } } },
  permalinks: { schema: permalinksSchema, data: { published: ['2019-10-07-us-entity-list'], redirects: { 'old-id': '2019-10-07-us-entity-list' }, versions: { '2019-10-07-us-entity-list': 2 } } },
} as const satisfies Record<string, { schema: Schema; data: Record<string, unknown> }>;

type RecordName = keyof typeof RECORDS;

/** The record with the value at `path` replaced. */
function withValue(name: RecordName, path: Path, value: unknown): unknown {
  const data = structuredClone(RECORDS[name].data) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = data;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return data;
}

/** The lines the content check prints for a record, as the writer reads them. */
function problemsOf(name: RecordName, data: unknown): string[] {
  const read = parseRecord(RECORDS[name].schema as z.ZodType<unknown>, `${name}.yaml`, data);
  return read.ok ? [] : read.problems;
}

/** Every human-text field of the content, with the limit of its kind. */
const TEXT_FIELDS: readonly (readonly [RecordName, Path, number])[] = [
  ['entry', ['title'], MAX_LENGTH.title],
  ['entry', ['summary'], MAX_LENGTH.summary],
  ['entry', ['dates', 0, 'note'], MAX_LENGTH.sentence],
  ['entry', ['aliases', 0], MAX_LENGTH.alias],
  ['entry', ['verificationNote'], MAX_LENGTH.sentence],
  ['entry', ['clarifications', 0, 'claim'], MAX_LENGTH.clarification],
  ['entry', ['clarifications', 0, 'fact'], MAX_LENGTH.clarification],
  ['entry', ['corrections', 0, 'note'], MAX_LENGTH.note],
  ['source', ['title'], MAX_LENGTH.sourceTitle],
  ['source', ['publisher'], MAX_LENGTH.name],
  ['source', ['via'], MAX_LENGTH.name],
  ['source', ['author'], MAX_LENGTH.author],
  ['source', ['note'], MAX_LENGTH.note],
  ['vendor', ['name'], MAX_LENGTH.name],
  ['vendor', ['legalNameEn'], MAX_LENGTH.name],
  ['vendor', ['legalNameZh'], MAX_LENGTH.name],
  ['vendor', ['nameZh'], MAX_LENGTH.name],
  ['vendor', ['aliases', 0], MAX_LENGTH.alias],
  ['vendor', ['headquarters'], MAX_LENGTH.name],
  ['vendor', ['description'], MAX_LENGTH.sentence],
  ['jurisdiction', ['name'], MAX_LENGTH.name],
  ['jurisdiction', ['shortName'], MAX_LENGTH.shortName],
  ['jurisdiction', ['aliases', 0], MAX_LENGTH.alias],
  ['jurisdiction', ['description'], MAX_LENGTH.sentence],
  ['body', ['name'], MAX_LENGTH.name],
  ['body', ['aliases', 0], MAX_LENGTH.alias],
  ['body', ['description'], MAX_LENGTH.sentence],
  ['measure', ['name'], MAX_LENGTH.name],
  ['measure', ['shortName'], MAX_LENGTH.shortName],
  ['measure', ['aliases', 0], MAX_LENGTH.alias],
  ['measure', ['scope'], MAX_LENGTH.sentence],
  ['measure', ['criterion'], MAX_LENGTH.sentence],
  ['measure', ['statusNote'], MAX_LENGTH.sentence],
  ['measure', ['stages', 0, 'note'], MAX_LENGTH.sentence],
  ['syndicators', ['syndicators', 0], MAX_LENGTH.name],
  ['synonyms', ['ban', 'terms', 0], MAX_LENGTH.alias],
];

/** Every URL field of the content. */
const URL_FIELDS: readonly (readonly [RecordName, Path])[] = [
  ['source', ['url']],
  ['source', ['archiveUrl']],
  ['source', ['urlStatus', 'movedTo']],
  ['vendor', ['website']],
  ['body', ['website']],
];

/** Every id field, and every list and map, with its limit. */
const ID_FIELDS: readonly (readonly [RecordName, Path])[] = [
  ['entry', ['jurisdictions', 0]],
  ['entry', ['bodies', 0]],
  ['entry', ['sources', 0]],
  ['entry', ['related', 0, 'entry']],
  ['vendor', ['country']],
  ['body', ['jurisdiction']],
  ['measure', ['jurisdiction']],
  ['measure', ['issuedBy', 0]],
  ['measure', ['vendors', 0]],
  ['measure', ['stages', 0, 'entry']],
  ['permalinks', ['published', 0]],
];
const LIST_FIELDS: readonly (readonly [RecordName, Path, number])[] = [
  ['entry', ['dates'], MAX_ITEMS.dates],
  ['entry', ['jurisdictions'], MAX_ITEMS.ids],
  ['entry', ['bodies'], MAX_ITEMS.ids],
  ['entry', ['aliases'], MAX_ITEMS.aliases],
  ['entry', ['sources'], MAX_ITEMS.ids],
  ['entry', ['clarifications'], MAX_ITEMS.clarifications],
  ['entry', ['related'], MAX_ITEMS.related],
  ['entry', ['corrections'], MAX_ITEMS.corrections],
  ['vendor', ['aliases'], MAX_ITEMS.aliases],
  ['jurisdiction', ['aliases'], MAX_ITEMS.aliases],
  ['jurisdiction', ['mapCodes'], MAX_ITEMS.mapCodes],
  ['body', ['aliases'], MAX_ITEMS.aliases],
  ['measure', ['aliases'], MAX_ITEMS.aliases],
  ['measure', ['issuedBy'], MAX_ITEMS.ids],
  ['measure', ['vendors'], MAX_ITEMS.ids],
  ['measure', ['stages'], MAX_ITEMS.stages],
  ['syndicators', ['syndicators'], MAX_ITEMS.syndicators],
  ['synonyms', ['ban', 'terms'], MAX_ITEMS.synonymTerms],
  ['permalinks', ['published'], MAX_ITEMS.registry],
];

/** The value at `path` of a record, which a too-long list repeats. */
function valueAt(name: RecordName, path: Path): unknown {
  let node: unknown = RECORDS[name].data;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** Runs `value` through every field of a table and returns the lines that differ from `expected(field)`. */
function mismatches(fields: readonly (readonly [RecordName, Path, ...unknown[]])[], value: (field: readonly [RecordName, Path, ...unknown[]]) => unknown, expected: (field: string, row: readonly [RecordName, Path, ...unknown[]]) => string[]): string[] {
  const wrong: string[] = [];
  for (const row of fields) {
    const [name, path] = row;
    const got = problemsOf(name, withValue(name, path, value(row)));
    const want = expected(`${name}.yaml: ${formatPath(path)}`, row);
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${name}.yaml ${formatPath(path)}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  return wrong;
}

test('every record of the table is valid as written', () => {
  for (const name of Object.keys(RECORDS) as RecordName[]) expect(problemsOf(name, RECORDS[name].data), name).toEqual([]);
});

describe('text fields', () => {
  /** Hostile values, where the bad character sits in them, and how the message names it. */
  const HOSTILE: readonly (readonly [string, string, string])[] = [
    ['NUL', 'ab\u0000c', 'contains the control character U+0000 at character 3; remove it'],
    ['BEL', 'Title\u0007', 'contains the control character U+0007 at character 6; remove it'],
    ['vertical tab', 'a\u000Bb', 'contains the control character U+000B at character 2; remove it'],
    ['form feed', 'a\u000Cb', 'contains the control character U+000C at character 2; remove it'],
    ['ESC (a terminal escape)', '\u001B[31mred', 'contains the control character U+001B at character 1; remove it'],
    ['unit separator', 'a\u001Fb', 'contains the control character U+001F at character 2; remove it'],
    ['DEL', 'a\u007Fb', 'contains the control character U+007F at character 2; remove it'],
    ['C1 next line', 'a\u0085b', 'contains the control character U+0085 at character 2; remove it'],
    ['C1 string terminator', 'a\u009Cb', 'contains the control character U+009C at character 2; remove it'],
    ['left-to-right embedding', 'a\u202Ab', 'contains the bidirectional embedding U+202A (LEFT-TO-RIGHT EMBEDDING) at character 2; remove it'],
    ['right-to-left embedding', 'a\u202Bb', 'contains the bidirectional embedding U+202B (RIGHT-TO-LEFT EMBEDDING) at character 2; remove it'],
    ['pop directional formatting', 'a\u202Cb', 'contains the bidirectional formatting character U+202C (POP DIRECTIONAL FORMATTING) at character 2; remove it'],
    ['left-to-right override', 'a\u202Db', 'contains the bidirectional override U+202D (LEFT-TO-RIGHT OVERRIDE) at character 2; remove it'],
    ['right-to-left override', 'Hik\u202Enoisiv', 'contains the bidirectional override U+202E (RIGHT-TO-LEFT OVERRIDE) at character 4; remove it'],
    ['left-to-right isolate', 'a\u2066b', 'contains the bidirectional isolate U+2066 (LEFT-TO-RIGHT ISOLATE) at character 2; remove it'],
    ['right-to-left isolate', 'a\u2067b', 'contains the bidirectional isolate U+2067 (RIGHT-TO-LEFT ISOLATE) at character 2; remove it'],
    ['first strong isolate', 'a\u2068b', 'contains the bidirectional isolate U+2068 (FIRST STRONG ISOLATE) at character 2; remove it'],
    ['pop directional isolate', 'a\u2069b', 'contains the bidirectional isolate U+2069 (POP DIRECTIONAL ISOLATE) at character 2; remove it'],
    ['noncharacter U+FDD0', 'a\uFDD0b', 'contains the noncharacter U+FDD0 at character 2; remove it'],
    ['noncharacter U+FDEF', 'a\uFDEFb', 'contains the noncharacter U+FDEF at character 2; remove it'],
    ['noncharacter U+FFFE', 'a\uFFFEb', 'contains the noncharacter U+FFFE at character 2; remove it'],
    ['noncharacter U+FFFF', 'a\uFFFFb', 'contains the noncharacter U+FFFF at character 2; remove it'],
    ['noncharacter U+1FFFE', 'a\u{1FFFE}b', 'contains the noncharacter U+1FFFE at character 2; remove it'],
    ['noncharacter U+10FFFF', 'a\u{10FFFF}b', 'contains the noncharacter U+10FFFF at character 2; remove it'],
    ['lone high surrogate', 'a\uD83Db', 'contains an unpaired surrogate U+D83D (half of a character such as an emoji) at character 2; retype the character it belonged to'],
    ['lone low surrogate at the end', 'ab\uDE00', 'contains an unpaired surrogate U+DE00 (half of a character such as an emoji) at character 3; retype the character it belonged to'],
    ['control after an emoji, counted as one character', '😀\u0001', 'contains the control character U+0001 at character 2; remove it'],
  ];

  test.each(HOSTILE)('reject a %s in every text field, naming the field, the character and its place', (_what, value, message) => {
    expect(mismatches(TEXT_FIELDS, () => value, (field) => [`${field}: ${message}`])).toEqual([]);
  });

  test('reject a value one character over the limit of its kind in every text field, naming the field and the limit', () => {
    expect(
      mismatches(
        TEXT_FIELDS,
        ([, , limit]) => 'x'.repeat(Number(limit) + 1),
        (field, [, , limit]) => [`${field}: is ${(Number(limit) + 1).toLocaleString('en-GB')} characters long; the limit is ${Number(limit).toLocaleString('en-GB')}`],
      ),
    ).toEqual([]);
  });

  test('accept a value exactly at the limit of its kind in every text field, counting characters beyond U+FFFF as one', () => {
    expect(mismatches(TEXT_FIELDS, ([, , limit]) => 'x'.repeat(Number(limit)), () => [])).toEqual([]);
    expect(problemsOf('entry', withValue('entry', ['title'], '海'.repeat(MAX_LENGTH.title)))).toEqual([]);
    expect(problemsOf('entry', withValue('entry', ['title'], '𠮷'.repeat(MAX_LENGTH.title)))).toEqual([]);
  });

  test('reject a 5 MB summary quickly, with the length written out', () => {
    const started = performance.now();
    expect(problemsOf('entry', withValue('entry', ['summary'], 's'.repeat(5_000_000)))).toEqual(['entry.yaml: summary: is 5,000,000 characters long; the limit is 600']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test.each([
    ['Chinese', '杭州海康威视数字技术股份有限公司'],
    ['Arabic with its letters, a right-to-left mark and an Arabic letter mark', 'هيئة الاتصالات الفيدرالية\u200F تحظر معدات «هيكفيجن»\u061C'],
    ['Persian with a zero-width non-joiner', 'می\u200Cخواهم'],
    ['Hebrew', 'ועדת התקשורת הפדרלית'],
    ['an em dash, curly quotes and a section sign', 'NDAA §889 — “covered” equipment’s ban'],
    ['accents, precomposed and combining', 'Café in São Paulo, Cafe\u0301'],
    ['an emoji and a CJK extension character', 'Camera 📷 𠮷'],
    ['tabs, line breaks and carriage returns, collapsed to spaces', 'One\tline\r\nand\nanother'],
    ['a no-break space, collapsed to a space', 'EO\u00A014032'],
  ])('accept ordinary text in every text field: %s', (_what, value) => {
    // A synonym term has a stricter rule of its own: letters and digits only.
    expect(mismatches(TEXT_FIELDS.filter(([name]) => name !== 'synonyms'), () => value, () => [])).toEqual([]);
  });

  test('collapse white space before publishing and before counting', () => {
    expect(plainText(5).parse('  a \t\n b  ')).toBe('a b');
    expect(plainText(3).safeParse(`a${' '.repeat(50)}b`).success).toBe(true);
  });
});

describe('URL fields', () => {
  const HOSTILE: readonly (readonly [string, string, string])[] = [
    ['right-to-left override', 'https://example.org/\u202Efdp.exe', 'contains the bidirectional override U+202E (RIGHT-TO-LEFT OVERRIDE) at character 21; remove it'],
    ['left-to-right isolate', 'https://example.org/\u2066a', 'contains the bidirectional isolate U+2066 (LEFT-TO-RIGHT ISOLATE) at character 21; remove it'],
    ['tab', 'https://example.org/a\tb', 'contains the control character U+0009 at character 22; remove it'],
    ['line feed', 'https://example.org/a\nb', 'contains the control character U+000A at character 22; remove it'],
    ['NUL', 'https://example.org/\u0000', 'contains the control character U+0000 at character 21; remove it'],
    ['C1 control', 'https://example.org/\u0085', 'contains the control character U+0085 at character 21; remove it'],
    ['space', 'https://example.org/a b', 'contains a space (U+0020) at character 22; write it as %20'],
    ['no-break space', 'https://example.org/a\u00A0b', 'contains the white-space character U+00A0 at character 22; remove it'],
    ['noncharacter', 'https://example.org/\uFFFF', 'contains the noncharacter U+FFFF at character 21; remove it'],
    ['lone surrogate', 'https://example.org/\uD800', 'contains an unpaired surrogate U+D800 (half of a character such as an emoji) at character 21; retype the character it belonged to'],
    ['javascript: URL', 'javascript:alert(1)', 'expected an absolute https:// URL'],
    ['http: URL', 'http://example.org/', 'expected an absolute https:// URL'],
  ];

  test.each(HOSTILE)('reject a %s in every URL field, naming the field', (_what, value, message) => {
    expect(mismatches(URL_FIELDS, () => value, (field) => [`${field}: ${message}`])).toEqual([]);
  });

  test('reject a URL over 2,000 characters in every URL field, and accept one at the limit', () => {
    const at = (length: number) => `https://example.org/${'a'.repeat(length - 'https://example.org/'.length)}`;
    expect(mismatches(URL_FIELDS, () => at(MAX_LENGTH.url + 1), (field) => [`${field}: is 2,001 characters long; the limit is 2,000`])).toEqual([]);
    expect(mismatches(URL_FIELDS, () => at(MAX_LENGTH.url), () => [])).toEqual([]);
  });

  test.each([
    'https://zh.wikipedia.org/wiki/海康威视',
    'https://example.org/a%20b?q=%E2%80%AE#x',
    'https://web.archive.org/web/2019/https://www.federalregister.gov/d/2019-22210',
  ])('accept %s', (url) => {
    expect(httpsUrlSchema.safeParse(url).success).toBe(true);
  });
});

describe('ids, lists and maps', () => {
  test('reject an over-long id in every id field, naming the field', () => {
    expect(mismatches(ID_FIELDS, () => 'a'.repeat(MAX_LENGTH.id + 1), (field) => [`${field}: is 121 characters long; the limit is 120`])).toEqual([]);
  });

  test.each([['../../etc/passwd'], ['.'], ['..'], ['/abs'], ['a\\b'], ['a\u0000b'], ['%2e%2e'], ['a\u202Eb'], ['A-B'], ['a--b'], ['']])('reject the id %j in every id field', (id) => {
    expect(mismatches(ID_FIELDS, () => id, (field) => [`${field}: expected an id of lower-case letters, digits and hyphens`])).toEqual([]);
  });

  test('reject a list one item over its limit in every list, naming the field and the limit', () => {
    expect(
      mismatches(
        LIST_FIELDS,
        ([name, path, limit]) => Array.from({ length: Number(limit) + 1 }, () => (valueAt(name, path) as unknown[])[0]),
        (field, [, , limit]) => [`${field}: has ${(Number(limit) + 1).toLocaleString('en-GB')} items; the limit is ${Number(limit).toLocaleString('en-GB')}`],
      ),
    ).toEqual([]);
  });

  test.each([
    ['redirects', (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`old-${i}`, 'new'])), 'permalinks.yaml: redirects: has 100,001 keys; the limit is 100,000'],
    ['versions', (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`entry-${i}`, 2])), 'permalinks.yaml: versions: has 100,001 keys; the limit is 100,000'],
  ])('reject a permalink registry map (%s) over its limit', (field, make, message) => {
    expect(problemsOf('permalinks', withValue('permalinks', [field], make(MAX_ITEMS.registry + 1)))).toEqual([message]);
  });

  test('reject an entry\'s vendor map over its limit, a key that is not an id and a basis not on the list', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_ITEMS.ids + 1 }, (_, i) => [`vendor-${i}`, 'named']));
    expect(problemsOf('entry', withValue('entry', ['vendors'], many))).toEqual(['entry.yaml: vendors: has 101 keys; the limit is 100']);
    expect(problemsOf('entry', withValue('entry', ['vendors'], { '../x': 'named' }))).toEqual(['entry.yaml: vendors: invalid key "../x": expected an id of lower-case letters, digits and hyphens']);
    expect(problemsOf('entry', withValue('entry', ['vendors'], { hikvision: 'tagged' }))).toEqual(['entry.yaml: vendors.hikvision: unknown value (expected one of: named, reported, context)']);
  });

  test('reject a synonym table with too many groups', () => {
    const table = Object.fromEntries(Array.from({ length: MAX_ITEMS.synonymGroups + 1 }, (_, i) => [`group-${i}`, { terms: [`a${i}`, `b${i}`] }]));
    expect(problemsOf('synonyms', table)).toEqual(['synonyms.yaml: (file): has 1,001 keys; the limit is 1,000']);
  });

  test('accept an id at the limit', () => {
    expect(idSchema.safeParse('a'.repeat(MAX_LENGTH.id)).success).toBe(true);
  });
});

describe('textCharacterProblem', () => {
  test.each([
    ['a\u0007', {}, 'contains the control character U+0007 at character 2; remove it'],
    ['a\tb\nc\rd', {}, undefined],
    ['a\tb', { url: true }, 'contains the control character U+0009 at character 2; remove it'],
    ['1\u0007'.padStart(20_000, 'x'), {}, 'contains the control character U+0007 at character 20,000; remove it'],
  ])('for %j with %j says %j', (value, options, expected) => {
    expect(textCharacterProblem(value, options)).toBe(expected);
  });

  test('allows every character of the Basic Multilingual Plane that is not a control, a bidirectional control, a noncharacter or a surrogate', () => {
    const refused: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) if (forbiddenCharacter(cp) !== undefined) refused.push(cp.toString(16));
    const expected = [
      ...Array.from({ length: 0x20 }, (_, i) => i).filter((i) => ![0x09, 0x0a, 0x0d].includes(i)),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
      ...Array.from({ length: 0x800 }, (_, i) => 0xd800 + i),
      ...Array.from({ length: 0x20 }, (_, i) => 0xfdd0 + i),
      0xfffe, 0xffff,
    ].map((cp) => cp.toString(16));
    expect(refused).toEqual(expected);
  });

  test('counts characters as code points', () => {
    expect(characterCount('海康威视')).toBe(4);
    expect(characterCount('📷𠮷')).toBe(2);
    expect(characterCount('\uD800\uD800')).toBe(2);
  });
});
