import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import {
  citationFile,
  citationStyles,
  citationText,
  escapeBibtex,
  formatApa,
  formatBibtex,
  formatChicago,
  formatChicagoNote,
  formatCitationDate,
  formatCslJson,
  formatIssuedDate,
  formatMla,
  formatRis,
  titleCase,
  toCitationInput,
  toMeasureCitationInput,
  type CitationInput,
  citationDataUrl,
  citedTitle,
} from '../../src/lib/citation/citation.ts';

// citation-js ships no type declarations; these are the few members the tests use.
interface CslItem {
  title?: string;
  URL?: string;
  type?: string;
  language?: string;
  abstract?: string;
  publisher?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  author?: { literal?: string; family?: string }[];
}
interface CiteConstructor {
  new (data: unknown, options?: { forceType?: string }): { data: CslItem[] };
}
const require = createRequire(import.meta.url);
const { Cite, plugins } = require('@citation-js/core') as { Cite: CiteConstructor; plugins: { input: { chainLink(data: unknown): unknown } } };
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

const uk: CitationInput = {
  id: '2022-11-24-uk-sensitive-sites-surveillance-restriction',
  title: 'UK tells government departments to stop deploying Chinese-law-bound surveillance cameras on sensitive sites',
  url: 'https://example.org/entries/2022-11-24-uk-sensitive-sites-surveillance-restriction/',
  siteName: 'CCTV Restrictions Timeline',
  publisher: 'CCTV Restrictions Timeline',
  date: '2026-11-29',
  dateKind: 'published',
  accessed: '2026-12-03',
  summary: 'A written ministerial statement instructed departments to stop deploying cameras.',
  language: 'en-GB',
};

const us: CitationInput = {
  ...uk,
  id: '2019-10-07-us-entity-list',
  title: 'US adds Hikvision and Dahua to the Entity List',
  url: 'https://example.org/tl/entries/2019-10-07-us-entity-list/',
  date: '2026-06-09',
  dateKind: 'modified',
  accessed: '2027-01-15',
};

/** Version 2 of a measure, made by a stage known only to the month. */
const stage: CitationInput = {
  ...uk,
  id: 'canada-hikvision-closure-order-v2',
  title: 'Canadian closure order',
  url: 'https://example.org/measures/canada-hikvision-closure-order/v/2/',
  date: '2025-07',
  dateKind: 'modified',
  summary: 'Order to close Hikvision Canada. Version 2: challenged, July 2025.',
  version: 2,
};

const tricky: CitationInput = {
  ...uk,
  id: '2023-01-01-tricky',
  title: 'R&D at 100% {braces} "quoted" <script>alert(1)</script> #1 $5 under_score ~ ^ \\ back',
  summary: 'Summary with <b>tags</b> & ampersands',
};

describe('formatCitationDate', () => {
  test.each([
    ['2026-12-03', 'long', 'December 3, 2026'],
    ['2026-12-03', 'mla', '3 Dec. 2026'],
    ['2026-09-30', 'mla', '30 Sept. 2026'],
    ['2026-06-01', 'mla', '1 June 2026'],
    ['2026-05-09', 'mla', '9 May 2026'],
    ['2026-12-03', 'iso', '2026-12-03'],
    ['2026-12-03', 'ris', '2026/12/03/'],
    ['2026-02-03', 'csl', '2026, 2, 3'],
    ['2026-02-03', 'prose', '3 February 2026'],
  ] as const)('writes %s in the %s style as "%s"', (iso, style, expected) => {
    expect(formatCitationDate(iso, style)).toBe(expected);
  });

  test('abbreviates every month as MLA 9 does', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatCitationDate(`2026-${String(i + 1).padStart(2, '0')}-01`, 'mla').slice(2, -5));
    expect(months).toEqual(['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']);
  });

  test('rejects a date that is not to the day', () => {
    expect(() => formatCitationDate('2026-12', 'long')).toThrow(/YYYY-MM-DD/);
  });
});

describe('formatIssuedDate', () => {
  test.each([
    ['2025-07-03', 'apa', '2025, July 3'],
    ['2025-07', 'apa', '2025, July'],
    ['2025', 'apa', '2025'],
    ['2025-09-03', 'mla', '3 Sept. 2025'],
    ['2025-09', 'mla', 'Sept. 2025'],
    ['2025', 'mla', '2025'],
    ['2025-07-03', 'chicago', 'July 3, 2025'],
    ['2025-07', 'chicago', 'July 2025'],
    ['2025', 'chicago', '2025'],
    ['2025-07-03', 'ris', '2025/07/03/'],
    ['2025-07', 'ris', '2025/07//'],
    ['2025', 'ris', '2025///'],
  ] as const)('writes %s in the %s style as "%s", to its precision', (iso, style, expected) => {
    expect(formatIssuedDate(iso, style)).toBe(expected);
  });
});

describe('titleCase', () => {
  test.each([
    [uk.title, 'UK Tells Government Departments to Stop Deploying Chinese-Law-Bound Surveillance Cameras on Sensitive Sites'],
    ['US adds Hikvision and Dahua to the entity list', 'US Adds Hikvision and Dahua to the Entity List'],
    ['what the iPhone ban is about', 'What the iPhone Ban Is About'],
    ['councils review cameras: a survey of the evidence', 'Councils Review Cameras: A Survey of the Evidence'],
  ])('capitalises "%s" as "%s"', (input, expected) => {
    expect(titleCase(input)).toBe(expected);
  });
});

describe('reading styles', () => {
  test.each([
    [
      'APA 7 with the site as group author and a retrieval date',
      formatApa,
      uk,
      'CCTV Restrictions Timeline. (2026, November 29). UK tells government departments to stop deploying Chinese-law-bound surveillance cameras on sensitive sites. Retrieved December 3, 2026, from https://example.org/entries/2022-11-24-uk-sensitive-sites-surveillance-restriction/',
    ],
    [
      'APA 7 dated by the last update',
      formatApa,
      us,
      'CCTV Restrictions Timeline. (2026, June 9). US adds Hikvision and Dahua to the Entity List. Retrieved January 15, 2027, from https://example.org/tl/entries/2019-10-07-us-entity-list/',
    ],
    [
      'MLA 9 beginning with the title and giving the URL without its scheme',
      formatMla,
      uk,
      '“UK Tells Government Departments to Stop Deploying Chinese-Law-Bound Surveillance Cameras on Sensitive Sites.” CCTV Restrictions Timeline, 29 Nov. 2026, example.org/entries/2022-11-24-uk-sensitive-sites-surveillance-restriction/. Accessed 3 Dec. 2026.',
    ],
    [
      'MLA 9 dated by the last update',
      formatMla,
      us,
      '“US Adds Hikvision and Dahua to the Entity List.” CCTV Restrictions Timeline, 9 June 2026, example.org/tl/entries/2019-10-07-us-entity-list/. Accessed 15 Jan. 2027.',
    ],
    [
      'Chicago bibliography with the owner as author and the publication date',
      formatChicago,
      uk,
      'CCTV Restrictions Timeline. “UK Tells Government Departments to Stop Deploying Chinese-Law-Bound Surveillance Cameras on Sensitive Sites.” Published November 29, 2026. https://example.org/entries/2022-11-24-uk-sensitive-sites-surveillance-restriction/.',
    ],
    [
      'Chicago bibliography with the revision date',
      formatChicago,
      us,
      'CCTV Restrictions Timeline. “US Adds Hikvision and Dahua to the Entity List.” Last modified June 9, 2026. https://example.org/tl/entries/2019-10-07-us-entity-list/.',
    ],
    [
      'Chicago note in commas',
      formatChicagoNote,
      us,
      'CCTV Restrictions Timeline, “US Adds Hikvision and Dahua to the Entity List,” last modified June 9, 2026, https://example.org/tl/entries/2019-10-07-us-entity-list/.',
    ],
    [
      'APA 7 of a version: named in the title, dated to its precision, with no retrieval date for a text that never changes',
      formatApa,
      stage,
      'CCTV Restrictions Timeline. (2025, July). Canadian closure order, version 2. https://example.org/measures/canada-hikvision-closure-order/v/2/',
    ],
    [
      'MLA 9 of a version, dated to the month',
      formatMla,
      stage,
      '“Canadian Closure Order, Version 2.” CCTV Restrictions Timeline, July 2025, example.org/measures/canada-hikvision-closure-order/v/2/. Accessed 3 Dec. 2026.',
    ],
    [
      'Chicago bibliography of a version, dated to the month',
      formatChicago,
      stage,
      'CCTV Restrictions Timeline. “Canadian Closure Order, Version 2.” Last modified July 2025. https://example.org/measures/canada-hikvision-closure-order/v/2/.',
    ],
  ])('%s', (_name, format, input, expected) => {
    expect(citationText(format(input))).toBe(expected);
  });

  test('APA sets the title in italics and marks the retrieval date for replacement', () => {
    const parts = formatApa(uk);
    expect(parts).toContainEqual({ italic: uk.title });
    expect(parts).toContainEqual({ accessed: 'long', text: 'December 3, 2026' });
  });

  test('MLA italicises the website and marks the access date', () => {
    const parts = formatMla(uk);
    expect(parts).toContainEqual({ italic: 'CCTV Restrictions Timeline' });
    expect(parts).toContainEqual({ accessed: 'mla', text: '3 Dec. 2026' });
  });

  test('a title ending in a question mark gets no extra full stop or comma', () => {
    const q = { ...uk, title: 'Who banned the cameras?' };
    expect(citationText(formatApa(q))).toContain('Who banned the cameras? Retrieved');
    expect(citationText(formatMla(q))).toMatch(/^“Who Banned the Cameras\?” CCTV/);
    expect(citationText(formatChicagoNote(q))).toContain('“Who Banned the Cameras?” published');
  });

  test('double quotes inside a quoted title become single quotes', () => {
    expect(citationText(formatMla({ ...uk, title: 'The "ban" that was not' }))).toMatch(/^“The ‘Ban’ That Was Not\.”/);
  });
});

describe('BibTeX', () => {
  test("names every month by BibTeX's own macro", () => {
    const months = Array.from({ length: 12 }, (_, i) => /month = (\w+),/.exec(citationText(formatBibtex({ ...uk, date: `2026-${String(i + 1).padStart(2, '0')}-01` })))?.[1]);
    expect(months).toEqual(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
  });

  test('writes an @online entry with the site as author only, and the language and abstract Zotero reads', () => {
    expect(citationText(formatBibtex(us))).toBe(
      [
        '@online{cctvtimeline-2019-10-07-us-entity-list,',
        '  author = {{CCTV Restrictions Timeline}},',
        '  title = {{US adds Hikvision and Dahua to the Entity List}},',
        '  date = {2026-06-09},',
        '  year = {2026},',
        '  month = jun,',
        '  url = {https://example.org/tl/entries/2019-10-07-us-entity-list/},',
        '  urldate = {2027-01-15},',
        '  language = {en-GB},',
        '  langid = {british},',
        '  abstract = {A written ministerial statement instructed departments to stop deploying cameras.}',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('has no howpublished or organization field, which Zotero turned into Extra and a publisher', () => {
    const text = citationText(formatBibtex(uk));
    expect(text).not.toMatch(/howpublished|organization|publisher/);
  });

  test('dates a version known only to the month by that month, and names the version in the title', () => {
    const text = citationText(formatBibtex(stage));
    expect(text).toContain('  title = {{Canadian closure order, version 2}},\n');
    expect(text).toContain('  date = {2025-07},\n  year = {2025},\n  month = jul,\n');
  });

  test('ends with its last field when there is no summary', () => {
    const { summary: _summary, ...withoutSummary } = uk;
    const text = citationText(formatBibtex(withoutSummary));
    expect(text.endsWith('  langid = {british}\n}\n')).toBe(true);
  });

  test.each([
    ['R&D', 'R\\&D'],
    ['100%', '100\\%'],
    ['{x}', '\\{x\\}'],
    ['$5 #1 a_b', '\\$5 \\#1 a\\_b'],
    ['a~b^c', 'a\\textasciitilde{}b\\textasciicircum{}c'],
    ['back\\slash', 'back\\textbackslash{}slash'],
    ['"quoted" <script>', '"quoted" <script>'],
  ])('escapes %s as %s', (input, expected) => {
    expect(escapeBibtex(input)).toBe(expected);
  });

  test.each([uk, us, tricky, stage])('round-trips $id through a BibTeX parser as a web page with its title, URL, dates, language and abstract', (input) => {
    const [item] = new Cite(citationText(formatBibtex(input))).data;
    expect(item?.type).toBe('webpage');
    expect(item?.title).toBe(citedTitle(input));
    expect(item?.URL).toBe(input.url);
    expect(item?.issued?.['date-parts'][0]).toEqual(input.date.split('-').map(Number));
    expect(item?.accessed?.['date-parts'][0]).toEqual(input.accessed.split('-').map(Number));
    expect(item?.language).toBe('en-GB');
    expect(item?.abstract).toBe(input.summary);
    expect(item?.publisher).toBeUndefined();
  });

  test('keeps the organisational author whole', () => {
    const [item] = new Cite(citationText(formatBibtex(uk))).data;
    expect(item?.author).toHaveLength(1);
    expect(item?.author?.[0]?.literal ?? item?.author?.[0]?.family).toBe('CCTV Restrictions Timeline');
  });
});

describe('RIS', () => {
  test('writes an ELEC record with CRLF line endings and a closing ER line', () => {
    const text = citationText(formatRis(uk));
    expect(text.startsWith('TY  - ELEC\r\n')).toBe(true);
    expect(text.endsWith('ER  - \r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('\r\nY2  - 2026/12/03/\r\n');
    expect(text).toContain('\r\nDA  - 2026/11/29/\r\n');
    expect(text).toContain('\r\nAU  - CCTV Restrictions Timeline,\r\n');
    expect(text).toContain('\r\nT2  - CCTV Restrictions Timeline\r\n');
  });

  test('names the site as author and website but not as publisher', () => {
    expect(citationText(formatRis(uk))).not.toMatch(/^PB {2}- /m);
  });

  test('dates a version known only to the month as RIS writes a partial date, and names the version', () => {
    const text = citationText(formatRis(stage));
    expect(text).toContain('\r\nTI  - Canadian closure order, version 2\r\n');
    expect(text).toContain('\r\nPY  - 2025/07//\r\nDA  - 2025/07//\r\n');
  });

  test('puts a multi-line value on one line, so no line can start a false tag', () => {
    const text = citationText(formatRis({ ...uk, title: 'One\nER  - two' }));
    expect(text).toContain('TI  - One ER - two\r\n');
    expect(text.match(/^ER {2}- /gm)).toHaveLength(1);
  });

  test.each([uk, us, tricky, stage])('round-trips title, URL and dates of $id through an RIS parser', (input) => {
    const ris = citationText(formatRis(input));
    const [item] = new Cite(ris, { forceType: '@ris/file' }).data;
    expect(item?.type).toBe('webpage');
    expect(item?.title).toBe(citedTitle(input));
    expect(item?.URL).toBe(input.url);
    expect(item?.issued?.['date-parts'][0]).toEqual(input.date.split('-').map(Number));
    expect(item?.publisher).toBeUndefined();
    // The RIS mapping of citation-js reads web-page access dates from other tags; the raw record shows Y2.
    const [record] = plugins.input.chainLink(ris) as Record<string, string>[];
    expect(record?.['Y2']).toBe(input.accessed.replaceAll('-', '/') + '/');
  });
});

describe('CSL-JSON', () => {
  test('is an array of one webpage item with issued, accessed, URL and container title', () => {
    const [item] = JSON.parse(citationText(formatCslJson(us))) as Record<string, unknown>[];
    expect(item).toMatchObject({
      type: 'webpage',
      title: us.title,
      URL: us.url,
      'container-title': 'CCTV Restrictions Timeline',
      author: [{ literal: 'CCTV Restrictions Timeline' }],
      issued: { 'date-parts': [[2026, 6, 9]] },
      accessed: { 'date-parts': [[2027, 1, 15]] },
      language: 'en-GB',
    });
  });

  test('gives the site as author and website but not also as publisher, which APA styles print a second time', () => {
    const [item] = JSON.parse(citationText(formatCslJson(us))) as Record<string, unknown>[];
    expect(item).not.toHaveProperty('publisher');
    const fieldsNamingTheSite = Object.entries(item!).filter(([, value]) => JSON.stringify(value).includes('CCTV Restrictions Timeline')).map(([key]) => key);
    expect(fieldsNamingTheSite.sort()).toEqual(['author', 'container-title']);
  });

  test('dates a version known only to the month by its year and month', () => {
    const [item] = JSON.parse(citationText(formatCslJson(stage))) as Record<string, unknown>[];
    expect(item).toMatchObject({ title: 'Canadian closure order, version 2', issued: { 'date-parts': [[2025, 7]] } });
  });

  test('marks the accessed date parts for replacement', () => {
    expect(formatCslJson(uk)).toContainEqual({ accessed: 'csl', text: '2026, 12, 3' });
  });

  test.each([uk, us, tricky, stage])('round-trips title, URL and dates of $id through citation-js', (input) => {
    const [item] = new Cite(JSON.parse(citationText(formatCslJson(input)))).data;
    expect(item?.title).toBe(citedTitle(input));
    expect(item?.URL).toBe(input.url);
    expect(item?.issued?.['date-parts'][0]).toEqual(input.date.split('-').map(Number));
    expect(item?.accessed?.['date-parts'][0]).toEqual(input.accessed.split('-').map(Number));
  });
});

describe('citationStyles and citationFile', () => {
  test('offers seven styles, each with the accessed date where its rules ask for one', () => {
    const styles = citationStyles(uk);
    expect(styles.map((s) => s.id)).toEqual(['apa', 'mla', 'chicago', 'chicago-note', 'bibtex', 'ris', 'csl-json']);
    const withAccessed = styles.filter((s) => s.parts.some((p) => typeof p === 'object' && 'accessed' in p)).map((s) => s.id);
    expect(withAccessed).toEqual(['apa', 'mla', 'bibtex', 'ris', 'csl-json']);
  });

  test('leaves the retrieval date out of APA for a version, and keeps it in the other formats', () => {
    const withAccessed = citationStyles(stage).filter((s) => s.parts.some((p) => typeof p === 'object' && 'accessed' in p)).map((s) => s.id);
    expect(withAccessed).toEqual(['mla', 'bibtex', 'ris', 'csl-json']);
  });

  test('names the version in the title of every style and format of a version', () => {
    for (const style of citationStyles(stage)) expect(citationText(style.parts), style.id).toMatch(/Canadian closure order, version 2|Canadian Closure Order, Version 2/);
  });

  test.each([
    ['bib', '@online{'],
    ['ris', 'TY  - ELEC'],
    ['json', '[\n  {'],
  ] as const)('the .%s file starts with %j', (ext, start) => {
    expect(citationFile(uk, ext).startsWith(start)).toBe(true);
  });
});

describe('citedTitle', () => {
  test.each([
    [{ title: 'A title' }, 'A title'],
    [{ title: 'A title', version: 1 }, 'A title, version 1'],
    [{ title: 'A  title\nwrapped', version: 3 }, 'A title wrapped, version 3'],
  ])('cites %j as "%s"', (input, expected) => {
    expect(citedTitle(input)).toBe(expected);
  });
});

describe('toCitationInput', () => {
  const data = { title: uk.title, summary: 'S.', published: '2026-11-29' };

  test('takes the site as publisher, the first publication as the date and the build day as accessed', () => {
    expect(toCitationInput({ id: uk.id, data }, { url: uk.url, accessed: '2026-12-01' })).toEqual({
      id: uk.id,
      title: uk.title,
      url: uk.url,
      siteName: 'CCTV Restrictions Timeline',
      publisher: 'CCTV Restrictions Timeline',
      date: '2026-11-29',
      dateKind: 'published',
      accessed: '2026-12-01',
      summary: 'S.',
      language: 'en-GB',
    });
  });

  test('dates the entry by its update only when it differs from the publication day', () => {
    const on = (updated: string) => toCitationInput({ id: uk.id, data: { ...data, updated } }, { url: uk.url, accessed: '2026-12-01' });
    expect([on('2026-11-29').date, on('2026-11-29').dateKind]).toEqual(['2026-11-29', 'published']);
    expect([on('2026-12-01').date, on('2026-12-01').dateKind]).toEqual(['2026-12-01', 'modified']);
  });

  test('cites a version with its own key, its number and the day that version was made', () => {
    const later = { ...data, updated: '2026-12-20' };
    const v1 = toCitationInput({ id: uk.id, data: later }, { url: `${uk.url}v/1/`, accessed: '2026-12-21', version: { n: 1, date: '2026-11-29' } });
    expect(v1).toMatchObject({ id: `${uk.id}-v1`, date: '2026-11-29', dateKind: 'published', version: 1 });
    const v2 = toCitationInput({ id: uk.id, data: later }, { url: `${uk.url}v/2/`, accessed: '2026-12-21', version: { n: 2, date: '2026-12-05' } });
    expect(v2).toMatchObject({ date: '2026-12-05', dateKind: 'modified', version: 2 });
    expect(citationText(formatChicago(v2))).toContain(`, Version 2.” Last modified December 5, 2026. ${uk.url}v/2/.`);
    expect(citationText(formatApa(v2))).not.toContain('Retrieved');
  });
});

describe('toMeasureCitationInput', () => {
  const measure = { id: 'us-entity-list', data: { shortName: 'US Entity List', statusAsOf: '2026-12-01' } };
  const url = 'https://example.org/measures/us-entity-list/';

  test('cites the measure page by its short name, dated by its last check as a change', () => {
    const input = toMeasureCitationInput(measure, { url, accessed: '2026-12-03', summary: 'The list. Status: in force.' });
    expect(input).toEqual({
      id: 'us-entity-list',
      title: 'US Entity List',
      url,
      siteName: 'CCTV Restrictions Timeline',
      publisher: 'CCTV Restrictions Timeline',
      date: '2026-12-01',
      dateKind: 'modified',
      accessed: '2026-12-03',
      summary: 'The list. Status: in force.',
      language: 'en-GB',
    });
    expect(citationText(formatApa(input))).toBe(`CCTV Restrictions Timeline. (2026, December 1). US Entity List. Retrieved December 3, 2026, from ${url}`);
  });

  test.each([
    [1, '2019-10-07', 'published', 'Published October 7, 2019.'],
    [2, '2019-10', 'modified', 'Last modified October 2019.'],
  ] as const)('cites version %i by its own URL, key and stage date (%s), as %s', (n, date, dateKind, chicago) => {
    const input = toMeasureCitationInput(measure, { url: `${url}v/${n}/`, accessed: '2026-12-03', summary: 'S.', version: { n, date } });
    expect(input).toMatchObject({ id: `us-entity-list-v${n}`, url: `${url}v/${n}/`, date, dateKind, version: n });
    expect(citationText(formatChicago(input))).toBe(`CCTV Restrictions Timeline. “US Entity List, Version ${n}.” ${chicago} ${url}v/${n}/.`);
  });
});

describe('citationDataUrl', () => {
  test.each([
    ['bib', 'data:application/x-bibtex;charset=utf-8,'],
    ['ris', 'data:application/x-research-info-systems;charset=utf-8,'],
    ['json', 'data:application/vnd.citationstyles.csl+json;charset=utf-8,'],
  ] as const)('makes a .%s download that decodes back to the text, with its media type', (ext, prefix) => {
    const text = 'TY  - ELEC\r\nTI  - A & B, 100% "quoted" <tag>\r\nER  - \r\n';
    const url = citationDataUrl(text, ext);
    expect(url.startsWith(prefix)).toBe(true);
    expect(decodeURIComponent(url.slice(prefix.length))).toBe(text);
    expect(url).not.toMatch(/[\s<>"]/);
  });
});
