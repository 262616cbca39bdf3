/**
 * A source file (`src/content/sources/<id>.yaml`) as the network commands read and change it:
 * read through the content's one YAML reader (src/lib/content/records.ts), and changed by editing
 * the text of the top-level keys they own (`archiveUrl`, `archived`, `urlStatus`) and nothing
 * else, so that comments, key order, quoting and blank lines survive byte for byte and a diff
 * shows only what the command found.
 */
import { isMap, isNode, isScalar, parseDocument, stringify } from 'yaml';
import { readDataText } from '../../src/lib/content/records.ts';
import { idSchema } from '../../src/schemas/common.ts';

/**
 * Whether `value` is a record id (the rule of `idSchema`), and so safe as a file name: lower-case
 * letters, digits and single hyphens, never a path.
 * @example isSourceId('reuters-2021-05-26') // true
 * @example isSourceId('../site') // false
 */
export function isSourceId(value: string): boolean {
  return idSchema.safeParse(value).success;
}

/**
 * An absolute http(s) URL, or undefined for anything else (a missing field, a number, `file:`,
 * `javascript:`, a relative path). The content's schema allows only https; the commands accept
 * http too so that they can be pointed at a local stand-in server.
 * @example httpUrl('https://example.org/a') // 'https://example.org/a'
 * @example httpUrl('ftp://example.org/a') // undefined
 */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:' ? value : undefined;
}

/** The fields of a source file the commands read. */
export interface SourceLinks {
  /** The `url` field as written (undefined when absent). */
  url: unknown;
  /** The `archiveUrl` field as written (undefined when absent). */
  archiveUrl: unknown;
}

/**
 * A source file's `url` and `archiveUrl`, read as the build reads the file; the problems when it
 * does not parse.
 * @example readSourceLinks('a.yaml', 'url: https://a.example/\nkind: primary') // { ok: true, value: { url: 'https://a.example/', archiveUrl: undefined } }
 */
export function readSourceLinks(file: string, text: string): { ok: true; value: SourceLinks } | { ok: false; problems: string[] } {
  const read = readDataText(file, text);
  if (!read.ok) return read;
  const data = read.value as Record<string, unknown>;
  return { ok: true, value: { url: data['url'], archiveUrl: data['archiveUrl'] } };
}

/** A value the commands write: a string, or a map of strings (`urlStatus`). */
export type FieldValue = string | Readonly<Record<string, string>>;

/** One top-level `key: value`, as YAML writes it (quoted where it must be), without a final line break. */
function renderField(key: string, value: FieldValue): string {
  return stringify({ [key]: value }, { lineWidth: 0, indent: 2 }).trimEnd();
}

/** `text` with one top-level key set: its old `key: value` text replaced, or the key appended. */
function setField(text: string, key: string, value: FieldValue): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const rendered = renderField(key, value).split('\n').join(eol);
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) throw new Error('the file is not a map of fields');
  const pair = contents?.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair === undefined) {
    const separator = text === '' || text.endsWith('\n') ? '' : eol;
    return `${text}${separator}${rendered}${eol}`;
  }
  if (!isScalar(pair.key) || pair.key.range == null || !isNode(pair.value) || pair.value.range == null) throw new Error(`cannot edit the field "${key}" as written`);
  const start = pair.key.range[0];
  // The value's range runs to the end of its last line; what follows it on that line (a comment)
  // and the line breaks after it are kept.
  let end = pair.value.range[1];
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, start)}${rendered}${text.slice(end)}`;
}

/**
 * `text` with the given top-level fields set, in the order given: each one's old text replaced,
 * or appended at the end of the file; every other byte kept. The result is read back with the
 * content's YAML reader, and an edit that does not read back as the values given is refused, so a
 * command never writes a file the build cannot read.
 * @example setFields('title: A # kept\n', { archived: '2023-01-01' }) // 'title: A # kept\narchived: 2023-01-01\n'
 */
export function setFields(text: string, fields: Readonly<Record<string, FieldValue>>): string {
  let out = text;
  for (const [key, value] of Object.entries(fields)) out = setField(out, key, value);
  const read = readDataText('(edited file)', out);
  if (!read.ok) throw new Error(`the edited file does not read back: ${read.problems[0] ?? ''}`);
  const data = read.value as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (JSON.stringify(data[key]) !== JSON.stringify(value)) throw new Error(`the edited file does not read back "${key}" as written`);
  }
  return out;
}
