/**
 * Citations of one page of the site (an entry, a measure, or one version of either) in the styles
 * readers ask for (APA 7, MLA 9, Chicago notes-bibliography) and the machine formats reference
 * managers import (biblatex, RIS, CSL-JSON).
 *
 * The site is the author of every page, so each style gets the site as an organisational author
 * where its rules want one, and its own no-author rule where they do not (MLA begins with the
 * title when the organisation is both author and publisher). The machine formats name the site
 * once as author and once as the website, never also as publisher: CSL styles cannot tell that
 * two fields hold the same name, and APA then prints it twice after the title (measured with
 * citation-js, see the README's "Citing" section).
 *
 * A version's own page (`…/v/<n>/`) is cited as that version: its title names it ("…, version 2")
 * in every format, and APA gives no retrieval date, which APA 7 keeps for pages that change.
 *
 * Every formatter returns parts rather than a string: italic runs and the accessed date are
 * marked, so a page can render italics and a script can put the reader's own "today" in place of
 * the build date without re-formatting anything else. {@link citationText} joins parts to text.
 */
import type { Entry } from '../../schemas/entry.ts';
import type { Measure } from '../../schemas/measure.ts';
import { parsePartialDate } from '../model/dates.ts';
import { monthName } from '../model/months.ts';
import { contentType, LANGUAGE, PUBLISHER, SITE_NAME, type MediaType } from '../site/site.ts';

/** What a citation of one page needs. The date of access is a day, `YYYY-MM-DD`. */
export interface CitationInput {
  /** The page's id: the entry's or the measure's (its file name), with `-v<n>` for a version. It makes the citation key and the download's file name. */
  id: string;
  /** The page's title, as published, without the version (see `version`). */
  title: string;
  /** The absolute permanent URL of the page cited. */
  url: string;
  /** The website's name (the container). */
  siteName: string;
  /** Who publishes the site and authors its pages; here the same as `siteName`. */
  publisher: string;
  /**
   * The date the citation gives, the date of the text cited: an entry's last update (or its first
   * publication), a version's own date, a measure's last check. An ISO date of any precision
   * (`2025`, `2025-07`, `2025-07-03`): a measure's stages are not all known to the day.
   */
  date: string;
  /** Whether `date` is the first publication of the text or a later change: Chicago says "Published" or "Last modified". */
  dateKind: 'published' | 'modified';
  /** The day the reader consulted the page. */
  accessed: string;
  /** The page's summary, offered as the abstract in the machine formats. */
  summary?: string;
  /** The BCP 47 language of the page. */
  language: string;
  /**
   * The number of the version cited, when the page is that version's own (`…/v/<n>/`): the title
   * then names it, and APA gives no retrieval date, since the text of a version never changes.
   */
  version?: number;
}

/** How a date of access is written in a given format. */
export type AccessedStyle = 'long' | 'mla' | 'iso' | 'ris' | 'csl' | 'prose';

/** A run of a citation: plain text, an italic run, or the date of access in a given style. */
export type CitationPart = string | { italic: string } | { accessed: AccessedStyle; text: string };

/** The styles and formats offered. */
export type CitationStyleId = 'apa' | 'mla' | 'chicago' | 'chicago-note' | 'bibtex' | 'ris' | 'csl-json';

/** A rendered style for a page: its id, its human label, its parts, and how to show it. */
export interface CitationStyle {
  id: CitationStyleId;
  /** The style's name as readers know it, e.g. "APA (7th edition)". */
  label: string;
  /** `text` for reading styles, `code` for machine formats shown as preformatted text. */
  kind: 'text' | 'code';
  parts: CitationPart[];
}

/** A downloadable citation file: its extension, style and media type. */
export interface CitationDownload {
  ext: 'bib' | 'ris' | 'json';
  style: 'bibtex' | 'ris' | 'csl-json';
  label: string;
  mediaType: MediaType;
}

/** The citation files offered for download in every cite box. */
export const CITATION_DOWNLOADS: readonly CitationDownload[] = [
  { ext: 'bib', style: 'bibtex', label: 'BibTeX', mediaType: 'bibtex' },
  { ext: 'ris', style: 'ris', label: 'RIS', mediaType: 'ris' },
  { ext: 'json', style: 'csl-json', label: 'CSL-JSON', mediaType: 'cslJson' },
];

/** MLA 9 abbreviates a month name longer than four letters to three letters and a full stop, September to "Sept.". */
function mlaMonth(month: number): string {
  const name = monthName(month);
  if (name.length <= 4) return name;
  return `${name.slice(0, name === 'September' ? 4 : 3)}.`;
}

/** BibTeX's month macros are the first three letters in lower case (`nov`). */
const bibtexMonth = (month: number) => monthName(month).slice(0, 3).toLowerCase();

function dayParts(iso: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`expected a YYYY-MM-DD date, got "${iso}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The parts of a date of any precision: the year, then the month and the day where known. */
function dateParts(iso: string): number[] {
  const { year, month, day } = parsePartialDate(iso);
  return [year, ...(month === undefined ? [] : [month]), ...(day === undefined ? [] : [day])];
}

/**
 * Writes the date of a cited text, to its precision, in the form a style uses.
 * @example formatIssuedDate('2025-07', 'apa') // '2025, July'
 * @example formatIssuedDate('2025-07-03', 'chicago') // 'July 3, 2025'
 * @example formatIssuedDate('2025-09', 'mla') // 'Sept. 2025'
 * @example formatIssuedDate('2025-07', 'ris') // '2025/07//'
 */
export function formatIssuedDate(iso: string, style: 'apa' | 'mla' | 'chicago' | 'ris'): string {
  const [y, m, d] = dateParts(iso);
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  switch (style) {
    case 'apa':
      return m === undefined ? `${y}` : `${y}, ${monthName(m)}${d === undefined ? '' : ` ${d}`}`;
    case 'mla':
      return m === undefined ? `${y}` : `${d === undefined ? '' : `${d} `}${mlaMonth(m)} ${y}`;
    case 'chicago':
      return m === undefined ? `${y}` : `${monthName(m)}${d === undefined ? '' : ` ${d},`} ${y}`;
    case 'ris':
      return `${y}/${pad(m)}/${pad(d)}/`;
  }
}

/**
 * Writes a day in one of the forms the citation formats use.
 * @example formatCitationDate('2026-12-03', 'long') // 'December 3, 2026'
 * @example formatCitationDate('2026-12-03', 'mla') // '3 Dec. 2026'
 * @example formatCitationDate('2026-12-03', 'ris') // '2026/12/03/'
 * @example formatCitationDate('2026-12-03', 'csl') // '2026, 12, 3'
 * @example formatCitationDate('2026-12-03', 'prose') // '3 December 2026'
 */
export function formatCitationDate(iso: string, style: AccessedStyle): string {
  const [y, m, d] = dayParts(iso);
  switch (style) {
    case 'long':
      return `${monthName(m)} ${d}, ${y}`;
    case 'mla':
      return `${d} ${mlaMonth(m)} ${y}`;
    case 'iso':
      return iso;
    case 'ris':
      return iso.replaceAll('-', '/') + '/';
    case 'csl':
      return `${y}, ${m}, ${d}`;
    case 'prose':
      return `${d} ${monthName(m)} ${y}`;
  }
}

/** Joins parts into the plain text a reader copies or a file holds. */
export function citationText(parts: readonly CitationPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : 'italic' in p ? p.italic : p.text)).join('');
}

const accessedPart = (input: CitationInput, style: AccessedStyle): CitationPart => ({ accessed: style, text: formatCitationDate(input.accessed, style) });

/** One line of text: citations never carry line breaks or runs of spaces. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The title a citation gives: the page's, naming the version on a version's own page.
 * @example citedTitle({ title: 'UK sensitive-sites instruction', version: 2 }) // 'UK sensitive-sites instruction, version 2'
 */
export function citedTitle(input: Pick<CitationInput, 'title' | 'version'>): string {
  const title = oneLine(input.title);
  return input.version === undefined ? title : `${title}, version ${input.version}`;
}

/** MLA and Chicago set titles in double quotes; double quotes inside them become single. */
const quoteTitle = (title: string, mark: '.' | ','): string => {
  const inner = title.replace(/[“”"]/g, (_quote, offset: number, all: string) => {
    const before = all[offset - 1];
    return before === undefined || /[\s([{\u2014-]/.test(before) ? '‘' : '’';
  });
  return /[?!]$/.test(inner) ? `“${inner}”` : `“${inner}${mark}”`;
};

const MINOR_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via',
  'vs', 'vs.', 'from', 'into', 'onto', 'over', 'with', 'without', 'about', 'after', 'against', 'among', 'before', 'between',
  'during', 'under', 'upon', 'within', 'through', 'across', 'along', 'around', 'behind', 'below', 'beyond', 'despite',
  'except', 'inside', 'near', 'outside', 'since', 'toward', 'towards', 'until', 'than',
]);

function capitalise(segment: string): string {
  // Only all-lower-case words change; "iPhone", "UK" and "McCarthy" stay as written.
  if (/\p{Lu}/u.test(segment)) return segment;
  return segment.replace(/^([^\p{L}]*)(\p{Ll})/u, (_m, lead: string, first: string) => lead + first.toUpperCase());
}

/**
 * Headline-style capitalisation for MLA and Chicago: major words capitalised, articles,
 * prepositions and coordinating conjunctions lower-case unless first, last or after a colon.
 * Words already carrying a capital are left alone, so names and acronyms survive.
 * @example titleCase('UK tells departments to stop deploying cameras on sensitive sites') // 'UK Tells Departments to Stop Deploying Cameras on Sensitive Sites'
 */
export function titleCase(title: string): string {
  let cased = titleCases.get(title);
  if (cased === undefined) {
    cased = caseTitle(title);
    // A page's title is cased by MLA and both Chicago forms, in each of its cite boxes.
    if (titleCases.size >= 1000) titleCases.clear();
    titleCases.set(title, cased);
  }
  return cased;
}

const titleCases = new Map<string, string>();

function caseTitle(title: string): string {
  const words = title.split(' ');
  return words
    .map((word, i) => {
      const forced = i === 0 || i === words.length - 1 || /[:?!\u2014]$/.test(words[i - 1] ?? '');
      return word
        .split('-')
        .map((segment, j) => {
          const bare = segment.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '');
          if (MINOR_WORDS.has(bare) && !(forced && j === 0) && segment === segment.toLowerCase()) return segment;
          return capitalise(segment);
        })
        .join('-');
    })
    .join(' ');
}

/**
 * APA 7, web page with a group author. The group is also the site, so the site name is not
 * repeated; the title is italic and kept in its sentence case. A page that changes over time gets
 * APA's retrieval date; a version's own page, whose text never changes, does not.
 * @example citationText(formatApa(input)) // 'CCTV Restrictions Timeline. (2026, November 29). Title. Retrieved December 3, 2026, from https://…'
 */
export function formatApa(input: CitationInput): CitationPart[] {
  const title = citedTitle(input);
  const end = /[.?!]$/.test(title) ? '' : '.';
  const head: CitationPart[] = [`${input.publisher}. (${formatIssuedDate(input.date, 'apa')}). `, { italic: title }];
  if (input.version !== undefined) return [...head, `${end} ${input.url}`];
  return [...head, `${end} Retrieved `, accessedPart(input, 'long'), `, from ${input.url}`];
}

/**
 * MLA 9, page on a website. The organisation is both author and publisher, so the entry begins
 * with the title (in quotes, title case) and the publisher is not repeated after the container.
 * The URL is given without its scheme, and the access date ends the entry.
 * @example citationText(formatMla(input)) // '“Title.” CCTV Restrictions Timeline, 29 Nov. 2026, example.org/entries/x/. Accessed 3 Dec. 2026.'
 */
export function formatMla(input: CitationInput): CitationPart[] {
  const date = formatIssuedDate(input.date, 'mla');
  const url = input.url.replace(/^https?:\/\//, '');
  return [`${quoteTitle(titleCase(citedTitle(input)), '.')} `, { italic: input.siteName }, `, ${date}, ${url}. Accessed `, accessedPart(input, 'mla'), '.'];
}

const chicagoDate = (input: CitationInput): { label: string; date: string } => ({
  label: input.dateKind === 'modified' ? 'last modified' : 'published',
  date: formatIssuedDate(input.date, 'chicago'),
});

/**
 * Chicago (17th ed.) notes-bibliography, bibliography entry for a web page whose owner stands in
 * as author. The owner is the site, so the site name is not repeated. Chicago asks for an access
 * date only when a page shows no publication or revision date; every cited page shows one.
 * @example citationText(formatChicago(input)) // 'CCTV Restrictions Timeline. “Title.” Published November 29, 2026. https://…'
 */
export function formatChicago(input: CitationInput): CitationPart[] {
  const { label, date } = chicagoDate(input);
  return [`${input.publisher}. ${quoteTitle(titleCase(citedTitle(input)), '.')} ${label[0]!.toUpperCase()}${label.slice(1)} ${date}. ${input.url}.`];
}

/**
 * Chicago notes-bibliography, the full form of a note for the same page.
 * @example citationText(formatChicagoNote(input)) // 'CCTV Restrictions Timeline, “Title,” published November 29, 2026, https://….'
 */
export function formatChicagoNote(input: CitationInput): CitationPart[] {
  const { label, date } = chicagoDate(input);
  return [`${input.publisher}, ${quoteTitle(titleCase(citedTitle(input)), ',')} ${label} ${date}, ${input.url}.`];
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/**
 * Escapes text for a brace-delimited BibTeX field, so that LaTeX prints it as written.
 * @example escapeBibtex('R&D at 100% {now}') // 'R\\&D at 100\\% \\{now\\}'
 */
export function escapeBibtex(text: string): string {
  return oneLine(text).replace(/[\\{}&%$#_^~]/g, (c) => BIBTEX_SPECIALS[c] ?? c);
}

/** The citation key: stable, ASCII, derived from the permanent id. */
const citationKey = (id: string): string => `cctvtimeline-${id}`;

/**
 * A biblatex `@online` entry, which Zotero imports as a Web Page (a `@misc` became a Document,
 * with the site's name in Extra). The site is the author, double-braced so it is never split into
 * given and family names, and is not repeated as `organization` or `howpublished`. `date` and
 * `urldate` for biblatex, `year` and `month` for BibTeX styles; `language` (which Zotero reads) and
 * `langid` (which biblatex uses for hyphenation); the summary as `abstract`. The title is braced
 * whole so styles keep its case.
 */
export function formatBibtex(input: CitationInput): CitationPart[] {
  const [y, m] = dateParts(input.date);
  if (/[\s{}%\\]/.test(input.url)) throw new Error(`a URL that BibTeX cannot hold verbatim: ${input.url}`);
  const fields: CitationPart[][] = [
    [`author = {{${escapeBibtex(input.publisher)}}}`],
    [`title = {{${escapeBibtex(citedTitle(input))}}}`],
    [`date = {${input.date}}`],
    [`year = {${y}}`],
    ...(m === undefined ? [] : [[`month = ${bibtexMonth(m)}`]]),
    [`url = {${input.url}}`],
    ['urldate = {', accessedPart(input, 'iso'), '}'],
    [`language = {${escapeBibtex(input.language)}}`],
    [`langid = {${input.language.toLowerCase() === 'en-gb' ? 'british' : 'english'}}`],
    ...(input.summary ? [[`abstract = {${escapeBibtex(input.summary)}}`]] : []),
  ];
  return [`@online{${citationKey(input.id)},\n`, ...fields.flatMap((field, i) => ['  ', ...field, i < fields.length - 1 ? ',\n' : '\n']), '}\n'];
}

/**
 * An RIS record of type `ELEC`, with CRLF line endings as the format requires. The trailing
 * comma in `AU` marks a corporate author, which importers keep whole; the site is the website
 * (`T2`) and, as in the other formats, not also the publisher (`PB`, which Zotero drops for a web
 * page anyway). A date known only to the month is written `2025/07//`.
 */
export function formatRis(input: CitationInput): CitationPart[] {
  const line = (tag: string, value: string) => `${tag}  - ${oneLine(value)}\r\n`;
  const date = formatIssuedDate(input.date, 'ris');
  const parts: CitationPart[] = [
    line('TY', 'ELEC'),
    line('AU', `${input.publisher},`),
    line('TI', citedTitle(input)),
    line('T2', input.siteName),
    line('PY', date),
    line('DA', date),
    'Y2  - ',
    accessedPart(input, 'ris'),
    '\r\n',
    line('UR', input.url),
  ];
  if (input.summary) parts.push(line('AB', input.summary));
  parts.push(line('LA', input.language), 'ER  - \r\n');
  return parts;
}

/**
 * The CSL-JSON item of a page (without the access date, which {@link formatCslJson} adds): the
 * site as author and as `container-title` (the website, which MLA and Chicago styles print and
 * Zotero keeps as the website title), and no `publisher`, which APA would print as well.
 */
function cslItem(input: CitationInput): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: citationKey(input.id),
    type: 'webpage',
    title: citedTitle(input),
    author: [{ literal: input.publisher }],
    'container-title': input.siteName,
    issued: { 'date-parts': [dateParts(input.date)] },
    URL: input.url,
    language: input.language,
  };
  if (input.summary) item['abstract'] = oneLine(input.summary);
  return item;
}

/** A CSL-JSON file (an array of one `webpage` item), indented, with `accessed` as a marked part. */
export function formatCslJson(input: CitationInput): CitationPart[] {
  const marker = '\u0000accessed\u0000';
  const item = { ...cslItem(input), accessed: { 'date-parts': marker } };
  const json = JSON.stringify([item], null, 2)
    // Date parts on one line read better than five.
    .replace(/"date-parts": \[\s*\[\s*(\d+(?:,\s*\d+)*)\s*\]\s*\]/g, (_all, parts: string) => `"date-parts": [[${parts.split(/,\s*/).join(', ')}]]`);
  const [before, after] = json.split(JSON.stringify(marker));
  if (before === undefined || after === undefined) throw new Error('CSL-JSON marker lost');
  return [`${before}[[`, accessedPart(input, 'csl'), `]]${after}\n`];
}

/** Every style and format of one page, in the order a cite box shows them. */
export function citationStyles(input: CitationInput): CitationStyle[] {
  return [
    { id: 'apa', label: 'APA (7th edition)', kind: 'text', parts: formatApa(input) },
    { id: 'mla', label: 'MLA (9th edition)', kind: 'text', parts: formatMla(input) },
    { id: 'chicago', label: 'Chicago (17th edition), bibliography', kind: 'text', parts: formatChicago(input) },
    { id: 'chicago-note', label: 'Chicago (17th edition), note', kind: 'text', parts: formatChicagoNote(input) },
    { id: 'bibtex', label: 'BibTeX', kind: 'code', parts: formatBibtex(input) },
    { id: 'ris', label: 'RIS', kind: 'code', parts: formatRis(input) },
    { id: 'csl-json', label: 'CSL-JSON', kind: 'code', parts: formatCslJson(input) },
  ];
}

/** The text of a downloadable citation file. */
export function citationFile(input: CitationInput, ext: CitationDownload['ext']): string {
  const download = CITATION_DOWNLOADS.find((d) => d.ext === ext);
  if (!download) throw new Error(`no citation file with extension ${ext}`);
  const parts = download.style === 'bibtex' ? formatBibtex(input) : download.style === 'ris' ? formatRis(input) : formatCslJson(input);
  return citationText(parts);
}

/**
 * A `data:` URL holding a citation file, for a download link that works without JavaScript and
 * without a file per entry and format on the host.
 * @example citationDataUrl('@online{x}', 'bib') // 'data:application/x-bibtex;charset=utf-8,%40online%7Bx%7D'
 */
export function citationDataUrl(text: string, ext: CitationDownload['ext']): string {
  const download = CITATION_DOWNLOADS.find((d) => d.ext === ext);
  if (!download) throw new Error(`no citation file with extension ${ext}`);
  return `data:${contentType(download.mediaType).replace(/;\s*/g, ';')},${encodeURIComponent(text)}`;
}

/** The site's part of every citation input: its name as publisher and website, and its language. */
const SITE = { siteName: SITE_NAME, publisher: PUBLISHER, language: LANGUAGE } as const;

/**
 * The citation input of an entry, given its absolute permanent URL and the day of access. With
 * `version`, it cites that version: its own URL (given as `url`), its day, its number, and a key
 * of its own.
 * @example toCitationInput({ id, data }, { url: 'https://example.org/entries/x/', accessed: '2026-12-03' })
 */
export function toCitationInput(
  entry: { id: string; data: Pick<Entry, 'title' | 'summary' | 'published' | 'updated'> },
  at: { url: string; accessed: string; version?: { n: number; date: string } },
): CitationInput {
  const date = at.version ? at.version.date : (entry.data.updated ?? entry.data.published);
  const input: CitationInput = {
    id: at.version ? `${entry.id}-v${at.version.n}` : entry.id,
    title: entry.data.title,
    url: at.url,
    ...SITE,
    date,
    dateKind: date === entry.data.published ? 'published' : 'modified',
    accessed: at.accessed,
    summary: entry.data.summary,
  };
  if (at.version) input.version = at.version.n;
  return input;
}

/**
 * The citation input of a measure's page, or with `version` of one version's page (see
 * `src/lib/model/measure-versions.ts`). The measure page is dated by its last check
 * (`statusAsOf`), the day it last changed; a version by the stage that made it, to that stage's
 * precision, "published" for version 1 and "last modified" after, as an entry's versions are.
 * The abstract is the page's description (`summary`), so the downloads and the page's head agree.
 * @example toMeasureCitationInput({ id: 'us-entity-list', data }, { url, accessed: '2026-12-03', summary })
 */
export function toMeasureCitationInput(
  measure: { id: string; data: Pick<Measure, 'shortName' | 'statusAsOf'> },
  at: { url: string; accessed: string; summary: string; version?: { n: number; date: string } },
): CitationInput {
  const input: CitationInput = {
    id: at.version ? `${measure.id}-v${at.version.n}` : measure.id,
    title: measure.data.shortName,
    url: at.url,
    ...SITE,
    date: at.version ? at.version.date : measure.data.statusAsOf,
    dateKind: at.version?.n === 1 ? 'published' : 'modified',
    accessed: at.accessed,
    summary: at.summary,
  };
  if (at.version) input.version = at.version.n;
  return input;
}
