/**
 * The subset of MDX an entry body may use. MDX runs code: an `import`, an `export` or an
 * expression in braces is JavaScript executed by the build, and a JSX element can put any markup
 * into the page. So every body is parsed with Sätteri, the parser of Astro's MDX and Markdown
 * renderers, and checked before anything renders: first as MDX, so the file stays valid MDX with
 * none of those constructs, then as Markdown, the reading the page is rendered from
 * (src/integrations/entry-loader.ts), so that what was checked is what renders. Allowed: Markdown with
 * GFM (tables, footnotes, strikethrough, task lists), a few inline HTML elements without
 * behaviour ({@link ALLOWED_ELEMENTS}), links to https or mailto addresses or to the site, and
 * images from the site. The same prose is documented for contributors in CONTRIBUTING.md.
 */
import { defineHastPlugin, markdownToMdast, mdxToMdast, type HastPluginDefinition } from 'satteri';

/** The HTML elements a body may use, each with the attributes it may carry. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  sub: [],
  sup: [],
  br: [],
};

/**
 * URL schemes a link may use; a relative URL (no scheme, no host) is always allowed. Plain
 * `http:` is left out on purpose: every external URL the site publishes is https (the sources'
 * schema and the link tests demand it), and a body link is no exception.
 */
const ALLOWED_LINK_SCHEMES: readonly string[] = ['https:', 'mailto:'];

/** One construct a body may not contain, with its place in the body (1-based). */
export interface BodyFinding {
  line: number;
  column: number;
  message: string;
}

/**
 * The parser features Astro's renderers turn on (GFM, Astro's default). Front matter is
 * off: Astro removes the front matter before its parser sees the body, so a second `---` block at
 * the top of a body is Markdown there (a rule and a heading, which can hold expressions), and
 * must be read as Markdown here too.
 */
const FEATURES = { gfm: true, frontmatter: false } as const;

const BRACE_HINT = 'entries cannot run code; to show a literal brace, escape it as \\{ and \\}';
const ANGLE_HINT = 'to show a literal angle bracket, escape it as \\<';

/** The fields of an mdast/MDX node this check reads; the parser's own types are a wide union. */
interface Node {
  type: string;
  position?: { start: { line: number; column: number } };
  children?: Node[];
  value?: unknown;
  url?: string;
  identifier?: string;
  name?: string | null;
  attributes?: Attribute[];
}
interface Attribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** A construct as a short quote for a message: its first line, at most 60 characters, control characters shown. */
function quote(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  const short = line.length > 60 ? `${line.slice(0, 59)}…` : line;
  return short.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SITE_A = new URL('https://a.invalid/entries/x/');
const SITE_B = new URL('http://b.invalid/');

/**
 * Classifies a link or image URL with the WHATWG URL parser (the browser's own reading, so tabs,
 * entities and case cannot disguise a scheme): `relative` when it stays on the site whatever the
 * site's address, otherwise its scheme, or `invalid`.
 * @example urlScheme('/entries/x/') // 'relative'
 * @example urlScheme('java\tscript:alert(1)') // 'javascript:'
 * @example urlScheme('//example.org/') // 'scheme-relative'
 */
export function urlScheme(url: string): string {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url, SITE_A);
    b = new URL(url, SITE_B);
  } catch {
    return 'invalid';
  }
  if (a.origin === SITE_A.origin && b.origin === SITE_B.origin) return 'relative';
  // `//host/path` takes each base's scheme: another site, without saying how to reach it.
  if (a.protocol !== b.protocol) return 'scheme-relative';
  return a.protocol;
}

function checkUrl(kind: 'link' | 'image' | 'link definition', url: string): string | undefined {
  const scheme = urlScheme(url);
  const shown = `"${quote(url)}"`;
  if (kind === 'image') {
    if (scheme === 'relative' && url.startsWith('/')) return undefined;
    return `image URL ${shown} is not allowed: an image must be a file of this site's public/ folder, written as a path from the site's root such as /images/chart.png, so that no page loads anything from elsewhere`;
  }
  if (scheme === 'relative' || ALLOWED_LINK_SCHEMES.includes(scheme)) return undefined;
  if (scheme === 'http:') return `${kind} URL ${shown} uses http:; link to the https:// address`;
  const what = scheme === 'invalid' ? 'is not a valid URL' : scheme === 'scheme-relative' ? 'has no scheme' : `uses the scheme "${scheme}"`;
  return `${kind} URL ${shown} ${what}; use an https: or mailto: address or a path on this site`;
}

/**
 * Where a link or image of a body points on the built page: a path from the site's root gains the
 * base path (`sitePath`), and `external` says whether it leaves the site (and so needs
 * rel="noopener noreferrer").
 * @example resolveBodyUrl('/entries/x/', (p) => `/tl/${p.slice(1)}`) // { url: '/tl/entries/x/', external: false }
 * @example resolveBodyUrl('https://example.org/', (p) => p) // { url: 'https://example.org/', external: true }
 */
export function resolveBodyUrl(url: string, sitePath: (path: string) => string): { url: string; external: boolean } {
  const scheme = urlScheme(url);
  if (scheme === 'relative') return { url: url.startsWith('/') ? sitePath(url) : url, external: false };
  return { url, external: scheme === 'https:' || scheme === 'http:' || scheme === 'scheme-relative' };
}

function checkElement(node: Node, report: (message: string) => void): void {
  const name = node.name ?? '';
  const shown = name === '' ? '<>' : `<${name}>`;
  const allowedAttributes = Object.hasOwn(ALLOWED_ELEMENTS, name) ? ALLOWED_ELEMENTS[name] : undefined;
  if (allowedAttributes === undefined) {
    const allowed = Object.keys(ALLOWED_ELEMENTS).map((e) => `<${e}>`).join(', ');
    report(`element ${shown} is not allowed (allowed: ${allowed}); ${ANGLE_HINT}`);
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      report(`expression attribute {${quote(String(attribute.value ?? ''))}} on ${shown} is not allowed: ${BRACE_HINT}`);
      continue;
    }
    const attr = attribute.name;
    if (/^on/i.test(attr)) report(`event-handler attribute "${attr}" on ${shown} is not allowed: entries cannot run code`);
    else if (attr.toLowerCase() === 'style') report(`style attribute on ${shown} is not allowed: the site's stylesheet styles every entry`);
    else if (allowedAttributes !== undefined && !allowedAttributes.includes(attr)) {
      report(`attribute "${attr}" on ${shown} is not allowed (allowed: ${allowedAttributes.length > 0 ? allowedAttributes.join(', ') : 'none'})`);
    }
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      const expression = (attribute.value as { value?: unknown }).value;
      report(`expression value ${attr}={${quote(String(expression ?? ''))}} on ${shown} is not allowed: ${BRACE_HINT}; write the value in quotes`);
    }
  }
  if (name === 'br' && (node.children ?? []).length > 0) report('element <br> must be empty: write <br />');
}

/** Reads the parser's "line:column: reason" error; drops its notes, which suggest MDX features this site does not allow. */
function parseError(error: unknown): BodyFinding {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+): ([\s\S]*)$/.exec(text);
  const reason = (match?.[3] ?? text).replace(/ \(note: [^)]*\)/g, '').replace(/ \([a-z-]+:[a-z-]+\)$/, '').trim();
  return {
    line: match ? Number(match[1]) : 1,
    column: match ? Number(match[2]) : 1,
    message: `not valid MDX: ${reason}; a literal "{", "}" or "<" in prose must be escaped as \\{, \\} or \\<`,
  };
}

/**
 * Parses an entry body as MDX and lists every construct outside the safe
 * subset: ESM (`import`, `export`), expressions in braces, JSX or HTML elements other than
 * {@link ALLOWED_ELEMENTS}, event-handler and `style` attributes, and link and definition URLs
 * that are not https, mailto or relative, and image URLs that are not paths on this site. A body
 * that is not valid MDX gives one finding, the parser's. A body with none of these is then read
 * as Markdown ({@link findMarkdownDifferences}).
 * @example findUnsafeMarkdown('Leak: {process.env.HOME}')[0]?.message // 'expression {process.env.HOME} is not allowed: …'
 */
export function findUnsafeMarkdown(body: string): BodyFinding[] {
  let tree: Node;
  try {
    tree = mdxToMdast(body, { features: FEATURES }) as unknown as Node;
  } catch (error) {
    return [parseError(error)];
  }
  const findings: BodyFinding[] = [];
  // An image reference takes its URL from a definition, which a link may share: the definition
  // passes as a link, and the image is checked against it where it is used.
  const definitions = new Map<string, string>();
  const collect = (node: Node): void => {
    if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url ?? '');
    node.children?.forEach(collect);
  };
  collect(tree);
  const visit = (node: Node): void => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const report = (message: string) => findings.push({ line: start.line, column: start.column, message });
    switch (node.type) {
      case 'mdxjsEsm': {
        const statement = quote(String(node.value ?? ''));
        const keyword = statement.startsWith('export') ? 'export' : 'import';
        report(`${keyword} statement "${statement}" is not allowed: entries cannot run code; to begin a paragraph with the word "${keyword}", capitalise it or reword the line`);
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(`expression {${quote(String(node.value ?? ''))}} is not allowed: ${BRACE_HINT}`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, report);
        break;
      case 'html':
        report(`raw HTML "${quote(String(node.value ?? ''))}" is not allowed; ${ANGLE_HINT}`);
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const problem = checkUrl(node.type === 'definition' ? 'link definition' : node.type, node.url ?? '');
        if (problem !== undefined) report(problem);
        break;
      }
      case 'imageReference': {
        const url = definitions.get(node.identifier ?? '');
        const problem = url === undefined ? undefined : checkUrl('image', url);
        if (problem !== undefined) report(problem);
        break;
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return findings.length > 0 ? findings : findMarkdownDifferences(body);
}

const attributePattern = (names: readonly string[]) => (names.length > 0 ? `(?:\\s+(?:${names.join('|')})\\s*=\\s*(?:"[^"]*"|'[^']*'))*` : '');
/** One tag of an allowed element with only its allowed attributes, as Markdown reads it: `<abbr title="…">`, `</abbr>`, `<br />`. */
const ALLOWED_TAG = new RegExp(`^(?:${Object.entries(ALLOWED_ELEMENTS).map(([name, attributes]) => `<${name}${attributePattern(attributes)}\\s*/?>|</${name}\\s*>`).join('|')})$`);
const FENCE = /^ {0,3}(?:```|~~~)/;

/**
 * The page shows a body as Markdown reads it (the loader renders it with Astro's Markdown
 * renderer; see src/integrations/entry-loader.ts). A body that passes the MDX rules reads the same
 * both ways with two exceptions, both reported here so that what was checked is what renders:
 * a tag that Markdown passes through as raw HTML must be one tag of an allowed element with its
 * allowed attributes (an element alone at the start of a line is an HTML block to Markdown, which
 * keeps the lines after it as they are), and a line indented by four spaces after a blank line is
 * a code block to Markdown but text to MDX.
 */
function findMarkdownDifferences(body: string): BodyFinding[] {
  const findings: BodyFinding[] = [];
  const lines = body.split('\n');
  const visit = (node: Node): void => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const report = (message: string) => findings.push({ line: start.line, column: start.column, message });
    if (node.type === 'html' && !ALLOWED_TAG.test(String(node.value ?? ''))) {
      report(`"${quote(String(node.value ?? ''))}" is raw HTML to the Markdown renderer, which would pass it and the lines after it to the page unchecked: write an allowed element inside a sentence (not alone at the start of a line), its attributes in quotes`);
    } else if (node.type === 'code' && !FENCE.test(lines[start.line - 1] ?? '')) {
      report('a line indented by four or more spaces is a code block on the page; remove the indent, or fence code with ```');
    }
    node.children?.forEach(visit);
  };
  visit(markdownToMdast(body, { features: FEATURES }) as unknown as Node);
  return findings;
}

/**
 * The rendering side of {@link resolveBodyUrl}: a hast plugin for the Markdown renderer that gives
 * a body's links and images their place on the built page (site paths gain the base path, links to
 * other sites get rel="noopener noreferrer").
 * @example markdownToHtml('[a](/x/)', { hastPlugins: [bodyUrls((p) => `/tl${p}`)] }).html // '<p><a href="/tl/x/">a</a></p>\n'
 */
export function bodyUrls(sitePath: (path: string) => string): HastPluginDefinition {
  return defineHastPlugin({
    name: 'tl-body-urls',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        const key = node.tagName === 'a' ? 'href' : 'src';
        const url = node.properties[key];
        if (typeof url !== 'string') return;
        const target = resolveBodyUrl(url, sitePath);
        if (target.url !== url) ctx.setProperty(node, key, target.url);
        if (key === 'href' && target.external) ctx.setProperty(node, 'rel', 'noopener noreferrer');
      },
    },
  });
}

/**
 * Checks one entry's body and returns one line per problem, naming the file and the line in it.
 * `firstLine` is the file line the body starts on (after the front matter).
 * @example checkEntryBody('src/content/entries/x.mdx', '{1}', 20) // ['src/content/entries/x.mdx: body (line 20, column 1): expression {1} is not allowed: …']
 */
export function checkEntryBody(file: string, body: string, firstLine = 1): string[] {
  return findUnsafeMarkdown(body).map((f) => `${file}: body (line ${f.line + firstLine - 1}, column ${f.column}): ${f.message}`);
}
