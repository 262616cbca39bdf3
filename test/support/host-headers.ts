/**
 * The host's `_headers` file (the format Netlify and Cloudflare Pages read), parsed: blocks of
 * indented `Name: value` lines, each under a path that is exact or holds one `*` (any run of
 * characters). The static test server applies it as such a host would, and the security test reads it.
 */

/** One block: the path it applies to and its headers, names in lower case. */
export interface HeaderRule {
  path: string;
  headers: Map<string, string>;
}

/** The blocks of a `_headers` file, in order; a header line outside a block is an error. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: new Map() });
      continue;
    }
    const at = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || at === -1) throw new Error(`_headers line ${index + 1} is neither a path nor a "Name: value" header under one: ${line}`);
    rule.headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return rules;
}

/**
 * Whether a rule's path matches a request path as Cloudflare Pages reads it: one `*` (a splat)
 * stands for any run of characters, slashes included, wherever it is in the path (`/data/*`
 * matches `/data/x.csv`, `/entries/*.json` matches `/entries/x.json`); without one, only the path
 * itself matches.
 */
export function pathMatches(pattern: string, path: string): boolean {
  const [head = '', ...rest] = pattern.split('*');
  if (rest.length === 0) return path === pattern;
  const tail = rest.join('*');
  return path.length >= head.length + tail.length && path.startsWith(head) && path.endsWith(tail);
}

/** The headers a request path gets: every matching block's, a later block winning where two set one name. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) if (pathMatches(rule.path, path)) for (const [name, value] of rule.headers) out.set(name, value);
  return out;
}
