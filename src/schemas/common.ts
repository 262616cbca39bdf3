import { z } from 'astro/zod';

/**
 * The longest value of each kind of field, in characters (Unicode code points, so 海 counts as
 * one), after white space is collapsed. Every text field of the content goes through
 * {@link plainText} with one of these, so none can grow without bound: a 5 MB summary would be
 * repeated in a dozen meta tags, the JSON-LD, the cite box and every feed that lists the entry.
 * The limits leave about twice the room of the longest value in the content (given in each
 * comment, as of December 2026); raise one here, in this one place, when real content needs it.
 */
export const MAX_LENGTH = {
  /** A record id, which is also a file name and a URL segment (longest today: 69). */
  id: 120,
  /** An address (`url`, `archiveUrl`, `website`, `movedTo`); browsers and servers all take 2,000 (longest today: 268). */
  url: 2_000,
  /** An entry's headline (longest today: 132). */
  title: 200,
  /** A source's title as its publisher gives it; titles of laws run long (longest today: 231). */
  sourceTitle: 500,
  /** A name: of a vendor, body, jurisdiction or measure, a legal name, a publisher, a `via`, a headquarters (longest today: 67). */
  name: 200,
  /** A short name for chips and tables (longest today: 45). */
  shortName: 80,
  /** One alias, or one term of a synonym group (longest today: 52). */
  alias: 100,
  /** A source's author or authors (longest today: 100). */
  author: 300,
  /** An entry's summary: one or two sentences (longest today: 338). */
  summary: 600,
  /**
   * One sentence or a short paragraph: a description, a measure's scope or criterion, a
   * verification or status note, the note on a date or a stage (longest today: 322).
   */
  sentence: 600,
  /** A clarification's claim or fact (longest today: 287). */
  clarification: 1_500,
  /** A correction note, or the note on a source (longest today: 428). */
  note: 2_000,
} as const;

/**
 * The most items of each kind of list (or keys of a map), with the same headroom. The registry
 * lists grow with the record itself (one id per entry ever published), so theirs is high.
 */
export const MAX_ITEMS = {
  /** Ids of other records: jurisdictions, vendors, bodies, sources, issuing bodies (most today: 9). */
  ids: 100,
  /** Aliases of one record (most today: 9). */
  aliases: 30,
  /** An entry's other dates (most today: 4). */
  dates: 20,
  /** An entry's clarifications (most today: 4). */
  clarifications: 20,
  /** An entry's related entries (most today: 2). */
  related: 100,
  /** An entry's corrections log (most today: 1). */
  corrections: 100,
  /** A measure's stages (most today: 8). */
  stages: 50,
  /** A jurisdiction's map codes; ISO 3166-1 has 249 (most today: 27, the European Union). */
  mapCodes: 300,
  /** Names in the syndicator list (today: 14). */
  syndicators: 1_000,
  /** Terms of one synonym group (most today: 6). */
  synonymTerms: 50,
  /** Synonym groups (today: 7). */
  synonymGroups: 1_000,
  /** Ids, redirects and versions in the permalink registry (today: 43 ids). */
  registry: 100_000,
} as const;

const NUMBER = new Intl.NumberFormat('en-GB');

/** `U+0007`, `U+202E`, `U+1FFFE`: a code point as Unicode writes it. */
const codePointName = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

const BIDI_NAMES: Readonly<Record<number, string>> = {
  0x202a: 'bidirectional embedding U+202A (LEFT-TO-RIGHT EMBEDDING)',
  0x202b: 'bidirectional embedding U+202B (RIGHT-TO-LEFT EMBEDDING)',
  0x202c: 'bidirectional formatting character U+202C (POP DIRECTIONAL FORMATTING)',
  0x202d: 'bidirectional override U+202D (LEFT-TO-RIGHT OVERRIDE)',
  0x202e: 'bidirectional override U+202E (RIGHT-TO-LEFT OVERRIDE)',
  0x2066: 'bidirectional isolate U+2066 (LEFT-TO-RIGHT ISOLATE)',
  0x2067: 'bidirectional isolate U+2067 (RIGHT-TO-LEFT ISOLATE)',
  0x2068: 'bidirectional isolate U+2068 (FIRST STRONG ISOLATE)',
  0x2069: 'bidirectional isolate U+2069 (POP DIRECTIONAL ISOLATE)',
};

/**
 * What a code point is when text must not hold it, as a message names it; `undefined` when it is
 * allowed. Refused everywhere: C0 controls other than tab, line feed and carriage return (XML 1.0
 * forbids them, so one makes every feed listing the entry unreadable); DEL and the C1 controls;
 * the explicit bidirectional embeddings, overrides and isolates, which make text display in
 * another order than it reads (a spoofed title); the noncharacters U+FDD0–U+FDEF and every code
 * point ending in FFFE or FFFF; and a surrogate standing alone, which is not a character at all.
 * Tab, line feed and carriage return are white space that {@link plainText} collapses into one
 * space before anything is published, so they are harmless in text (and a carriage return is what
 * a file edited on Windows may carry). The bidirectional *marks* (U+200E, U+200F, U+061C) are
 * allowed: Arabic and Hebrew text needs them and they reorder nothing beyond themselves.
 * With `url`, every white-space or control character is refused too: a URL holds none.
 * @example forbiddenCharacter(0x07) // 'the control character U+0007'
 * @example forbiddenCharacter(0x0a) // undefined
 */
export function forbiddenCharacter(codePoint: number, options: { url?: boolean } = {}): string | undefined {
  if (options.url && codePoint === 0x20) return 'a space (U+0020)';
  if (codePoint <= 0x1f) return options.url || (codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) ? `the control character ${codePointName(codePoint)}` : undefined;
  if (codePoint >= 0x7f && codePoint <= 0x9f) return `the control character ${codePointName(codePoint)}`;
  const bidi = BIDI_NAMES[codePoint];
  if (bidi !== undefined) return `the ${bidi}`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `an unpaired surrogate ${codePointName(codePoint)} (half of a character such as an emoji)`;
  if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe) return `the noncharacter ${codePointName(codePoint)}`;
  if (options.url && isWhiteSpace(codePoint)) return `the white-space character ${codePointName(codePoint)}`;
  return undefined;
}

/** White space beyond ASCII, as JavaScript's `\s` has it (no-break, ideographic and other spaces, line and paragraph separators, U+FEFF). */
function isWhiteSpace(codePoint: number): boolean {
  return codePoint === 0xa0 || codePoint === 0x1680 || (codePoint >= 0x2000 && codePoint <= 0x200a) || codePoint === 0x2028 || codePoint === 0x2029 || codePoint === 0x202f || codePoint === 0x205f || codePoint === 0x3000 || codePoint === 0xfeff;
}

/**
 * Why a text cannot be published as it is, naming the first character it must not hold and its
 * place (counted in characters from 1, as an editor counts them); `undefined` when it is clean.
 * See {@link forbiddenCharacter} for what is refused and why.
 * @example textCharacterProblem('Bell\u0007') // 'contains the control character U+0007 at character 5; remove it'
 */
export function textCharacterProblem(value: string, options: { url?: boolean } = {}): string | undefined {
  let position = 0;
  for (let i = 0; i < value.length; i++) {
    position++;
    let codePoint = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character beyond U+FFFF.
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const what = forbiddenCharacter(codePoint, options);
    if (what === undefined) continue;
    const fix = what.startsWith('a space') ? 'write it as %20' : what.startsWith('an unpaired') ? 'retype the character it belonged to' : 'remove it';
    return `contains ${what} at character ${NUMBER.format(position)}; ${fix}`;
  }
  return undefined;
}

/**
 * The number of characters (code points) of a text, as the limits count them.
 * @example characterCount('海康威视') // 4
 */
export function characterCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A low surrogate after a high one is the second half of a character already counted.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = value.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    count++;
  }
  return count;
}

/**
 * The message for a text over its limit; `undefined` within it.
 * @example lengthProblem('x'.repeat(5_000_000), 300) // 'is 5,000,000 characters long; the limit is 300'
 */
export function lengthProblem(value: string, maxLength: number): string | undefined {
  if (value.length <= maxLength) return undefined;
  const count = characterCount(value);
  return count > maxLength ? `is ${NUMBER.format(count)} characters long; the limit is ${NUMBER.format(maxLength)}` : undefined;
}

/**
 * The message for a list (or a map's keys) over its limit; `undefined` within it.
 * @example itemsProblem(31, 30) // 'has 31 items; the limit is 30'
 */
export function itemsProblem(count: number, maxItems: number, unit = 'items'): string | undefined {
  return count > maxItems ? `has ${NUMBER.format(count)} ${unit}; the limit is ${NUMBER.format(maxItems)}` : undefined;
}

/** A check that names the first character a text must not hold. */
const refuseCharacters = (options: { url?: boolean } = {}) => (payload: z.core.ParsePayload<string>) => {
  const problem = textCharacterProblem(payload.value, options);
  if (problem !== undefined) payload.issues.push({ code: 'custom', message: problem, input: payload.value });
};

/** A check that a text is at most `maxLength` characters long. */
const limitLength = (maxLength: number) => (payload: z.core.ParsePayload<string>) => {
  const problem = lengthProblem(payload.value, maxLength);
  if (problem !== undefined) payload.issues.push({ code: 'custom', message: problem, input: payload.value });
};

/** A check that a list has at most `maxItems` items. */
const limitItems = (maxItems: number) => (payload: z.core.ParsePayload<readonly unknown[]>) => {
  const problem = itemsProblem(payload.value.length, maxItems);
  if (problem !== undefined) payload.issues.push({ code: 'custom', message: problem, input: payload.value });
};

/**
 * Plain, non-empty, single-paragraph text of at most `maxLength` characters (one of
 * {@link MAX_LENGTH}): white space is collapsed to single spaces and trimmed, control characters,
 * bidirectional overrides, noncharacters and unpaired surrogates are refused by name with their
 * place (see {@link forbiddenCharacter}), and the length is counted after the white space is
 * collapsed, as the text is published. Every field of this kind (titles, summaries, notes,
 * descriptions, names) is rendered as text, never as Markdown or HTML: templates escape it, so it
 * needs none of the entry body's safe-subset rules.
 * @example plainText(MAX_LENGTH.title).parse('  Two\n lines ') // 'Two lines'
 */
export function plainText(maxLength: number) {
  return z
    .string()
    .check(refuseCharacters())
    .transform((value) => value.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, { error: 'must not be empty' }).check(limitLength(maxLength)));
}

/**
 * Plain text as {@link plainText} reads it, up to the longest limit ({@link MAX_LENGTH}`.note`).
 * A field with a natural size of its own takes `plainText(MAX_LENGTH.<kind>)` instead.
 */
export const plainTextSchema = plainText(MAX_LENGTH.note);

/**
 * A list of at most `maxItems` items (one of {@link MAX_ITEMS}), each read by `item`.
 * @example listOf(idSchema, MAX_ITEMS.ids)
 */
export function listOf<T extends z.ZodType>(item: T, maxItems: number) {
  return z.array(item).check(limitItems(maxItems));
}

/**
 * A map with at most `maxKeys` keys (one of {@link MAX_ITEMS}), keys read by `key` and values by `value`.
 * @example recordOf(idSchema, idSchema, MAX_ITEMS.registry)
 */
export function recordOf<K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V, maxKeys: number) {
  return z.record(key, value).check((payload) => {
    const problem = itemsProblem(Object.keys(payload.value).length, maxKeys, 'keys');
    if (problem !== undefined) payload.issues.push({ code: 'custom', message: problem, input: payload.value });
  });
}

/** An id of a record: lower-case letters, digits and hyphens, at most {@link MAX_LENGTH}`.id` characters. */
export const idSchema = z
  .string()
  .check(limitLength(MAX_LENGTH.id))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected an id of lower-case letters, digits and hyphens' });

/**
 * An absolute `https://` URL of at most {@link MAX_LENGTH}`.url` characters, with no white space,
 * control character, bidirectional override or noncharacter (each named with its place; a space
 * must be written `%20`). The URL parser alone would accept them and percent-encode them, while the
 * string as written is what the pages, feeds and downloads publish.
 */
export const httpsUrlSchema = z
  .string()
  .check(refuseCharacters({ url: true }))
  .check(limitLength(MAX_LENGTH.url))
  .pipe(z.url({ protocol: /^https$/, error: 'expected an absolute https:// URL' }));

/** A list of at most {@link MAX_ITEMS}`.ids` ids, de-duplicated in the order written. */
export const idListSchema = listOf(idSchema, MAX_ITEMS.ids).transform((ids) => [...new Set(ids)]);
