/**
 * Builds the text of a new entry file for `npm run new-entry`. The file carries every field of
 * the entry schema with a comment on how to fill it, and placeholders that the content check
 * rejects (an empty summary, no sources, no category), so a half-written entry can never be
 * published by accident. Everything here is pure; `scripts/new-entry.ts` does the input and output.
 */
import { stringify } from 'yaml';
import { CATEGORY_IDS } from '../../schemas/category.ts';
import { idSchema, lengthProblem, MAX_LENGTH } from '../../schemas/common.ts';
import { quoteArgument } from './id-arguments.ts';
import { dateKindSchema, verificationSchema } from '../../schemas/entry.ts';
import { datePrecisionSchema, partialDateSchema, type DatePrecision } from '../../schemas/partial-date.ts';
import { precisionOf } from '../model/dates.ts';

/** A problem with the input that the writer can fix; the script prints its message and exits 1. */
export class NewEntryError extends Error {
  override name = 'NewEntryError';
}

/** What the writer gives. */
export interface NewEntryInput {
  /** The event's date: `2022`, `2022-11` or `2022-11-24`. */
  date: string;
  /** The entry's headline. */
  title: string;
  /** Overrides the precision the date's form shows; a full date is then cut to it. */
  precision?: string | undefined;
  /** Overrides the slug made from the title. */
  slug?: string | undefined;
  /** The day the entry is first published (`YYYY-MM-DD`), normally today. */
  published: string;
  /** Ids that exist in the content tree, listed in the comments as a reminder. */
  known?: { jurisdictions?: readonly string[]; vendors?: readonly string[]; bodies?: readonly string[] } | undefined;
}

/** A new entry ready to be written. */
export interface NewEntry {
  /** The entry id, which is also the file name without `.mdx`. */
  id: string;
  /** The file name: `<id>.mdx`. */
  fileName: string;
  /** The event date, cut to its precision. */
  date: string;
  precision: DatePrecision;
  /** The whole file text. */
  text: string;
}

/** The greatest number of words taken from a title for a slug. */
export const MAX_SLUG_WORDS = 8;

const FILLER = new Set(['a', 'an', 'the']);

/**
 * A slug from a title: lower-case ASCII letters and digits joined by hyphens, accents dropped,
 * apostrophes removed, the articles "a", "an" and "the" left out, at most {@link MAX_SLUG_WORDS}
 * words. Returns an empty string when the title has no ASCII letter or digit.
 * @example slugify('UK tells departments to stop using Hikvision’s cameras') // 'uk-tells-departments-to-stop-using-hikvisions-cameras'
 * @example slugify('Café in São Paulo') // 'cafe-in-sao-paulo'
 */
export function slugify(title: string, maxWords: number = MAX_SLUG_WORDS): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  const meaningful = words.filter((word) => !FILLER.has(word));
  return (meaningful.length > 0 ? meaningful : words).slice(0, maxWords).join('-');
}

/**
 * Checks a date and cuts it to a requested precision. Without a precision, the date's own form
 * decides it. A precision finer than the date (a day for `2021-03`) is an error.
 * @example resolveDate('2021-03-19', 'month') // { date: '2021-03', precision: 'month' }
 * @example resolveDate('2019') // { date: '2019', precision: 'year' }
 */
export function resolveDate(date: string, precision?: string): { date: string; precision: DatePrecision } {
  const parsed = partialDateSchema.safeParse(date.trim());
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'not a valid date';
    throw new NewEntryError(`date: ${message}`);
  }
  const value = parsed.data;
  const form = precisionOf(value);
  if (precision === undefined || precision === '') return { date: value, precision: form };
  const wanted = datePrecisionSchema.safeParse(precision);
  if (!wanted.success) throw new NewEntryError(`precision: "${precision}" is not one of: ${datePrecisionSchema.options.join(', ')}`);
  const length = { year: 4, month: 7, day: 10 }[wanted.data];
  if (value.length < length) throw new NewEntryError(`precision: "${wanted.data}" is finer than the date "${value}"; give a date of that precision`);
  return { date: value.slice(0, length), precision: wanted.data };
}

/**
 * Why an id cannot be used, or `undefined` when it is free. An id is taken when an entry file
 * has it, and reserved forever once it has been published or redirected (permalinks never change
 * meaning).
 */
export function findIdConflict(
  id: string,
  taken: { entries: ReadonlyMap<string, string>; permalinks?: { published?: readonly string[]; redirects?: Readonly<Record<string, string>> } },
): string | undefined {
  const file = taken.entries.get(id);
  if (file !== undefined) return `an entry with the id "${id}" already exists: ${file}`;
  if (taken.permalinks?.redirects?.[id] !== undefined) return `the id "${id}" redirects to "${taken.permalinks.redirects[id]}" in the permalink registry and cannot be reused`;
  if (taken.permalinks?.published?.includes(id)) return `the id "${id}" was published before and is reserved in the permalink registry`;
  return undefined;
}

const yamlScalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** Comment lines listing ids after a label, wrapped so no line is much longer than 100 characters. */
function listComment(label: string, ids: readonly string[] | undefined, sort = true): string[] {
  if (ids === undefined) return [];
  if (ids.length === 0) return [`# ${label}: none yet.`];
  const lines: string[] = [];
  let line = `# ${label}:`;
  for (const id of sort ? [...ids].sort() : ids) {
    if (line.length + id.length + 2 > 100) {
      lines.push(line);
      line = '#  ';
    }
    line += ` ${id},`;
  }
  lines.push(line.replace(/,$/, '.'));
  return lines;
}

const REQUIRED = '# Required: the build fails until this is filled in.';

/**
 * Checks the input and builds the new entry's id and file text.
 * @throws {NewEntryError} when the date, precision, title or slug is unusable, or the id they make
 * is longer than an id may be (`MAX_LENGTH.id`), which also keeps the file name within what file
 * systems allow.
 * @example prepareNewEntry({ date: '2022-11-24', title: 'UK restricts cameras', published: '2026-11-29' }).id
 * // '2022-11-24-uk-restricts-cameras'
 */
export function prepareNewEntry(input: NewEntryInput): NewEntry {
  const { date, precision } = resolveDate(input.date, input.precision);
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (title === '') throw new NewEntryError('title: give the entry a title');
  const slug = input.slug === undefined || input.slug === '' ? slugify(title) : input.slug;
  if (slug === '') throw new NewEntryError('title: the title has no ASCII letters or digits to make a file name from; pass --slug');
  if (!idSchema.safeParse(slug).success) {
    const tooLong = lengthProblem(slug, MAX_LENGTH.id);
    throw new NewEntryError(tooLong ? `slug: ${tooLong}; pass a shorter --slug` : `slug: ${quoteArgument(slug)} must be lower-case letters, digits and single hyphens`);
  }
  const id = `${date}-${slug}`;
  // The id is the file name: the date and the slug together must stay within the id limit.
  const idTooLong = lengthProblem(id, MAX_LENGTH.id);
  if (idTooLong) throw new NewEntryError(`slug: makes an id (the file name) that ${idTooLong}; pass a shorter --slug`);

  const lines = [
    '---',
    '# A neutral, specific headline: who did what. Shown on the page, in lists, feeds and citations.',
    `title: ${yamlScalar(title)}`,
    '# One or two plain sentences that stand alone in a list, a search result or a citation.',
    REQUIRED,
    'summary: ""',
    "# The event's main date. Its form is its precision: 2022 (year), 2022-11 (month), 2022-11-24 (day).",
    '# The file name starts with it: rename the file if you change it.',
    `date: ${date}`,
    '# How exact `date` is: day, month or year. It must match the form of `date`.',
    `datePrecision: ${precision}`,
    '# For an event that spans time, add its last day (or month, or year) in the same form, e.g.:',
    '#   endDate: 2023-04',
    '# Other dates of the event where they differ from the main one, for example when a rule took effect:',
    '#   - { kind: effective, date: 2019-10-09 }',
    `# kind is one of: ${dateKindSchema.options.join(', ')}.`,
    'dates: []',
    ...listComment('One category id', CATEGORY_IDS, false),
    '# What each means: src/lib/model/categories.ts, or the Categories section of /about/.',
    REQUIRED,
    'category: ""',
    "# true only for one of the handful of central events labelled on the home page's overview.",
    'key: false',
    '# Ids of the jurisdictions the event belongs to (file names in src/content/jurisdictions/); at least one.',
    ...listComment('Known', input.known?.jurisdictions),
    REQUIRED,
    'jurisdictions: []',
    '# The vendors the event concerns (file names in src/content/vendors/), each with its basis:',
    '# named (the record names the company), reported (only reporting ties it to the event) or',
    '# context (the event concerns a criterion it is taken to meet), e.g. { hikvision: named };',
    '# may stay empty.',
    ...listComment('Known', input.known?.vendors),
    'vendors: {}',
    '# Ids of the people and institutions that acted (file names in src/content/bodies/); may stay empty.',
    ...listComment('Known', input.known?.bodies),
    'bodies: []',
    '# Abbreviations and document numbers readers search for that the text may not spell out,',
    '# for example [NDAA, HCWS386, EO 14032]. Searchable but never shown; may stay empty.',
    'aliases: []',
    '# Ids of the sources (file names in src/content/sources/), primary sources first; at least one.',
    '# Every claim in the text below must be traceable to one of them. Never cite a copy or scraper site.',
    REQUIRED,
    'sources: []',
    `# How far the event itself is established: ${verificationSchema.options.join(', ')}.`,
    REQUIRED,
    'verification: ""',
    '# One sentence on why the event has that level. For a reported event, say "reported" in words',
    '# and who reported it.',
    REQUIRED,
    'verificationNote: ""',
    '# Widely repeated claims about the event that the record does not support, each as:',
    '#   - claim: The claim as it circulated, in neutral words.',
    '#     fact: What the sources show instead.',
    'clarifications: []',
    '# Ids of other entries this one connects to (their file names without .mdx).',
    'related: []',
    '# The day the entry is first published on the site. Never change it afterwards.',
    `published: ${input.published}`,
    '# Once published, log every change of substance instead of editing silently, by adding:',
    '#   updated: YYYY-MM-DD',
    '#   corrections:',
    '#     - date: YYYY-MM-DD',
    '#       note: What was wrong and what the entry now says.',
    '---',
    '',
  ];
  return { id, fileName: `${id}.mdx`, date, precision, text: lines.join('\n') };
}
