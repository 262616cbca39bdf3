import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/content/content-check.ts';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { ALLOWED_ELEMENTS, BODY_COMPONENTS, BODY_LIMITS, bodyUrls, checkBodyShape, entryBodyCheck, parseErrorFinding, resolveBodyUrl, urlScheme, type BodyFinding } from '../../src/lib/content/entry-body.ts';
import { markdownToHtml, mdxToJs, type MarkdownToHtmlResult, type MdxToJsResult } from 'satteri';

/** The outcome of compiling a body as the build does: the module's code and exported front matter, or the findings. */
interface Compiled {
  findings: BodyFinding[];
  code: string;
  frontmatter: unknown;
}

/** Compiles a body with the body check, as @astrojs/mdx does for an entry that lists `sources`. */
function compile(body: string, sources: string[] = []): Compiled {
  try {
    const data = { astro: { frontmatter: { sources } as Record<string, unknown>, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } };
    const result = (mdxToJs as (...args: Parameters<typeof mdxToJs>) => MdxToJsResult)(body, { mdastPlugins: [entryBodyCheck({ shown: () => 'x.mdx' })], fileURL: new URL('file:///site/x.mdx'), data });
    return { findings: [], code: result.code, frontmatter: data.astro.frontmatter };
  } catch (error) {
    const message = (error as Error).message;
    if (!message.startsWith('x.mdx: ')) return { findings: [parseErrorFinding(error)], code: '', frontmatter: undefined };
    const findings = message.split('\n').map((line): BodyFinding => {
      const place = /^x\.mdx: body \(line (\d+), column (\d+)\): ([\s\S]*)$/.exec(line);
      if (place) return { line: Number(place[1]), column: Number(place[2]), message: place[3]! };
      const field = /^x\.mdx: ([^:]+): ([\s\S]*)$/.exec(line)!;
      return { line: 1, column: 1, field: field[1]!, message: field[2]! };
    });
    return { findings, code: '', frontmatter: undefined };
  }
}

/** The findings of a body's compile. */
const findUnsafeMarkdown = (body: string, sources: string[] = []) => compile(body, sources).findings;

/** A body that uses every construct the subset allows. */
const ALLOWED = `## A heading

A paragraph with *emphasis*, **strong text**, ~~struck text~~, \`inline code {x} <y>\` and a
hard break\\
and an <abbr title="Bureau of Industry and Security">BIS</abbr>, H<sub>2</sub>O, 10<sup>3</sup><br />
and escaped characters: \\{ braces \\}, an \\<angle> and a bare comparison a < b > c.

> A quotation.

- A list item with [a link](https://www.federalregister.gov/d/2019-22210)
- [mail](mailto:press@example.org), [another entry](/entries/2021-03-x/)
- [a relative link](../2021-03-x/#context) and [a reference][rule] and https://example.org

1. An ordered item with a footnote.[^1]

- [x] A task

| Year | Event |
| ---- | ----- |
| 2019 | Listed |

![A chart](/images/chart.png)

\`\`\`text
fenced {code} <script>kept as text</script>
\`\`\`

---

[rule]: https://www.federalregister.gov/d/2019-22210 "The rule"
[^1]: A footnote.
`;

describe('findUnsafeMarkdown', () => {
  test('accepts a body that uses every allowed construct', () => {
    expect(findUnsafeMarkdown(ALLOWED)).toEqual([]);
  });

  test('the allowed elements are the short documented list', () => {
    expect(Object.keys(ALLOWED_ELEMENTS).sort()).toEqual(['abbr', 'br', 'sub', 'sup']);
  });

  test.each([
    ['an inline expression', 'Leak: {globalThis.process?.env?.HOME}', 1, 7, 'expression {globalThis.process?.env?.HOME} is not allowed'],
    ['a flow expression', 'Text.\n\n{process.env}\n', 3, 1, 'expression {process.env} is not allowed'],
    ['an empty expression (an MDX comment)', 'Text {/* hidden */}.', 1, 6, 'expression {/* hidden */} is not allowed'],
    ['an import', 'import fs from "node:fs"\n\nText.', 1, 1, 'import statement "import fs from "node:fs"" is not allowed'],
    ['an export', 'Text.\n\nexport const x = 1', 3, 1, 'export statement "export const x = 1" is not allowed'],
    ['a script element', '<script>alert(1)</script>', 1, 1, 'element <script> is not allowed'],
    ['an iframe', 'See <iframe src="https://example.org/" />.', 1, 5, 'element <iframe> is not allowed'],
    ['an image element', '<img src="/x.png" alt="" />', 1, 1, 'element <img> is not allowed'],
    ['a component', 'A <Chart data="x" />.', 1, 3, 'element <Chart> is not allowed'],
    ['an allowed name in other case', '<ABBR title="x">X</ABBR>', 1, 1, 'element <ABBR> is not allowed'],
    ['a fragment', '<>text</>', 1, 1, 'element <> is not allowed'],
    ['an event handler on an allowed element', '<abbr title="x" onMouseOver="alert(1)">X</abbr>', 1, 1, 'event-handler attribute "onMouseOver" on <abbr> is not allowed'],
    ['an event handler in lower case', '<sup onclick="alert(1)">2</sup>', 1, 1, 'event-handler attribute "onclick" on <sup> is not allowed'],
    ['a style attribute', '<sub style="color:red">2</sub>', 1, 1, 'style attribute on <sub> is not allowed'],
    ['another attribute', '<abbr class="x">X</abbr>', 1, 1, 'attribute "class" on <abbr> is not allowed (allowed: title)'],
    ['an expression as a value', '<abbr title={process.env.HOME}>X</abbr>', 1, 1, 'expression value title={process.env.HOME} on <abbr> is not allowed'],
    ['a spread attribute', '<abbr {...props}>X</abbr>', 1, 1, 'expression attribute {...props} on <abbr> is not allowed'],
    ['an expression inside an allowed element', '<abbr title="x">{1 + 1}</abbr>', 1, 17, 'expression {1 + 1} is not allowed'],
    ['a br with content', '<br>x</br>', 1, 1, 'element <br> must be empty'],
    ['a javascript: link', '[click](javascript:alert(1))', 1, 1, 'link URL "javascript:alert(1)" uses the scheme "javascript:"'],
    ['a javascript: link in capitals', '[click](JavaScript:alert(1))', 1, 1, 'uses the scheme "javascript:"'],
    ['a javascript: link split by a tab', '[click](<java\tscript:alert(1)>)', 1, 1, 'link URL "java\\u0009script:alert(1)" uses the scheme "javascript:"'],
    ['a javascript: link written with an entity', '[click](java&#115;cript:alert(1))', 1, 1, 'uses the scheme "javascript:"'],
    ['a data: link', '[x](data:text/html,<script>alert(1)</script>)', 1, 1, 'uses the scheme "data:"'],
    ['a scheme-relative link', '[x](//example.org/)', 1, 1, 'link URL "//example.org/" has no scheme'],
    ['an http: link', '[x](http://example.org/)', 1, 1, 'link URL "http://example.org/" uses http:; link to the https:// address'],
    ['an http: autolink literal', 'See www.example.org for more.', 1, 5, 'link URL "http://www.example.org" uses http:'],
    ['a relative image', '![x](chart.png)', 1, 1, 'image URL "chart.png" is not allowed'],
    ['a data: image', '![x](data:image/png;base64,AAAA)', 1, 1, 'image URL "data:image/png;base64,AAAA" is not allowed'],
    ['a javascript: definition', '[click][r]\n\n[r]: javascript:alert(1)', 3, 1, 'link definition URL "javascript:alert(1)" uses the scheme "javascript:"'],
    ['an image from another site', '![x](https://example.org/x.png)', 1, 1, 'image URL "https://example.org/x.png" is not allowed'],
    ['an image through a definition', 'Text ![x][r]\n\n[r]: https://example.org/x.png', 1, 6, 'image URL "https://example.org/x.png" is not allowed'],
    ['a second front-matter block', '---\ntitle: {process.env.HOME}\n---\n\nText.', 1, 1, 'a front-matter block inside the body is not allowed'],
  ])('rejects %s', (_name, body, line, column, message) => {
    const findings = findUnsafeMarkdown(body);
    expect(findings).toContainEqual({ line, column, message: expect.stringContaining(message) });
  });

  test('says how to write a literal brace or angle bracket', () => {
    expect(findUnsafeMarkdown('{x}')[0]?.message).toContain('escape it as \\{ and \\}');
    expect(findUnsafeMarkdown('<script />')[0]?.message).toContain('escape it as \\<');
  });

  test('accepts fenced code, allowed tags in a sentence and a lone <br />', () => {
    expect(findUnsafeMarkdown('Text <abbr title="a">A</abbr>, <sup>2</sup><br />\n\n<br />\n\n```\n    code\n```\n\n~~~text\nx\n~~~')).toEqual([]);
  });

  test.each([
    ['an unclosed brace', 'A set { of things.', 1, 7],
    ['an HTML comment', 'Text.\n\nMore <!-- note --> text.', 3, 6],
    ['an unclosed element', 'A <abbr title="x">word.', 1, 3],
  ])('reports a body that is not valid MDX (%s) at its place, with the escape to use', (_name, body, line, column) => {
    const findings = findUnsafeMarkdown(body);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line, column });
    expect(findings[0]?.message).toMatch(/^not valid MDX: .*; a literal "\{", "\}" or "<" in prose must be escaped as \\\{, \\\} or \\<$/);
    // The parser's own notes suggest MDX comments and components, which the subset forbids.
    expect(findings[0]?.message).not.toContain('note:');
  });
});

describe('urlScheme', () => {
  test.each([
    ['/entries/x/', 'relative'],
    ['../x/#y', 'relative'],
    ['#context', 'relative'],
    ['x.png', 'relative'],
    ['https://example.org/', 'https:'],
    ['HTTP://example.org/', 'http:'],
    ['mailto:a@example.org', 'mailto:'],
    ['javascript:alert(1)', 'javascript:'],
    [' \tjavascript:alert(1)', 'javascript:'],
    ['java\nscript:alert(1)', 'javascript:'],
    ['vbscript:x', 'vbscript:'],
    ['//example.org/', 'scheme-relative'],
    ['\\\\example.org/', 'scheme-relative'],
    ['https://exa mple.org/', 'invalid'],
  ])('%j is %s', (url, expected) => {
    expect(urlScheme(url)).toBe(expected);
  });
});

describe('resolveBodyUrl', () => {
  const sitePath = (path: string) => `/tl/${path.replace(/^\/+/, '')}`;
  test.each([
    ['/entries/x/#y', '/tl/entries/x/#y', false],
    ['../x/', '../x/', false],
    ['#fn-1', '#fn-1', false],
    ['https://example.org/', 'https://example.org/', true],
    ['mailto:a@example.org', 'mailto:a@example.org', false],
  ])('%s becomes %s (external: %s)', (url, expected, external) => {
    expect(resolveBodyUrl(url, sitePath)).toEqual({ url: expected, external });
  });
});

describe('entryBodyCheck (inside the MDX compile)', () => {
  test('names the line of the file, the front matter counted as the blank lines the compiler sees', () => {
    expect(findUnsafeMarkdown(`${'\n'.repeat(15)}\nText.\n\nLeak: {process.env.HOME}\n`)).toEqual([
      { line: 19, column: 7, message: 'expression {process.env.HOME} is not allowed: entries cannot run code; to show a literal brace, escape it as \\{ and \\}' },
    ]);
  });

  test('returns nothing for a safe body', () => {
    expect(findUnsafeMarkdown('Plain *Markdown*.')).toEqual([]);
  });

  test('the project\'s components are the one citation component, with its one attribute', () => {
    expect(BODY_COMPONENTS).toEqual({ Cite: ['source'] });
  });

  test('turns each <Cite> into a numbered link to the source in the list, and exports which sources each paragraph cites', () => {
    const { findings, code, frontmatter } = compile('A claim.<Cite source="b" /> More.<Cite source="a" />\n\nSecond.<Cite source="a" />\n', ['a', 'b']);
    expect(findings).toEqual([]);
    expect(code).toContain('href: "#source-b"');
    expect(code).toContain('"2]"');
    expect(code).toContain('href: "#source-a"');
    expect(code).not.toMatch(/\bCite\b/);
    expect(frontmatter).toEqual({ citations: [['b', 'a'], ['a']] });
  });

  test('leaves nothing of the front matter but the citations in the compiled module (no layout import)', () => {
    const data = { astro: { frontmatter: { sources: ['a'], layout: '../../../etc/x.astro', title: 'T' } as Record<string, unknown>, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } };
    const { code } = (mdxToJs as (...args: Parameters<typeof mdxToJs>) => MdxToJsResult)('Text.<Cite source="a" />', { mdastPlugins: [entryBodyCheck({ shown: () => 'x.mdx' })], fileURL: new URL('file:///site/x.mdx'), data });
    expect(data.astro.frontmatter).toEqual({ citations: [['a']] });
    expect(code).not.toContain('etc/x');
  });

  test.each([
    ['a source the entry does not list', 'Text.<Cite source="c" />', ['a'], '<Cite source="c"> names a source this entry does not list'],
    ['a citation alone on its line', 'Text.<Cite source="a" />\n\n<Cite source="a" />', ['a'], '<Cite> stands alone on its line'],
    ['an expression as the source', 'Text.<Cite source={x} />', ['a'], '<Cite source> must be a source id in quotes'],
    ['another attribute', 'Text.<Cite source="a" page="3" />', ['a'], 'attribute "page" on <Cite> is not allowed'],
    ['no source', 'Text.<Cite />', ['a'], '<Cite> needs source="<source id>"'],
    ['content inside', 'Text.<Cite source="a">see</Cite>', ['a'], '<Cite> takes no content'],
    ['a citation inside a link', '[Text.<Cite source="a" />](https://example.org/)', ['a'], '<Cite> inside a link is not allowed'],
    ['a paragraph without a citation once the body cites', 'One.<Cite source="a" />\n\nTwo.', ['a'], 'paragraph cites no source'],
    ['a listed source no sentence cites', 'One.<Cite source="a" />', ['a', 'b'], 'source "b" is listed but no sentence of the body cites it'],
  ])('rejects %s, by name', (_name, body, sources, message) => {
    expect(findUnsafeMarkdown(body, sources)).toContainEqual(expect.objectContaining({ message: expect.stringContaining(message) }));
  });

  test('a body without any citation is not held to the citation rules yet', () => {
    expect(findUnsafeMarkdown('One.\n\nTwo.', ['a', 'b'])).toEqual([]);
  });

  test.each([
    ['5,000 nested block quotes', '> '.repeat(5000) + 'x', 'line nests 5000 block quotes or lists'],
    ['6,000 nested list markers', '- '.repeat(6000) + 'x', 'line nests 6000 block quotes or lists'],
    ['a list nested by indentation', Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'), 'columns; at most'],
    ['an over-long body', 'word '.repeat(5000), 'characters long; the limit is 20,000'],
  ])('refuses %s before the parser reads it, naming the line', (_name, body, message) => {
    expect(checkBodyShape(body)).toContainEqual(expect.objectContaining({ message: expect.stringContaining(message) }));
    // And the compile stops there too, with an error, not a crash of the process.
    expect(() => mdxToJs(body, { mdastPlugins: [entryBodyCheck({ shown: () => 'x.mdx' })] })).toThrow(/^x\.mdx: body \(line \d+, column 1\)/);
  });

  test('allows the nesting a real body uses', () => {
    expect(checkBodyShape('> A quote\n> - with a list\n>   - and a sub-list\n')).toEqual([]);
    expect(BODY_LIMITS.markersPerLine).toBeGreaterThanOrEqual(4);
  });
});

describe('the content check', () => {
  test('accepts the fixture entry that uses every allowed construct (the build test renders it)', () => {
    const root = mkdtempSync(join(tmpdir(), 'tl-allowed-'));
    try {
      const fixtures = new URL('../fixtures/', import.meta.url).pathname;
      cpSync(join(fixtures, 'valid'), root, { recursive: true });
      cpSync(join(fixtures, 'allowed-body'), root, { recursive: true });
      const { loaded, problems } = readContentTree(root, { cwd: root });
      expect(loaded.entries.map((e) => e.id)).toContain('2019-10-08-allowed-markdown');
      expect([...problems, ...checkContent(loaded, { today: '2026-11-29' }).problems]).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the parser', () => {
  test('is the one the site renders with: the Markdown processor and this check load the same satteri module', () => {
    const fromRenderer = createRequire(createRequire(import.meta.url).resolve('@astrojs/markdown-satteri'));
    expect(fromRenderer.resolve('satteri')).toBe(createRequire(import.meta.url).resolve('satteri'));
  });
});

describe('bodyUrls (the renderer plugin that places links and images)', () => {
  const render = (markdown: string) => (markdownToHtml(markdown, { hastPlugins: [bodyUrls((path) => `/tl${path}`)] }) as MarkdownToHtmlResult).html;

  test('gives site paths the base path and links to other sites rel="noopener noreferrer"', () => {
    expect(render('[a](/entries/x/) [b](https://example.org/) [c](mailto:a@example.org) [d](../y/)')).toBe(
      '<p><a href="/tl/entries/x/">a</a> <a href="https://example.org/" rel="noopener noreferrer">b</a> <a href="mailto:a@example.org">c</a> <a href="../y/">d</a></p>\n',
    );
    expect(render('![An icon](/favicon.svg)')).toBe('<p><img src="/tl/favicon.svg" alt="An icon"></p>\n');
  });
});
