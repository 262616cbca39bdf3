/**
 * Security of the built pages: the Content-Security-Policy `<meta>` on every page, no markup
 * that the policy would block (inline scripts, style attributes, event handler attributes), and
 * the host's `_headers` file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { headerPolicy, metaPolicy } from '../../src/lib/outputs/security.ts';
import { checkEachFile } from '../support/each.ts';
import { parseHeadersFile } from '../support/host-headers.ts';
import { listFiles, readPage } from '../support/html.ts';
import { serveStatic } from '../support/static-server.ts';

const distDir = inject('distDir');
const htmlFiles = listFiles(distDir, '.html');
const headersFile = join(distDir, '_headers');
/** The blocks of the built `_headers` file, by path. */
const headerBlocks = () => new Map(parseHeadersFile(readFileSync(headersFile, 'utf8')).map((rule) => [rule.path, rule.headers]));
const parsed = new Map<string, ReturnType<typeof readPage>>();
/** Each page parsed once for the whole file. */
const pageOf = (file: string) => parsed.get(file) ?? parsed.set(file, readPage(distDir, file)).get(file)!;

/** A policy as a map from directive name to its source list. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Sources that name no other origin: keywords, hashes and nonces, and the local schemes a directive may allow. */
const LOCAL_SOURCES = /^('self'|'none'|'wasm-unsafe-eval'|'strict-dynamic'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/;
const SCHEMES_ALLOWED: Record<string, string[]> = { 'img-src': ['data:'] };

/** What is wrong with a policy, as sentences; empty when it is strict enough. */
function policyProblems(policy: string): string[] {
  const d = directives(policy);
  const problems: string[] = [];
  const scriptSrc = d.get('script-src') ?? d.get('default-src');
  if (!scriptSrc) problems.push('no script-src or default-src');
  else {
    if (scriptSrc.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'");
    if (scriptSrc.includes("'unsafe-eval'")) problems.push("script-src allows 'unsafe-eval'");
    if (!scriptSrc.includes("'wasm-unsafe-eval'")) problems.push("script-src lacks 'wasm-unsafe-eval', which Pagefind needs");
  }
  if (d.get('default-src')?.join(' ') !== "'self'" && d.get('default-src')?.join(' ') !== "'none'") problems.push("default-src is not 'self' or 'none'");
  if (d.get('object-src')?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
  if (!d.has('base-uri')) problems.push('no base-uri');
  for (const [name, sources] of d) {
    for (const source of sources) {
      if (LOCAL_SOURCES.test(source) || SCHEMES_ALLOWED[name]?.includes(source)) continue;
      if (name === 'style-src' && source === "'unsafe-inline'") problems.push("style-src allows 'unsafe-inline'");
      else problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}

describe('the Content-Security-Policy', () => {
  test('the policy forbids inline scripts and eval, allows WebAssembly and names no other origin', () => {
    expect(policyProblems(metaPolicy())).toEqual([]);
    expect(policyProblems(headerPolicy())).toEqual([]);
    expect(directives(headerPolicy()).get('frame-ancestors')).toEqual(["'none'"]);
  });

  test('every page carries the policy in a meta tag at the top of its head', () => {
    checkEachFile(htmlFiles, (file) => {
      const page = pageOf(file);
      const metas = page.querySelectorAll('meta[http-equiv]').filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
      expect(metas).toHaveLength(1);
      expect(metas[0]!.getAttribute('content')).toBe(metaPolicy());
      // A policy only governs what comes after it: it must precede every script and stylesheet.
      const order = page.querySelectorAll('head > *');
      const policyAt = order.indexOf(metas[0]!);
      const firstLoad = order.findIndex((el) => el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || (el.tagName === 'LINK' && /stylesheet|modulepreload|preload/.test(el.getAttribute('rel') ?? '')));
      expect(policyAt).toBeGreaterThanOrEqual(0);
      if (firstLoad >= 0) expect(policyAt).toBeLessThan(firstLoad);
    });
  });
});

describe('markup the policy would block', () => {
  test('no page has an inline script other than JSON-LD data', () => {
    checkEachFile(htmlFiles, (file) => {
      const page = pageOf(file);
      const inline = page.querySelectorAll('script:not([src])').filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(inline.map((s) => s.outerHTML.slice(0, 120))).toEqual([]);
      for (const data of page.querySelectorAll('script[type="application/ld+json"]')) {
        expect(() => JSON.parse(data.rawText), `${file}: JSON-LD does not parse`).not.toThrow();
        // Text inside <script> is not escaped by HTML: "<" must be written \u003c in the JSON.
        expect(data.rawText, `${file}: JSON-LD contains a raw "<"`).not.toContain('<');
      }
    });
  });

  test('no page has a style attribute, style element, event handler attribute or javascript: URL', () => {
    checkEachFile(htmlFiles, (file) => {
      const page = pageOf(file);
      const problems: string[] = [];
      for (const el of page.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          const lower = name.toLowerCase();
          if (lower === 'style') problems.push(`<${el.rawTagName} style="${value}">`);
          if (/^on[a-z]+$/.test(lower)) problems.push(`<${el.rawTagName} ${name}="${value}">`);
          if (['href', 'src', 'action', 'formaction'].includes(lower) && /^\s*javascript:/i.test(value)) problems.push(`<${el.rawTagName} ${name}="${value}">`);
        }
      }
      problems.push(...page.querySelectorAll('style').map((s) => `<style> element: ${s.rawText.slice(0, 60)}`));
      expect(problems).toEqual([]);
    });
  });
});

describe('stylesheets', () => {
  const sheets = listFiles(distDir, '.css').filter((f) => !f.startsWith('pagefind/'));

  test('the build has stylesheets', () => {
    expect(sheets.length).toBeGreaterThan(0);
  });

  test('every stylesheet imports nothing and loads no font or image from another origin or a data: URL', () => {
    checkEachFile(sheets, (file) => {
      const css = readFileSync(join(distDir, file), 'utf8');
      expect(css).not.toMatch(/@import/i);
      const urls = [...css.matchAll(/url\(\s*['"]?([^'")]+)/gi)].map((m) => m[1]!);
      expect(urls.filter((u) => /^(https?:)?\/\//i.test(u) || /^data:(font|application\/(x-)?font)/i.test(u))).toEqual([]);
    });
  });
});

describe('the host headers file', () => {
  test('_headers exists in the build', () => {
    expect(existsSync(headersFile), `${headersFile} is missing: the build must write the host's security headers`).toBe(true);
  });

  test('_headers applies the same policy with frame-ancestors and the other security headers to every path', () => {
    const blocks = headerBlocks();
    const all = blocks.get('/*');
    expect(all, '_headers has no "/*" block').toBeDefined();
    const csp = all!.get('content-security-policy')!;
    expect(policyProblems(csp)).toEqual([]);
    for (const directive of directives(metaPolicy()).keys()) expect(directives(csp).get(directive)).toEqual(directives(metaPolicy()).get(directive));
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    expect(all!.get('referrer-policy')).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(all!.get('x-content-type-options')).toBe('nosniff');
    expect(all!.get('permissions-policy')).toMatch(/camera=\(\)/);
  });

  test('the files it lets browsers keep for a year all carry a hash of their content in their name', () => {
    const blocks = headerBlocks();
    expect(blocks.get('/_astro/*')?.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const assets = readdirSync(join(distDir, '_astro'));
    expect(assets.length).toBeGreaterThan(5);
    // Vite's names: the source's name, a dot, eight characters of the content hash, the extension.
    expect(assets.filter((name) => !/\.[A-Za-z0-9_-]{8}\.(css|js)$/.test(name))).toEqual([]);
  });

  test('a host that reads it sends the policy with every page and the caching with every asset', async () => {
    const server = await serveStatic(distDir, '/', { hostHeaders: true });
    try {
      const page = await fetch(`${server.origin}/`);
      expect(directives(page.headers.get('content-security-policy') ?? '').get('frame-ancestors')).toEqual(["'none'"]);
      expect(page.headers.get('cache-control')).toBeNull();
      const asset = readdirSync(join(distDir, '_astro')).find((name) => name.endsWith('.css'))!;
      const css = await fetch(`${server.origin}/_astro/${asset}`);
      expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(css.headers.get('x-content-type-options')).toBe('nosniff');
      const feed = await fetch(`${server.origin}/feed.xml`);
      expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      expect(feed.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await server.close();
    }
  });
});
