/**
 * The one YAML reader of the content: every data file (`sources/*.yaml`, `permalinks.yaml`, …) and
 * every entry's front matter is parsed here, with js-yaml (the parser Astro itself uses) and YAML
 * 1.2's core schema, so `2022-11-24` stays the string the writer typed. It refuses everything that
 * lets one place of a file say what another place seems to say: anchors and the aliases that need
 * them (`<<: *x` once published a date that no field showed), merge keys, and duplicate keys. Each
 * refusal names the line and column.
 */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/** A problem with a YAML text, at a place in it (1-based). */
export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

/** The outcome of reading YAML: the data, or the problems that stopped it. */
export type YamlResult = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[] };

const BOM = '\uFEFF';
const REUSE = 'write the value out in full where it is used';

/** The line and column (1-based) of an offset in `text`. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Every mapping key "<<" in parsed data: YAML's merge key, which the core schema reads as a plain key. */
function findMergeKeys(value: unknown, found: { count: number }): void {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...(item as unknown[]));
    else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (key === '<<') found.count += 1;
        stack.push(child);
      }
    }
  }
}

/**
 * Parses one YAML text strictly.
 * @example readYaml('a: 1').ok // true
 * @example readYaml('x: &c {a: 1}\ny: *c') // { ok: false, problems: [{ line: 1, column: 4, message: 'anchor "&c" is not allowed: …' }] }
 */
export function readYaml(text: string): YamlResult {
  if (text.startsWith(BOM)) return { ok: false, problems: [{ line: 1, column: 1, message: 'the file starts with a byte order mark (U+FEFF); save it as UTF-8 without a BOM' }] };
  const anchors = new Set<string>();
  let data: unknown;
  try {
    data = load(text, {
      schema: CORE_SCHEMA,
      // Called as each node closes; an anchored node carries its anchor's name. Without anchors
      // there can be no alias (js-yaml refuses an alias of an unknown anchor), and without an "&"
      // in the text there can be no anchor, so most files are read without the listener's cost.
      ...(text.includes('&')
        ? {
            listener: (event: string, state: unknown) => {
              // js-yaml's types leave out the parser state's `anchor`, which it sets on every node.
              const anchor = (state as { anchor?: unknown }).anchor;
              if (event === 'close' && typeof anchor === 'string') anchors.add(anchor);
            },
          }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const mark = (error as YAMLException & { mark?: { line: number; column: number } }).mark;
    return { ok: false, problems: [{ line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, message: `not valid YAML: ${error.reason}` }] };
  }
  const problems: YamlProblem[] = [];
  for (const name of anchors) {
    problems.push({ ...placeOf(text, text.indexOf(`&${name}`)), message: `anchor "&${name}" is not allowed: ${REUSE}` });
    for (let at = text.indexOf(`*${name}`); at !== -1; at = text.indexOf(`*${name}`, at + 1)) {
      problems.push({ ...placeOf(text, at), message: `alias "*${name}" is not allowed: ${REUSE}` });
    }
  }
  const merges = { count: 0 };
  findMergeKeys(data, merges);
  if (merges.count > 0) problems.push({ ...placeOf(text, text.indexOf('<<')), message: `merge key "<<" is not allowed: ${REUSE}` });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, data: data ?? {} };
}
