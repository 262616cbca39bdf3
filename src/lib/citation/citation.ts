/**
 * Citations of one entry in the styles readers ask for (APA 7, MLA 9, Chicago notes-bibliography)
 * and the machine formats reference managers import (BibTeX/biblatex, RIS, CSL-JSON).
 *
 * The site is the author of every entry, so each style gets the site as an organisational author
 * where its rules want one, and its own no-author rule where they do not (MLA begins with the
 * title when the organisation is both author and publisher).
 *
 * Every formatter returns parts rather than a string: italic runs and the accessed date are
 * marked, so a page can render italics and a script can put the reader's own "today" in place of
 * the build date without re-formatting anything else. {@link citationText} joins parts to text.
 */
import type { Entry } from '../../schemas/entry.ts';
import { monthName } from '../model/months.ts';
import { contentType, LANGUAGE, PUBLISHER, SITE_NAME, type MediaType } from '../site/site.ts';

/** What a citation of one entry needs. All dates are `YYYY-MM-DD`. */
export interface CitationInput {
  /** The entry's id (its file name and permalink slug). */
  id: string;
  /** The entry's title, as published. */
  title: string;
  /** The absolute permanent URL of the entry. */
  url: string;
  /** The website's name (the container). */
  siteName: string;
  /** Who publishes the site; here the same as `siteName`. */
  publisher: string;
  /** The day the entry was first published on the site. */
  published: string;
  /** The day the entry last changed in substance, when it has. */
  updated?: string;
  /** The day the reader consulted the entry. */
  accessed: string;
  /** The entry's summary, offered as the abstract in the machine formats. */
  summary?: string;
  /** The BCP 47 language of the entry. */
  language: string;
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

/** The citation files offered for download on every entry page. */
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

/** The version a citation names: the last substantive update, or the first publication. */
const versionDate = (input: CitationInput): string => input.updated ?? input.published;

/** One line of text: citations never carry line breaks or runs of spaces. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

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
 * repeated; the title is italic and kept in its sentence case; entries change over time, so
 * APA's retrieval date is given.
 * @example citationText(formatApa(input)) // 'CCTV Restrictions Timeline. (2026, November 29). Title. Retrieved December 3, 2026, from https://…'
 */
export function formatApa(input: CitationInput): CitationPart[] {
  const [y, m, d] = dayParts(versionDate(input));
  const title = oneLine(input.title);
  const end = /[.?!]$/.test(title) ? '' : '.';
  return [`${input.publisher}. (${y}, ${monthName(m)} ${d}). `, { italic: title }, `${end} Retrieved `, accessedPart(input, 'long'), `, from ${input.url}`];
}

/**
 * MLA 9, page on a website. The organisation is both author and publisher, so the entry begins
 * with the title (in quotes, title case) and the publisher is not repeated after the container.
 * The URL is given without its scheme, and the access date ends the entry.
 * @example citationText(formatMla(input)) // '“Title.” CCTV Restrictions Timeline, 29 Nov. 2026, example.org/entries/x/. Accessed 3 Dec. 2026.'
 */
export function formatMla(input: CitationInput): CitationPart[] {
  const date = formatCitationDate(versionDate(input), 'mla');
  const url = input.url.replace(/^https?:\/\//, '');
  return [`${quoteTitle(titleCase(oneLine(input.title)), '.')} `, { italic: input.siteName }, `, ${date}, ${url}. Accessed `, accessedPart(input, 'mla'), '.'];
}

const chicagoDate = (input: CitationInput): { label: string; date: string } => ({
  label: input.updated ? 'last modified' : 'published',
  date: formatCitationDate(versionDate(input), 'long'),
});

/**
 * Chicago (17th ed.) notes-bibliography, bibliography entry for a web page whose owner stands in
 * as author. The owner is the site, so the site name is not repeated. Chicago asks for an access
 * date only when a page shows no publication or revision date; entries always show one.
 * @example citationText(formatChicago(input)) // 'CCTV Restrictions Timeline. “Title.” Published November 29, 2026. https://…'
 */
export function formatChicago(input: CitationInput): CitationPart[] {
  const { label, date } = chicagoDate(input);
  return [`${input.publisher}. ${quoteTitle(titleCase(oneLine(input.title)), '.')} ${label[0]!.toUpperCase()}${label.slice(1)} ${date}. ${input.url}.`];
}

/**
 * Chicago notes-bibliography, the full form of a note for the same page.
 * @example citationText(formatChicagoNote(input)) // 'CCTV Restrictions Timeline, “Title,” published November 29, 2026, https://….'
 */
export function formatChicagoNote(input: CitationInput): CitationPart[] {
  const { label, date } = chicagoDate(input);
  return [`${input.publisher}, ${quoteTitle(titleCase(oneLine(input.title)), ',')} ${label} ${date}, ${input.url}.`];
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
 * A `@misc` entry, the type Zotero exports for a web page and every BibTeX style knows: the site
 * as `howpublished` (and `organization` for biblatex), `date` and `urldate` for biblatex, `year`
 * and `month` for BibTeX styles. The title is braced whole so styles keep its case; the
 * organisational author is double-braced so it is never split into given and family names.
 */
export function formatBibtex(input: CitationInput): CitationPart[] {
  const date = versionDate(input);
  const [y, m] = dayParts(date);
  if (/[\s{}%\\]/.test(input.url)) throw new Error(`a URL that BibTeX cannot hold verbatim: ${input.url}`);
  const field = (name: string, value: string) => `  ${name} = ${value},\n`;
  return [
    `@misc{${citationKey(input.id)},\n`,
    field('author', `{{${escapeBibtex(input.publisher)}}}`),
    field('title', `{{${escapeBibtex(input.title)}}}`),
    field('howpublished', `{${escapeBibtex(input.siteName)}}`),
    field('organization', `{${escapeBibtex(input.siteName)}}`),
    field('date', `{${date}}`),
    field('year', `{${y}}`),
    field('month', bibtexMonth(m)),
    field('url', `{${input.url}}`),
    '  urldate = {',
    accessedPart(input, 'iso'),
    '},\n',
    field('langid', `{${input.language.toLowerCase() === 'en-gb' ? 'british' : 'english'}}`).replace(/,\n$/, '\n'),
    '}\n',
  ];
}

/**
 * An RIS record of type `ELEC`, with CRLF line endings as the format requires. The trailing
 * comma in `AU` marks a corporate author, which importers keep whole.
 */
export function formatRis(input: CitationInput): CitationPart[] {
  const line = (tag: string, value: string) => `${tag}  - ${oneLine(value)}\r\n`;
  const date = formatCitationDate(versionDate(input), 'ris');
  const parts: CitationPart[] = [
    line('TY', 'ELEC'),
    line('AU', `${input.publisher},`),
    line('TI', input.title),
    line('T2', input.siteName),
    line('PB', input.publisher),
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

/** The CSL-JSON item of an entry (without the access date, which {@link formatCslJson} adds). */
function cslItem(input: CitationInput): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: citationKey(input.id),
    type: 'webpage',
    title: oneLine(input.title),
    author: [{ literal: input.publisher }],
    'container-title': input.siteName,
    publisher: input.publisher,
    issued: { 'date-parts': [dayParts(versionDate(input))] },
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
    .replace(/"date-parts": \[\s*\[\s*(\d+),\s*(\d+),\s*(\d+)\s*\]\s*\]/g, '"date-parts": [[$1, $2, $3]]');
  const [before, after] = json.split(JSON.stringify(marker));
  if (before === undefined || after === undefined) throw new Error('CSL-JSON marker lost');
  return [`${before}[[`, accessedPart(input, 'csl'), `]]${after}\n`];
}

/** Every style and format of one entry, in the order a page shows them. */
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

/**
 * The citation input of an entry, given its absolute permanent URL and the day of access. With
 * `version`, it cites that version: its own URL (given as `url`), its day, and a key of its own.
 * @example toCitationInput({ id, data }, { url: 'https://example.org/entries/x/', accessed: '2026-12-03' })
 */
export function toCitationInput(
  entry: { id: string; data: Pick<Entry, 'title' | 'summary' | 'published' | 'updated'> },
  at: { url: string; accessed: string; version?: { n: number; date: string } },
): CitationInput {
  const input: CitationInput = {
    id: at.version ? `${entry.id}-v${at.version.n}` : entry.id,
    title: entry.data.title,
    url: at.url,
    siteName: SITE_NAME,
    publisher: PUBLISHER,
    published: entry.data.published,
    accessed: at.accessed,
    summary: entry.data.summary,
    language: LANGUAGE,
  };
  const updated = at.version ? at.version.date : entry.data.updated;
  if (updated && updated !== entry.data.published) input.updated = updated;
  return input;
}
