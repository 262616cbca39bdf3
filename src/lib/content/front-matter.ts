/**
 * An entry file's front matter: the lines between a first line `---` and the next line that is
 * exactly `---`. Astro's own splitter (the one the MDX compile strips the front matter with)
 * accepts more: `+++` as either delimiter, or a closing `------`, after which a fenced block that
 * opens with `---` once read as front matter in one place and as body in another. So the entry
 * type (src/integrations/content-layer.ts) checks that Astro's region is this one, and refuses
 * the file otherwise.
 */

/** A file's front matter and body, with the file's line the body starts on. */
export interface FrontMatter {
  /** The YAML between the delimiters, without them. */
  yaml: string;
  /** Everything after the closing delimiter's line. */
  body: string;
  /** The line of the file the body starts on (1-based). */
  bodyLine: number;
}

/**
 * Finds the front matter of an MDX file, or says why there is none.
 * @example splitFrontMatter('---\ntitle: A\n---\nBody') // { yaml: 'title: A\n', body: 'Body', bodyLine: 4 }
 * @example splitFrontMatter('---\ntitle: A\n------\n') // 'the front matter has no closing line of exactly "---"…'
 */
export function splitFrontMatter(text: string): FrontMatter | string {
  if (text.startsWith('\uFEFF')) return 'the file starts with a byte order mark (U+FEFF); save it as UTF-8 without a BOM';
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '') !== '---') return 'no front matter: start the file with a line of exactly "---", then the fields, then another "---" line';
  const close = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/, '') === '---');
  // A line that another reader takes for a delimiter (a longer rule, TOML's +++, YAML's document
  // end) must not sit inside the front matter: the two readings would end it in different places.
  const lookalike = lines.findIndex((line, i) => i > 0 && (close === -1 || i < close) && /^(?:---|\+\+\+|\.\.\.\s*$)/.test(line));
  if (lookalike !== -1) return `line ${lookalike + 1}: "${lines[lookalike]!.trim()}" is not a front-matter delimiter; close the front matter with a line of exactly "---"`;
  if (close === -1) return 'the front matter has no closing line of exactly "---"; end the fields with a line of three hyphens and nothing else';
  const yaml = lines.slice(1, close).map((l) => `${l}\n`).join('');
  return { yaml, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}
