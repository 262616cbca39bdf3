/**
 * The markup of a cite box (src/components/CiteBox.astro), built as one string: the page's
 * permanent link and the other choice, every style and format, and the downloads, all readable and
 * downloadable without JavaScript. An entry page carries two boxes of some two hundred elements
 * each; as an Astro template they took about a fifth of the build's page phase at 1,000 entries,
 * and as one string what remains is mostly the formatting of the citations themselves (README,
 * "Benchmark"). Every value is escaped (src/lib/site/html.ts); the component adds the styles and
 * the script.
 */
import { formatDate } from '../model/dates.ts';
import { attributes, escapeHtml, type AttributeValue } from '../site/html.ts';
import { MEDIA_TYPES } from '../site/site.ts';
import { CITATION_DOWNLOADS, citationDataUrl, citationStyles, citationText, formatCitationDate, type CitationInput, type CitationPart } from './citation.ts';

/** What a cite box shows. */
export interface CiteBoxOptions {
  /** What the citations cite, with the build day as the accessed date. */
  citation: CitationInput;
  /** The absolute URL the citations give: the page's permalink, or a version's. */
  permalink: string;
  /** Whether the box cites the current page (an entry's or a measure's) or one version (on a version page). */
  citing: 'current' | 'version';
  /**
   * The other choice: on the current page, the current version's own page; on a version page, the
   * current page. `url` is its absolute URL, `href` the link to its cite box, `version` the
   * version concerned (its number and date).
   */
  other: { url: string; href: string; version: { n: number; date: string } };
  /** What the page is: an entry (corrected into new versions) or a measure (a new version per stage). */
  subject?: 'entry' | 'measure';
  /**
   * The start of every id in the box (`<prefix>-heading`, `<prefix>-permalink`, `<prefix>-apa`…):
   * `cite` for the page's own box, whose `#cite-heading` other pages link to; another for a second
   * box on the same page.
   */
  prefix?: string;
  /**
   * A second box on the page (an entry page's box for its current version): folded into a
   * `<details>` whose id is `prefix`, opened by a link to it, left out of print.
   */
  folded?: boolean;
}

/** What citing the current page keeps up to date, and what citing a version fixes. */
const WORDS = {
  entry: { current: 'which stays up to date if it is corrected', now: 'the text exactly as it reads now', version: 'the text of that version, which its permanent link keeps' },
  measure: { current: 'which is kept up to date as its status changes', now: 'the measure as it stands after its latest stage', version: 'the measure as it stood after that stage' },
} as const;

/** A run of a citation as markup: italics shown as such in a reading style, the accessed date marked for the script. */
function partHtml(part: CitationPart, italics: boolean): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('italic' in part) return italics ? `<i>${escapeHtml(part.italic)}</i>` : escapeHtml(part.italic);
  return `<span${attributes({ 'data-accessed': part.accessed })}>${escapeHtml(part.text)}</span>`;
}

/** A date as `<time>`, written as the site writes dates (src/components/FormattedDate.astro). */
const timeHtml = (date: string) => `<time${attributes({ datetime: date })}>${escapeHtml(formatDate(date))}</time>`;

/** A copy button, hidden until the script can copy; `label` completes "Copy" for screen readers. */
const copyButton = (attrs: Readonly<Record<string, AttributeValue>>, label: string) =>
  `<button${attributes({ type: 'button', class: 'copy', ...attrs, hidden: true })}>Copy<span class="visually-hidden"> ${escapeHtml(label)}</span></button>`;

/**
 * The whole box, from its `<section>` (or, folded, `<details>`) to its end.
 * @example citeBoxHtml({ citation, permalink, citing: 'current', other }) // '<section aria-labelledby="cite-heading" …'
 */
export function citeBoxHtml(options: CiteBoxOptions): string {
  const { citation, permalink, citing, other, subject = 'entry', prefix = 'cite', folded = false } = options;
  const styles = citationStyles(citation);
  const id = (name: string) => `${prefix}-${name}`;
  const n = other.version.n;
  const words = WORDS[subject];
  const heading = citing === 'current' ? `Cite this ${subject}` : folded ? `Cite version ${n} instead` : 'Cite this version';
  const headingHtml = `<h2${attributes({ id: id('heading') })}>${escapeHtml(heading)}</h2>`;
  const box = folded ? 'details' : 'section';
  const out: string[] = [
    `<${box}${attributes({ id: folded ? prefix : undefined, 'aria-labelledby': folded ? undefined : id('heading'), 'data-pagefind-ignore': true, class: folded ? 'cite-box folded' : 'cite-box' })}>`,
    folded ? `<summary>${headingHtml}</summary>` : headingHtml,
    '<tl-cite>',
  ];
  // The two permanent links: this box's own, then the other choice's.
  const links = [
    { name: 'permalink', label: citing === 'current' ? `Permanent link to the current ${subject}` : `Permanent link to version ${n}`, url: permalink, copied: 'Permanent link', copyLabel: 'permanent link' },
    { name: 'other-link', label: citing === 'current' ? `Permanent link to this version (version ${n})` : `Permanent link to the current ${subject}`, url: other.url, copied: 'Link', copyLabel: citing === 'current' ? 'link to this version' : `link to the current ${subject}` },
  ];
  for (const link of links) {
    out.push(
      `<div class="permalink"><label${attributes({ for: id(link.name) })}>${escapeHtml(link.label)}</label><div class="row">`,
      `<input${attributes({ id: id(link.name), type: 'text', readonly: true, value: link.url, spellcheck: 'false' })}>`,
      copyButton({ 'data-copy': id(link.name), 'data-label': link.copied }, link.copyLabel),
      '</div></div>',
    );
  }
  out.push(
    citing === 'current'
      ? `<p class="choice">The citations below cite <strong>the current ${escapeHtml(subject)}</strong>, ${escapeHtml(words.current)}. <a${attributes({ href: other.href })}>Cite this version</a> (version ${n}, ${timeHtml(other.version.date)}) to point at ${escapeHtml(words.now)}.</p>`
      : `<p class="choice">The citations below cite <strong>version ${n}</strong> (${timeHtml(other.version.date)}), ${escapeHtml(words.version)}. <a${attributes({ href: other.href })}>Cite the current ${escapeHtml(subject)}</a> instead.</p>`,
    `<p class="note">These citations give <span data-accessed="prose">${escapeHtml(formatCitationDate(citation.accessed, 'prose'))}</span> as the day you accessed the ${escapeHtml(subject)}; change it if you read it on another day.</p>`,
  );
  for (const style of styles) {
    const label = escapeHtml(style.label);
    if (style.kind === 'text') {
      out.push(
        `<div class="style"><h3${attributes({ id: `${id(style.id)}-label` })}>${label}</h3>`,
        `<p${attributes({ class: 'citation', id: id(style.id) })}>${style.parts.map((p) => partHtml(p, true)).join('')}</p>`,
        copyButton({ 'data-copy': id(style.id), 'data-label': `${style.label} citation`, 'data-rich': true }, `${style.label} citation`),
        '</div>',
      );
    } else {
      out.push(
        `<details class="style machine"><summary>${label}</summary>`,
        `<pre><code${attributes({ id: id(style.id) })}>${style.parts.map((p) => partHtml(p, false)).join('')}</code></pre>`,
        copyButton({ 'data-copy': id(style.id), 'data-label': style.label, 'data-eol': style.id === 'ris' ? 'crlf' : undefined }, style.label),
        '</details>',
      );
    }
  }
  // Each file is the text of its format as shown above.
  const downloads = CITATION_DOWNLOADS.map((d) => {
    const shown = styles.find((s) => s.id === d.style);
    if (!shown) throw new Error(`no ${d.style} style to download`);
    const attrs = { href: citationDataUrl(citationText(shown.parts), d.ext), download: `${citation.id}.${d.ext}`, type: MEDIA_TYPES[d.mediaType], 'data-download-from': id(d.style), 'data-eol': d.ext === 'ris' ? 'crlf' : undefined };
    return `<a${attributes(attrs)}>${escapeHtml(d.label)} (.${d.ext})</a>`;
  });
  out.push(`<p class="downloads">Download: ${downloads.join(' · ')}</p>`, '<p class="status" role="status" aria-live="polite" data-cite-status></p>', '</tl-cite>', `</${box}>`);
  return out.join('');
}
