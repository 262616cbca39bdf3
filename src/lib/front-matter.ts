/**
 * Splits an MDX file into its YAML front matter and its body.
 * @example splitFrontMatter('---\ntitle: A\n---\nBody').frontMatter // 'title: A'
 */
export function splitFrontMatter(text: string): { frontMatter: string | undefined; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { frontMatter: undefined, body: text };
  return { frontMatter: match[1], body: match[2] ?? '' };
}
