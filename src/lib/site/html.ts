/**
 * HTML written as text, for the few pieces of the site that are built as strings rather than in
 * an Astro template: pages written after the build (src/lib/content/permalinks.ts) and the cite
 * box (src/lib/citation/cite-box.ts), which every entry page carries twice and which costs Astro
 * far less as one string than as a template of some two hundred nodes; and, since XML escapes the
 * same characters, an RSS feed's own link (src/lib/outputs/feeds.ts). Every value goes through
 * {@link escapeHtml}; markup is only ever the module's own literals.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const SPECIAL = /[&<>"]/;
const SPECIALS = /[&<>"]/g;

/**
 * Escapes a value for HTML text and for a double-quoted attribute value alike (this module writes
 * no other kind, so an apostrophe stays as written, as in Astro's own attributes).
 * @example escapeHtml(`<a href="x">Tom's</a>`) // "&lt;a href=&quot;x&quot;&gt;Tom's&lt;/a&gt;"
 */
export function escapeHtml(value: string): string {
  // Most values (dates, ids, addresses, plain titles) need nothing: returned as they are without a copy.
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ENTITIES[c]!) : value;
}

/** An attribute's value: a string, `true` for a bare attribute, or `undefined`/`false` to leave it out. */
export type AttributeValue = string | number | boolean | undefined;

/**
 * The attributes of a start tag, each with a leading space, in the order given; values escaped.
 * @example attributes({ id: 'a', hidden: true, title: undefined }) // ' id="a" hidden'
 */
export function attributes(attrs: Readonly<Record<string, AttributeValue>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}
