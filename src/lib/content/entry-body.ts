/**
 * The subset of MDX an entry body may use. MDX runs code: an `import`, an `export` or an
 * expression in braces is JavaScript executed by the build, and a JSX element can put any markup
 * into the page. So every body is checked inside its own MDX compile, on the tree the page is
 * compiled from ({@link entryBodyCheck}, registered on the site's Markdown processor in
 * astro.config.mjs): nothing else parses a body. Allowed: Markdown with GFM (tables, footnotes,
 * strikethrough, task lists), a few inline HTML elements without behaviour
 * ({@link ALLOWED_ELEMENTS}), the project's own components ({@link BODY_COMPONENTS}, inline source
 * citations), links to https or mailto addresses or to the site, and images from the site. The
 * same prose is documented for contributors in CONTRIBUTING.md.
 */
import { defineHastPlugin, defineMdastPlugin, type HastPluginDefinition, type MdastNode, type MdastPluginEntry, type PluginFactoryContext } from 'satteri';


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
  /** The front-matter field the finding is about, when it is not a place in the body. */
  field?: string;
}

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
  // Control characters are what this shows as escapes, so the pattern must name them.
  // oxlint-disable-next-line no-control-regex
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

/** The project's own components a body may use, each with the attributes it must carry. */
export const BODY_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  /** `<Cite source="<source id>" />`: ties the sentence before it to one of the entry's sources. */
  Cite: ['source'],
};

/**
 * Bounds on a body's shape. A body is two to four short paragraphs; the limits leave room for
 * ten times that, and stop what the parser cannot survive: Sätteri's native parser overflows its
 * stack (and takes the process with it) on a few thousand nested block quotes or list markers, so
 * nesting is refused on the text before the parser reads it.
 */
export const BODY_LIMITS = {
  /** Characters in a body. */
  characters: 20_000,
  /** Block quote and list markers that open one line (`> > - text` has three). */
  markersPerLine: 8,
  /** Columns of indentation and markers before a line's text. */
  prefixColumns: 40,
  /** Levels of the syntax tree (a safety net behind the two line rules). */
  treeDepth: 40,
} as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LINE_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/;
const MARKER = />|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)/g;

/**
 * What can be refused from a body's text alone, before it is parsed: its length and how deeply a
 * line nests block quotes and lists.
 * @example checkBodyShape('> '.repeat(50) + 'x')[0]?.message // 'line nests 50 block quotes or lists; at most 8 are allowed'
 */
export function checkBodyShape(body: string): BodyFinding[] {
  if (body.length > BODY_LIMITS.characters) {
    return [{ line: 1, column: 1, message: `is ${body.length.toLocaleString('en-GB')} characters long; the limit is ${BODY_LIMITS.characters.toLocaleString('en-GB')}: an entry is a few short paragraphs` }];
  }
  const findings: BodyFinding[] = [];
  body.split('\n').forEach((text, i) => {
    // A blank line nests nothing (the MDX compile sees the front matter as blank lines, too).
    if (text.trim() === '') return;
    const prefix = LINE_PREFIX.exec(text)?.[0] ?? '';
    const markers = prefix.match(MARKER)?.length ?? 0;
    if (markers > BODY_LIMITS.markersPerLine) findings.push({ line: i + 1, column: 1, message: `line nests ${markers} block quotes or lists; at most ${BODY_LIMITS.markersPerLine} are allowed` });
    else if (prefix.length > BODY_LIMITS.prefixColumns) findings.push({ line: i + 1, column: 1, message: `line is indented ${prefix.length} columns; at most ${BODY_LIMITS.prefixColumns} are allowed` });
  });
  return findings;
}

/** Where a `<Cite>` points: its source id and its number in the entry's source list. */
interface Citation {
  source: string;
  number: number;
}

/** What checking a body found, and what the page and the entry's JSON need from it. */
export interface BodyCheck {
  findings: BodyFinding[];
  /** Each `<Cite>` node's target, by node, for the rendering step. */
  citations: Map<Node, Citation>;
  /** For each paragraph in order, the sources its citations name. */
  paragraphs: string[][];
}

function checkCite(node: Node, sources: readonly string[], report: (message: string) => void): Citation | undefined {
  if (node.type === 'mdxJsxFlowElement') {
    report('<Cite> stands alone on its line; put it at the end of the sentence it supports, inside the paragraph');
    return undefined;
  }
  if ((node.children ?? []).length > 0) report('<Cite> takes no content; write it as <Cite source="…" />');
  let source: string | undefined;
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      report(`expression attribute on <Cite> is not allowed: ${BRACE_HINT}`);
    } else if (attribute.name !== 'source') {
      report(`attribute "${attribute.name}" on <Cite> is not allowed (allowed: source)`);
    } else if (typeof attribute.value !== 'string') {
      report(`<Cite source> must be a source id in quotes, such as source="npsa-security-update"; ${BRACE_HINT}`);
    } else {
      source = attribute.value;
    }
  }
  if (source === undefined) {
    report('<Cite> needs source="<source id>", one of the ids in the entry\'s sources');
    return undefined;
  }
  const index = ID.test(source) ? sources.indexOf(source) : -1;
  if (index === -1) {
    report(`<Cite source="${quote(source)}"> names a source this entry does not list; add it to sources or cite one of: ${sources.join(', ') || '(none listed)'}`);
    return undefined;
  }
  return { source, number: index + 1 };
}

/**
 * Parses-tree check of one body: every construct outside the safe subset (ESM, expressions, raw
 * HTML, elements other than {@link ALLOWED_ELEMENTS} and {@link BODY_COMPONENTS}, unsafe link and
 * image URLs, nesting beyond {@link BODY_LIMITS}), and the citation rules. `sources` is the
 * entry's source list: a `<Cite>` must name one of them; once a body cites at all, every
 * paragraph carries a citation and every listed source is cited. The walk keeps its own stack,
 * so no tree is deep enough to overflow it.
 */
export function checkBodyTree(tree: Node, sources: readonly string[]): BodyCheck {
  const findings: BodyFinding[] = [];
  const citations = new Map<Node, Citation>();
  const paragraphs: { node: Node; sources: string[] }[] = [];
  // An image reference takes its URL from a definition, which a link may share: the definition
  // passes as a link, and the image is checked against it where it is used.
  const definitions = new Map<string, string>();
  const stack: { node: Node; depth: number; paragraph: number | undefined; inLink: boolean }[] = [{ node: tree, depth: 0, paragraph: undefined, inLink: false }];
  const order: typeof stack = [];
  while (stack.length > 0) {
    const item = stack.pop()!;
    order.push(item);
    const { node } = item;
    if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url ?? '');
    const start = node.position?.start ?? { line: 1, column: 1 };
    if (item.depth > BODY_LIMITS.treeDepth) {
      findings.push({ line: start.line, column: start.column, message: `nests more than ${BODY_LIMITS.treeDepth} levels deep; write flatter text` });
      continue;
    }
    let paragraph = item.paragraph;
    if (node.type === 'paragraph') {
      paragraph = paragraphs.length;
      paragraphs.push({ node, sources: [] });
    }
    const inLink = item.inLink || node.type === 'link' || node.type === 'linkReference';
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: item.depth + 1, paragraph, inLink });
  }
  for (const { node, paragraph, inLink } of order) {
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
        if (node.name === 'Cite') {
          if (inLink) report('<Cite> inside a link is not allowed; put it after the link');
          const citation = checkCite(node, sources, report);
          if (citation) {
            citations.set(node, citation);
            if (paragraph !== undefined) paragraphs[paragraph]!.sources.push(citation.source);
          }
        } else {
          checkElement(node, report);
        }
        break;
      case 'yaml':
      case 'toml':
        report('a front-matter block inside the body is not allowed; the fields belong in the front matter at the top of the file');
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
  }
  if (citations.size > 0) {
    for (const { node, sources: cited } of paragraphs) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      if (cited.length === 0) findings.push({ line: start.line, column: start.column, message: 'paragraph cites no source; end its claims with <Cite source="…" /> naming the source that supports them' });
    }
    const used = new Set([...citations.values()].map((c) => c.source));
    sources.forEach((source, i) => {
      if (!used.has(source)) findings.push({ line: 1, column: 1, field: `sources[${i}]`, message: `source "${source}" is listed but no sentence of the body cites it; cite it with <Cite source="${source}" /> where it is used, or remove it from sources` });
    });
  }
  return { findings, citations, paragraphs: paragraphs.map((p) => p.sources) };
}

/**
 * Reads the MDX parser's "line:column: reason" error as a finding; drops its notes, which suggest
 * MDX features this site does not allow.
 * @example parseErrorFinding(new Error('18:7: Unexpected end of file in expression (mdx-jsx:x)')).line // 18
 */
export function parseErrorFinding(error: unknown): BodyFinding {
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
 * Formats findings as the build reports them: one line each, naming the file, the place and the problem.
 * @example formatBodyFindings('src/content/entries/x.mdx', [{ line: 20, column: 1, message: 'expression {1} is not allowed' }]) // 'src/content/entries/x.mdx: body (line 20, column 1): expression {1} is not allowed'
 */
export function formatBodyFindings(file: string, findings: readonly BodyFinding[]): string {
  return findings.map((f) => `${file}: ${f.field ?? `body (line ${f.line}, column ${f.column})`}: ${f.message}`).join('\n');
}

/**
 * The element a `<Cite>` becomes on the page: a numbered link to the source in the list. The search
 * index skips it, so that excerpts read as sentences, without "[source 1]" inside them.
 */
function citeElement({ source, number }: Citation): Node {
  const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });
  return {
    type: 'mdxJsxTextElement',
    name: 'sup',
    attributes: [attribute('class', 'cite'), attribute('data-pagefind-ignore', 'all')],
    children: [
      {
        type: 'mdxJsxTextElement',
        name: 'a',
        attributes: [attribute('href', `#source-${source}`), attribute('data-cite', source)],
        children: [
          { type: 'text', value: '[' },
          { type: 'mdxJsxTextElement', name: 'span', attributes: [attribute('class', 'visually-hidden')], children: [{ type: 'text', value: 'source ' }] },
          { type: 'text', value: `${number}]` },
        ],
      },
    ],
  };
}

/** A path as messages show it: relative to the working folder. */
function shownPath(fileURL: URL | undefined): string {
  if (fileURL === undefined) return '(body)';
  const path = decodeURIComponent(fileURL.pathname);
  const cwd = `${process.cwd()}/`;
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}

/**
 * The entry-body check as a plugin of the MDX compiler (Sätteri's mdast stage, Astro's equivalent
 * of a remark plugin): it reads the very tree the page is compiled from, so no second parser can
 * disagree with it. It refuses, naming file, line and column, everything outside the safe subset;
 * it turns each `<Cite source="…" />` into a numbered link to the entry's source list; and it
 * leaves the module's exported front matter as `{ citations }`, the sources of each paragraph, so
 * nothing else of the front matter (a `layout` least of all) reaches the compiled module.
 */
export function entryBodyCheck(options: { shown?: (fileURL: URL | undefined) => string } = {}): MdastPluginEntry {
  const show = options.shown ?? shownPath;
  return (factory: PluginFactoryContext) => {
    if (factory.sourceFormat !== 'mdx') return null;
    const file = show(factory.fileURL);
    const shape = checkBodyShape(factory.source);
    if (shape.length > 0) throw new Error(formatBodyFindings(file, shape));
    return defineMdastPlugin({
      name: 'tl-entry-body',
      // Findings name their line and column, so the parser must keep positions.
      options: { position: true },
      before(root, ctx) {
        const astro = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
        const listed = astro?.frontmatter?.['sources'];
        const sources = Array.isArray(listed) ? listed.filter((s): s is string => typeof s === 'string') : [];
        const checked = checkBodyTree(root as unknown as Node, sources);
        if (checked.findings.length > 0) throw new Error(formatBodyFindings(file, checked.findings));
        for (const [node, citation] of checked.citations) ctx.replaceNode(node as unknown as MdastNode, citeElement(citation) as unknown as MdastNode);
        if (astro) astro.frontmatter = { citations: checked.paragraphs };
      },
    });
  };
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

