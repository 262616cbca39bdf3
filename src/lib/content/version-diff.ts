/**
 * What a correction changed, for the page of the version it replaced: the text a reader sees of
 * two versions of an entry (title, summary, dates, category, verification, the records it names,
 * clarifications, body and sources), field by field, and a word-level diff of each field (jsdiff's
 * `diffWords`), computed at build time so that the page shows it without JavaScript.
 *
 * The body is the MDX source as the content layer stores it, shown as text: the inline citations
 * (`<Cite source="…" />`) are left out, as markup rather than words of the text (a changed source
 * shows in the Sources field, and numbers that shift when a source is added would bury the change
 * in noise), hard-wrapped lines are joined, and Markdown's inline marks are dropped (a link keeps
 * its address in brackets, so a changed address shows). This is for display only; the body's rules
 * are checked on the MDX compiler's own tree (`entry-body.ts`).
 */
import { diffArrays, diffWords } from 'diff';
import type { Entry } from '../../schemas/entry.ts';
import type { Source } from '../../schemas/source.ts';
import { categoryInfo } from '../model/categories.ts';
import { formatDate } from '../model/dates.ts';
import { verificationInfo } from '../model/verification.ts';
import { VENDOR_BASIS } from '../model/vendor-basis.ts';
import { inBrackets } from '../views/typography.ts';

/** A run of text that both versions share, or that the later one inserted or deleted. */
export interface DiffPart {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

/** One field of a version as a reader sees it: prose (paragraphs split by blank lines) or a list. */
export type VersionField = { label: string; text: string } | { label: string; items: readonly string[] };

/** What changed in one field between two versions. */
export type FieldDiff =
  | {
      label: string;
      kind: 'text';
      /** Whether any part was inserted or deleted. */
      changed: boolean;
      /** The field's paragraphs, each a run of parts. */
      paragraphs: DiffPart[][];
    }
  | {
      label: string;
      kind: 'list';
      /** Whether any item was inserted or deleted. */
      changed: boolean;
      /** The items of both versions, in order, each shared, inserted or deleted whole. */
      items: DiffPart[];
    };

/** The front matter a version's fields are read from. */
export type VersionData = Pick<
  Entry,
  'title' | 'summary' | 'date' | 'endDate' | 'dates' | 'category' | 'verification' | 'verificationNote' | 'jurisdictions' | 'vendors' | 'bodies' | 'clarifications' | 'sources'
>;

/** How to name what a version refers to by id, as its page does. */
export interface VersionNames {
  category(id: VersionData['category']): string;
  verification(id: VersionData['verification']): string;
  jurisdiction(id: string): string;
  vendor(id: string): string;
  body(id: string): string;
  /** One line for a source in the source list, e.g. `Reuters: Title (secondary)`. */
  source(id: string): string;
}

/** The records a version's ids are named from. */
export interface NamedRecords {
  vendors: ReadonlyMap<string, { name: string }>;
  jurisdictions: ReadonlyMap<string, { name: string }>;
  bodies: ReadonlyMap<string, { name: string }>;
  sources: ReadonlyMap<string, Pick<Source, 'publisher' | 'title' | 'kind'>>;
}

/**
 * The names a version's page gives its ids: the labels of categories and verification levels, the
 * names of the records, and each source as its publisher, title and kind.
 * @example versionNames(site).category('reciprocal-restriction') // 'Reported counter-measure'
 */
export function versionNames(records: NamedRecords): VersionNames {
  const named = (map: ReadonlyMap<string, { name: string }>) => (id: string) => map.get(id)?.name ?? id;
  return {
    category: (id) => categoryInfo(id).label,
    verification: (id) => verificationInfo(id).label,
    jurisdiction: named(records.jurisdictions),
    vendor: named(records.vendors),
    body: named(records.bodies),
    source: (id) => {
      const source = records.sources.get(id);
      return source ? `${source.publisher}: ${source.title} (${source.kind})` : id;
    },
  };
}

/**
 * Above this many inserted and deleted tokens (words and punctuation marks) in one field, the
 * field is shown as replaced whole instead of diffed word by word (jsdiff's `maxEditLength`): a
 * bound on build time that, unlike a timeout, gives the same page on every build.
 */
export const MAX_EDIT_LENGTH = 4000;

const PARAGRAPH = /\n[ \t]*\n+/;
/** A line that starts a list item or a block quote keeps its own line when lines are joined. */
const BLOCK_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]|$)/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Private-use characters stand in for backslash-escaped punctuation while the marks are dropped. */
const ESCAPE_BASE = 0xe000;
/** And one for `<br />`, a line break that must survive the joining of lines. */
const BREAK = '\ue100';

/**
 * An entry body (MDX source) as the words a reader sees, paragraphs separated by a blank line:
 * inline citations left out, lines of a paragraph joined, inline marks dropped.
 * @example bodyText('A claim. <Cite source="b" />\nMore **here**.') // 'A claim. More here.'
 */
export function bodyText(mdx: string): string {
  const escaped = mdx
    .replace(/\r\n?/g, '\n')
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)));
  const text = escaped
    .replace(/[ \t]*<Cite\b[^>]*\/>/g, '')
    .replace(/[ \t]*<br\s*\/?>[ \t]*\n?/g, BREAK)
    .replace(/<\/?(?:abbr|sub|sup)\b[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)/g, (_, label: string, url: string) => (url ? `${label} (${url})` : label))
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/(\*{1,3})(?=\S)([^*\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}_])(_{1,3})(?=\S)([^_\n]*?\S)\2(?![\p{L}\p{N}_])/gu, '$1$3')
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
      if (dec ?? hex) {
        const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name!.toLowerCase()] ?? whole;
    });
  return text
    .split(PARAGRAPH)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .reduce((joined, line, i) => (i === 0 ? line : `${joined}${BLOCK_LINE.test(line) ? '\n' : ' '}${line}`), '')
        .replace(/[ \t]{2,}/g, ' '),
    )
    .filter((block) => block !== '')
    .join('\n\n')
    .replaceAll(BREAK, '\n')
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));
}

/**
 * The fields of one version, in the order its page shows them; a field the version leaves empty
 * is an empty text or list, so that one added later shows as inserted. `vendorBases: false` leaves
 * the basis of each vendor link out, for comparing with a version kept before bases were recorded
 * (which would otherwise show every basis as a correction).
 * @example versionFields(data, 'Body.', names)[0] // { label: 'Title', text: data.title }
 */
export function versionFields(data: VersionData, body: string, names: VersionNames, options: { vendorBases?: boolean } = {}): VersionField[] {
  const { vendorBases = true } = options;
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const dates = [
    `${formatDate(data.date)}${data.endDate ? ` to ${formatDate(data.endDate)}` : ''}`,
    ...data.dates.map((d) => `${capital(d.kind)}: ${formatDate(d.date)}${d.note ? ` (${inBrackets(d.note)})` : ''}`),
  ].join('\n');
  return [
    { label: 'Title', text: data.title },
    { label: 'Summary', text: data.summary },
    { label: 'Date', text: dates },
    { label: 'Category', text: names.category(data.category) },
    { label: 'Verification', text: `${names.verification(data.verification)}: ${data.verificationNote}` },
    { label: 'Jurisdictions', text: data.jurisdictions.map((id) => names.jurisdiction(id)).join(', ') },
    { label: 'Vendors', text: data.vendors.map(({ id, basis }) => (basis === undefined || !vendorBases ? names.vendor(id) : `${names.vendor(id)} (${VENDOR_BASIS[basis].label})`)).join(', ') },
    { label: 'People and bodies', text: data.bodies.map((id) => names.body(id)).join(', ') },
    { label: 'Clarifications', text: data.clarifications.map((c) => `Claim: ${c.claim}\nRecord: ${c.fact}`).join('\n\n') },
    { label: 'Text', text: bodyText(body) },
    { label: 'Sources', items: data.sources.map((id) => names.source(id)) },
  ];
}

/** Joins neighbouring parts of one kind and drops empty ones. */
function merge(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = out.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/**
 * A word-level diff of two texts, as paragraphs of parts: words and punctuation are compared,
 * spaces and line breaks are not (the later text's are kept). A paragraph break inside an
 * inserted or deleted run starts a new paragraph.
 * @example diffText('The cat sat.', 'The dog sat.') // [[{ kind: 'same', text: 'The ' }, { kind: 'deleted', text: 'cat' }, { kind: 'inserted', text: 'dog' }, { kind: 'same', text: ' sat.' }]]
 */
export function diffText(before: string, after: string): DiffPart[][] {
  const changes =
    before === after
      ? [{ value: after, added: false, removed: false }]
      : (diffWords(before, after, { maxEditLength: MAX_EDIT_LENGTH }) ?? [
          { value: before, added: false, removed: true },
          { value: after, added: true, removed: false },
        ]);
  const paragraphs: DiffPart[][] = [[]];
  for (const change of changes) {
    const kind: DiffPart['kind'] = change.added ? 'inserted' : change.removed ? 'deleted' : 'same';
    change.value.split(PARAGRAPH).forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      paragraphs.at(-1)!.push({ kind, text: piece });
    });
  }
  return paragraphs.map(merge).filter((p) => p.some((part) => part.text.trim() !== ''));
}

/**
 * Which items of a list the later version inserted or deleted, in order (an item is compared whole).
 * @example diffList(['a', 'b'], ['b', 'c']).map((p) => `${p.kind} ${p.text}`) // ['deleted a', 'same b', 'inserted c']
 */
export function diffList(before: readonly string[], after: readonly string[]): DiffPart[] {
  return diffArrays([...before], [...after]).flatMap((change) =>
    change.value.map((text): DiffPart => ({ kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same', text })),
  );
}

/**
 * The diff of two versions, field by field, in the later version's order (a field only the
 * earlier one has comes after the field it followed there).
 * @example diffVersions([{ label: 'Title', text: 'A' }], [{ label: 'Title', text: 'B' }])[0]?.changed // true
 */
export function diffVersions(before: readonly VersionField[], after: readonly VersionField[]): FieldDiff[] {
  const earlier = new Map(before.map((f) => [f.label, f]));
  const labels = after.map((f) => f.label);
  before.forEach((f, i) => {
    if (labels.includes(f.label)) return;
    const previous = before[i - 1]?.label;
    labels.splice(previous === undefined ? 0 : labels.indexOf(previous) + 1, 0, f.label);
  });
  const later = new Map(after.map((f) => [f.label, f]));
  return labels.map((label): FieldDiff => {
    const a = earlier.get(label);
    const b = later.get(label);
    if ((a && 'items' in a) || (b && 'items' in b)) {
      const items = diffList(a && 'items' in a ? a.items : [], b && 'items' in b ? b.items : []);
      return { label, kind: 'list', changed: items.some((p) => p.kind !== 'same'), items };
    }
    const paragraphs = diffText(a && 'text' in a ? a.text : '', b && 'text' in b ? b.text : '');
    return { label, kind: 'text', changed: paragraphs.some((p) => p.some((part) => part.kind !== 'same')), paragraphs };
  });
}
