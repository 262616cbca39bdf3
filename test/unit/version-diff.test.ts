import { describe, expect, test } from 'vitest';
import { bodyText, diffList, diffText, diffVersions, versionFields, type DiffPart, type VersionData, type VersionNames } from '../../src/lib/content/version-diff.ts';

/** A diff written compactly: `same`, `+inserted`, `-deleted`. */
const shown = (parts: readonly DiffPart[]) => parts.map((p) => (p.kind === 'same' ? p.text : `${p.kind === 'inserted' ? '+' : '-'}${p.text}`));

describe('bodyText', () => {
  test.each([
    { name: 'leaves the inline citations out, and the space before them', mdx: 'A claim <Cite source="b" />. Another.<Cite source="a" /> Last. <Cite source="a" />\nline', text: 'A claim. Another. Last. line' },
    { name: 'joins the hard-wrapped lines of a paragraph and keeps paragraphs apart', mdx: 'One line\nand the next.\n\n\nSecond   paragraph.\n', text: 'One line and the next.\n\nSecond paragraph.' },
    { name: 'keeps list items and quotes on their own lines', mdx: 'Intro:\n- first\n- second\n> quoted', text: 'Intro:\n- first\n- second\n> quoted' },
    { name: 'drops emphasis and code marks', mdx: 'Some **strong**, *emphasised*, _underscored_ and `code` words; snake_case_name stays.', text: 'Some strong, emphasised, underscored and code words; snake_case_name stays.' },
    { name: 'keeps a link’s words and its address', mdx: 'See [the rule](https://example.org/rule).', text: 'See the rule (https://example.org/rule).' },
    { name: 'keeps the words of the allowed elements and turns a line break into one', mdx: '<abbr title="Closed-circuit television">CCTV</abbr> and CO<sub>2</sub><br />next', text: 'CCTV and CO2\nnext' },
    { name: 'writes escaped characters and character references as the characters', mdx: 'A literal \\{ brace, \\<angle\\> and \\*stars\\* &amp; &#8364;.', text: 'A literal { brace, <angle> and *stars* & €.' },
  ])('$name', ({ mdx, text }) => {
    expect(bodyText(mdx)).toBe(text);
  });
});

describe('diffText', () => {
  test('marks the words a later text deleted and inserted, keeping the words both share', () => {
    expect(diffText('The cat sat on the mat.', 'The dog sat on the mat.').map(shown)).toEqual([['The ', '-cat', '+dog', ' sat on the mat.']]);
  });

  test('finds no change when only spaces or line breaks inside a paragraph differ', () => {
    const paragraphs = diffText('A  sentence\nwrapped.', 'A sentence wrapped.');
    expect(paragraphs.flat().every((p) => p.kind === 'same')).toBe(true);
  });

  test('keeps paragraphs apart, and an inserted paragraph is a paragraph of its own', () => {
    expect(diffText('First.\n\nSecond.', 'First.\n\nSecond.\n\nAdded at the end.').map(shown)).toEqual([['First.'], ['Second.'], ['+Added at the end.']]);
  });

  test('shows a deleted paragraph as one deleted run', () => {
    expect(diffText('Kept.\n\nGone for good.', 'Kept.').map(shown)).toEqual([['Kept.'], ['-Gone for good.']]);
  });

  test('shows a text added to an empty field as inserted, and one removed as deleted', () => {
    expect(diffText('', 'Hikvision').map(shown)).toEqual([['+Hikvision']]);
    expect(diffText('Hikvision', '').map(shown)).toEqual([['-Hikvision']]);
  });

  test('gives no paragraph for two empty texts', () => {
    expect(diffText('', '')).toEqual([]);
  });

  test('shows a rewrite too large to diff word by word as the old text deleted and the new inserted', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `old${i}`).join(' ');
    const after = Array.from({ length: 5000 }, (_, i) => `new${i}`).join(' ');
    expect(diffText(before, after).flat().map((p) => p.kind)).toEqual(['deleted', 'inserted']);
  });
});

describe('diffList', () => {
  test('compares items whole and keeps the order of both lists', () => {
    expect(shown(diffList(['Reuters: A', 'BBC: B'], ['Reuters: A', 'FCC: C', 'BBC: B']))).toEqual(['Reuters: A', '+FCC: C', 'BBC: B']);
    expect(shown(diffList(['a', 'b'], ['b', 'c']))).toEqual(['-a', 'b', '+c']);
  });
});

const names: VersionNames = {
  category: (id) => id.replace('-', ' '),
  verification: (id) => id.charAt(0).toUpperCase() + id.slice(1),
  jurisdiction: (id) => id.toUpperCase(),
  vendor: (id) => `Vendor ${id}`,
  body: (id) => `Body ${id}`,
  source: (id) => `Source ${id}`,
};

const data: VersionData = {
  title: 'Military bars cars',
  summary: 'Reported restriction.',
  date: '2021-03-19',
  dates: [{ kind: 'reported', date: '2021-03-20', note: 'by Reuters' }],
  category: 'reciprocal-restriction',
  verification: 'reported',
  verificationNote: 'Anonymous sources.',
  jurisdictions: ['china'],
  vendors: [{ id: 'tesla', basis: 'reported' }],
  bodies: [],
  clarifications: [{ claim: 'It was official.', fact: 'No notice was found.' }],
  sources: ['a', 'b'],
};

describe('versionFields', () => {
  test('gives every field a reader sees, in the page’s order, in words', () => {
    expect(versionFields(data, 'Body text.<Cite source="b" />', names)).toEqual([
      { label: 'Title', text: 'Military bars cars' },
      { label: 'Summary', text: 'Reported restriction.' },
      { label: 'Date', text: '19 March 2021\nReported: 20 March 2021 (by Reuters)' },
      { label: 'Category', text: 'reciprocal restriction' },
      { label: 'Verification', text: 'Reported: Anonymous sources.' },
      { label: 'Jurisdictions', text: 'CHINA' },
      { label: 'Vendors', text: 'Vendor tesla (reported)' },
      { label: 'People and bodies', text: '' },
      { label: 'Clarifications', text: 'Claim: It was official.\nRecord: No notice was found.' },
      { label: 'Text', text: 'Body text.' },
      { label: 'Sources', items: ['Source a', 'Source b'] },
    ]);
  });

  test('gives an end date after the date', () => {
    expect(versionFields({ ...data, date: '2021', endDate: '2022-06', dates: [] }, '', names)[2]).toEqual({ label: 'Date', text: '2021 to June 2022' });
  });
});
describe('vendor bases in a diff', () => {
  test('are left out when comparing with a version kept before bases were recorded, so they never read as a correction', () => {
    const old = { ...data, vendors: [{ id: 'tesla' }] };
    const fields = (d: VersionData, vendorBases: boolean) => versionFields(d, 'Body.', names, { vendorBases });
    expect(diffVersions(fields(old, false), fields(data, false)).filter((f) => f.label === 'Vendors' && f.changed)).toEqual([]);
    expect(diffVersions(fields(old, true), fields(data, true)).find((f) => f.label === 'Vendors')?.changed).toBe(true);
    expect(fields(data, true).find((f) => f.label === 'Vendors')).toEqual({ label: 'Vendors', text: 'Vendor tesla (reported)' });
  });
});


describe('diffVersions', () => {
  const before = versionFields(data, 'Reuters said it.<Cite source="a" />', names);
  const after = versionFields({ ...data, category: 'government-restriction', sources: ['b', 'c'] }, 'Bloomberg said it.<Cite source="b" />', names);
  const diff = diffVersions(before, after);
  const field = (label: string) => diff.find((f) => f.label === label)!;

  test('says which fields changed and which did not', () => {
    expect(diff.filter((f) => f.changed).map((f) => f.label)).toEqual(['Category', 'Text', 'Sources']);
    expect(field('Title')).toEqual({ label: 'Title', kind: 'text', changed: false, paragraphs: [[{ kind: 'same', text: 'Military bars cars' }]] });
  });

  test('diffs prose word by word, leaving citations out, and sources item by item', () => {
    const category = field('Category');
    expect(category.kind === 'text' && category.paragraphs.map(shown)).toEqual([['-reciprocal', '+government', ' restriction']]);
    const text = field('Text');
    expect(text.kind === 'text' && text.paragraphs.map(shown)).toEqual([['-Reuters', '+Bloomberg', ' said it.']]);
    const sources = field('Sources');
    expect(sources.kind === 'list' && shown(sources.items)).toEqual(['-Source a', 'Source b', '+Source c']);
  });

  test('keeps a field only the earlier version has, after the field it followed', () => {
    const labels = diffVersions(
      [{ label: 'Title', text: 'A' }, { label: 'Gone', text: 'x' }, { label: 'Text', text: 'B' }],
      [{ label: 'Title', text: 'A' }, { label: 'Text', text: 'B' }],
    );
    expect(labels.map((f) => `${f.label}${f.changed ? '*' : ''}`)).toEqual(['Title', 'Gone*', 'Text']);
  });
});
