/**
 * Splits an MDX file into its YAML front matter and its body, with the file's line the body starts
 * on (so a message about the body can name the line of the file).
 * @example splitFrontMatter('---\ntitle: A\n---\nBody') // { frontMatter: 'title: A', body: 'Body', bodyLine: 4 }
 */
export function splitFrontMatter(text: string): { frontMatter: string | undefined; body: string; bodyLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { frontMatter: undefined, body: text, bodyLine: 1 };
  const body = match[2] ?? '';
  return { frontMatter: match[1], body, bodyLine: text.slice(0, text.length - body.length).split('\n').length };
}
