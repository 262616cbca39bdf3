/**
 * The one YAML reader of the content: every data file (`sources/*.yaml`, `permalinks.yaml`, …) and
 * every entry's front matter is parsed here, with YAML 1.2's core schema (so `2022-11-24` stays
 * the string the writer typed) and with everything refused that lets one place of a file say
 * what another place seems to say: anchors, aliases and merge keys (`<<: *x` once published a
 * date that no field showed), explicit tags, duplicate keys. Each refusal names the line and
 * column.
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';

/** A problem with a YAML text, at a place in it (1-based). */
export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

/** The outcome of reading YAML: the data, or the problems that stopped it. */
export type YamlResult = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[] };

const BOM = '\uFEFF';

/**
 * Parses one YAML text strictly.
 * @example readYaml('a: 1').ok // true
 * @example readYaml('x: &c {a: 1}\ny: *c') // { ok: false, problems: [{ line: 1, column: 4, message: 'anchor "&c" is not allowed: …' }, …] }
 */
export function readYaml(text: string): YamlResult {
  if (text.startsWith(BOM)) return { ok: false, problems: [{ line: 1, column: 1, message: 'the file starts with a byte order mark (U+FEFF); save it as UTF-8 without a BOM' }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: false, lineCounter, keepSourceTokens: false });
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) problems.push({ ...at(error.pos[0]), message: `not valid YAML: ${error.message.split('\n')[0]}` });
  if (problems.length > 0) return { ok: false, problems };
  const reuse = 'write the value out in full where it is used';
  visit(doc, {
    Alias(_, node) {
      problems.push({ ...at(node.range?.[0]), message: `alias "*${node.source}" is not allowed: ${reuse}` });
    },
    Node(_, node) {
      if (node.anchor) problems.push({ ...at(node.range?.[0]), message: `anchor "&${node.anchor}" is not allowed: ${reuse}` });
      if (node.tag !== undefined && !isAlias(node)) problems.push({ ...at(node.range?.[0]), message: `explicit tag "${node.tag}" is not allowed: write plain values` });
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') problems.push({ ...at(pair.key.range?.[0]), message: `merge key "<<" is not allowed: ${reuse}` });
    },
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: doc.toJS({ maxAliasCount: 0 }) ?? {} };
}

// Re-exported for tests that build YAML trees by hand.
export { isMap, isNode, isPair, isSeq };
