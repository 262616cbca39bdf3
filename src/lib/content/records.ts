/**
 * One content file read into one record: the text parsed (front matter or YAML, src/lib/content/
 * yaml.ts), then the data through its collection's strict schema. Astro's loaders call these
 * functions for every file they load (src/integrations/content-layer.ts), and the developer scripts
 * call the same ones, so a file means the same thing wherever it is read. Every problem is one
 * line naming the file, the field and what is wrong; an unknown field names the nearest known one.
 */
import type { z } from 'astro/zod';
import { splitFrontMatter } from './front-matter.ts';
import { readYaml, type YamlProblem } from './yaml.ts';

/** The outcome of reading a file or a record: its value, or the lines that say what is wrong. */
export type Read<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const yamlProblems = (file: string, problems: readonly YamlProblem[], lineOffset = 0) =>
  problems.map((p) => `${file}: (line ${p.line + lineOffset}, column ${p.column}): ${p.message}`);

/**
 * An entry file's front matter, parsed, and its body.
 * @example readEntryText('x.mdx', '---\ntitle: A\n---\nBody') // { ok: true, value: { data: { title: 'A' }, body: 'Body', bodyLine: 4 } }
 */
export function readEntryText(file: string, text: string): Read<{ data: unknown; body: string; bodyLine: number }> {
  const split = splitFrontMatter(text);
  if (typeof split === 'string') return { ok: false, problems: [`${file}: (file): ${split}`] };
  const yaml = readYaml(split.yaml);
  if (!yaml.ok) return { ok: false, problems: yamlProblems(file, yaml.problems, 1) };
  if (typeof yaml.data !== 'object' || yaml.data === null || Array.isArray(yaml.data)) return { ok: false, problems: [`${file}: (file): the front matter must be fields (key: value), not a list or a single value`] };
  return { ok: true, value: { data: yaml.data, body: split.body, bodyLine: split.bodyLine } };
}

/**
 * A YAML data file, parsed.
 * @example readDataText('a.yaml', 'name: A') // { ok: true, value: { name: 'A' } }
 */
export function readDataText(file: string, text: string): Read<unknown> {
  const yaml = readYaml(text);
  if (!yaml.ok) return { ok: false, problems: yamlProblems(file, yaml.problems) };
  if (typeof yaml.data !== 'object' || yaml.data === null || Array.isArray(yaml.data)) return { ok: false, problems: [`${file}: (file): a record must be fields (key: value), not a list or a single value`] };
  return { ok: true, value: yaml.data };
}

/**
 * Formats a zod issue path as a writer reads it.
 * @example formatPath(['vendors', 1]) // 'vendors[1]'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(file)' : out;
}

/**
 * The number of single-character edits between two words (Levenshtein), for "did you mean".
 * @example editDistance('corection', 'corrections') // 2
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The zod 4 internals this module reads to find an object's known keys at a path. */
interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  valueType?: unknown;
  options?: unknown[];
}
const defOf = (schema: unknown): SchemaDef | undefined => (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;

/** The object schemas that can stand at `path` in data read by `schema`. */
function objectsAt(schema: unknown, path: readonly PropertyKey[]): SchemaDef[] {
  const def = defOf(schema);
  if (!def) return [];
  const unwrapped = def.innerType ?? def.in;
  if (unwrapped !== undefined && def.type !== 'object') return objectsAt(unwrapped, path);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => objectsAt(o, path));
  if (path.length === 0) return def.type === 'object' ? [def] : [];
  const [head, ...rest] = path;
  if (def.type === 'object' && typeof head === 'string' && def.shape?.[head] !== undefined) return objectsAt(def.shape[head], rest);
  if (def.type === 'array' && typeof head === 'number') return objectsAt(def.element, rest);
  if (def.type === 'record') return objectsAt(def.valueType, rest);
  return [];
}

/** "did you mean" for an unknown key: the nearest known key within a third of its length. */
function nearestKey(schema: unknown, path: readonly PropertyKey[], key: string): string | undefined {
  const known = objectsAt(schema, path).flatMap((d) => Object.keys(d.shape ?? {}));
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= Math.max(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function describeIssue(schema: unknown, issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const near = nearestKey(schema, issue.path, key);
      const shown = formatPath([...issue.path, key]);
      return `${shown}: unknown field "${key}"${near ? `; did you mean "${near}"?` : '; remove it or check the field list in the schema'}`;
    });
  }
  if (issue.code === 'invalid_key') {
    // A map's key that its key schema refuses: name the key and why, on the map's own path.
    const key = String(issue.path.at(-1));
    return [`${formatPath(issue.path.slice(0, -1))}: invalid key ${JSON.stringify(key)}: ${issue.issues.map((i) => i.message).join('; ')}`];
  }
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) message = 'required field is missing';
  else if (issue.code === 'invalid_value' && 'values' in issue) message = `unknown value (expected one of: ${issue.values.map((v) => String(v)).join(', ')})`;
  return [`${formatPath(issue.path)}: ${message}`];
}

/**
 * Parses one record's data with its collection's schema.
 * @example parseRecord(vendorSchema, 'vendors/a.yaml', { nmae: 'A' }) // { ok: false, problems: ['vendors/a.yaml: nmae: unknown field "nmae"; did you mean "name"?', …] }
 */
export function parseRecord<T>(schema: z.ZodType<T>, file: string, data: unknown): Read<T> {
  const result = schema.safeParse(data ?? {});
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => describeIssue(schema, issue).map((line) => `${file}: ${line}`)) };
}
