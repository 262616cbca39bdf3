import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatHeaders, formatRedirects, PUBLISHED_FILES } from '../../src/lib/outputs/headers.ts';
import { securityHeaders } from '../../src/lib/outputs/security.ts';
import { contentType, MEDIA_TYPES, type MediaType } from '../../src/lib/site/site.ts';
import { parseHeadersFile, pathMatches } from '../support/host-headers.ts';

const PAGES = fileURLToPath(new URL('../../src/pages/', import.meta.url));

/** What a route sends, read from its source: the `contentType(…)` it names, or the feed helper it calls. */
function routeType(source: string): MediaType | undefined {
  if (/\brssResponse\(/.test(source)) return 'rss';
  if (/\bjsonFeedResponse\(/.test(source)) return 'jsonFeed';
  const named = /\bcontentType\('(\w+)'\)/.exec(source)?.[1];
  return named !== undefined && named in MEDIA_TYPES ? (named as MediaType) : undefined;
}

/**
 * Every endpoint under `src/pages/` (a `.ts` route: everything that is not an HTML page), with
 * request paths that stand for it (each `[param]` filled in twice: with a name that is also a data
 * file's, to catch overlapping rules, and with a plain id) and the media type it sends. Read from
 * the files on disk, so a new feed or download cannot be added without a rule.
 */
const ENDPOINTS = readdirSync(PAGES, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .sort()
  .map((file) => {
    const route = file.replaceAll('\\', '/').slice(0, -'.ts'.length);
    return {
      route,
      samples: ['entries', 'x-1'].map((id) => route.replace(/\[[^\]]+\]/g, id)),
      type: routeType(readFileSync(`${PAGES}${file}`, 'utf8')),
    };
  });

/** Files the build writes besides the routes (src/integrations/site-outputs.ts): each entry's JSON. */
const WRITTEN_FILES = [{ route: 'entries/<id>.json', samples: ['entries/2019-10-07-us-entity-list.json', 'entries/old-id.json'], type: 'json' as MediaType }];

/** Paths of pages, which must get neither a media type nor CORS from a file rule. */
const PAGE_PATHS = ['', 'entries/2019-10-07-x/', 'entries/2019-10-07-x/v/1/', 'data/', 'vendors/hikvision/', 'years/2022/', 'search/', 'corrections/', 'feeds/'];

/** Every value each header gets for a path, from every block that matches it (a host that joins repeated headers sends them all). */
function headerValues(text: string, path: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const rule of parseHeadersFile(text)) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) values.set(name, [...(values.get(name) ?? []), value]);
  }
  return values;
}

describe('formatHeaders', () => {
  test.each([
    ['/', '/*'],
    ['/tl/', '/tl/*'],
    ['/tl', '/tl/*'],
  ])('with base %j applies the security headers to %j', (base, pattern) => {
    const text = formatHeaders(securityHeaders(), { base });
    const [first] = text.split('\n\n');
    expect(first?.split('\n')[0]).toBe(pattern);
    for (const [name, value] of Object.entries(securityHeaders())) expect(first).toContain(`\n  ${name}: ${value}`);
  });

  test('lets browsers keep the hashed build assets for a year without asking again', () => {
    expect(formatHeaders({}, { base: '/' })).toContain('\n\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n\n');
    expect(formatHeaders({}, { base: '/tl' })).toContain('\n\n/tl/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n\n');
  });

  test('finds the endpoints it checks on disk: the data files, the schemas, every feed and the search terms', () => {
    expect(ENDPOINTS.map((e) => e.route)).toEqual(
      expect.arrayContaining(['feed.xml', 'feed.json', 'corrections/feed.xml', 'vendors/[id]/feed.json', 'years/[year]/feed.xml', 'data/entries.csv', 'data/[name].schema.json', 'search/terms/[shard].json']),
    );
  });

  test.each(['/', '/tl/'])('with base %j gives every endpoint and entry file exactly one media type, the one the route sends, and the data and feeds open CORS', (base) => {
    const text = formatHeaders(securityHeaders(), { base });
    const wrong: string[] = [];
    for (const { route, samples, type } of [...ENDPOINTS, ...WRITTEN_FILES]) {
      if (type === undefined) {
        wrong.push(`${route}: the test cannot tell what media type the route sends; name it with contentType(…) from src/lib/site/site.ts`);
        continue;
      }
      for (const sample of samples) {
        const values = headerValues(text, `${base}${sample}`);
        const types = values.get('content-type') ?? [];
        if (types.length !== 1 || types[0] !== contentType(type)) wrong.push(`${base}${sample} (${route}): Content-Type ${JSON.stringify(types)}, expected ["${contentType(type)}"]; add it to PUBLISHED_FILES in src/lib/outputs/headers.ts`);
        const cors = values.get('access-control-allow-origin') ?? [];
        const wanted = route === 'robots.txt' ? [] : ['*'];
        if (JSON.stringify(cors) !== JSON.stringify(wanted)) wrong.push(`${base}${sample} (${route}): Access-Control-Allow-Origin ${JSON.stringify(cors)}, expected ${JSON.stringify(wanted)}`);
        const repeated = [...values].filter(([, v]) => v.length > 1).map(([name]) => name);
        if (repeated.length > 0) wrong.push(`${base}${sample} (${route}): ${repeated.join(', ')} set by more than one rule; a host would join the values`);
        if (JSON.stringify(values.get('x-content-type-options')) !== '["nosniff"]') wrong.push(`${base}${sample} (${route}): not X-Content-Type-Options: nosniff`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('sets no media type or CORS on pages', () => {
    const text = formatHeaders(securityHeaders(), { base: '/tl/' });
    const wrong = PAGE_PATHS.filter((path) => {
      const values = headerValues(text, `/tl/${path}`);
      return values.has('content-type') || values.has('access-control-allow-origin');
    });
    expect(wrong).toEqual([]);
  });

  test('has no rule that matches no published file, at most one splat per rule, and stays within Cloudflare’s 100 rules', () => {
    const samples = [...ENDPOINTS, ...WRITTEN_FILES].flatMap((e) => e.samples.map((s) => `/${s}`));
    expect(PUBLISHED_FILES.filter((file) => !samples.some((s) => pathMatches(`/${file.path}`, s))).map((f) => f.path)).toEqual([]);
    expect(PUBLISHED_FILES.filter((file) => file.path.split('*').length > 2).map((f) => f.path)).toEqual([]);
    const rules = parseHeadersFile(formatHeaders(securityHeaders(), { base: '/' }));
    expect(rules.length).toBeLessThanOrEqual(100);
  });

  test('writes the media types of src/lib/site/site.ts with UTF-8', () => {
    const text = formatHeaders({}, { base: '/tl/' });
    expect(text).toContain('/tl/data/*.csv\n  Access-Control-Allow-Origin: *\n  Content-Type: text/csv; charset=utf-8');
    expect(text).toContain('/tl/vendors/*/feed.json\n  Access-Control-Allow-Origin: *\n  Content-Type: application/feed+json; charset=utf-8');
    expect(text).toContain('/tl/years/*/feed.xml\n  Access-Control-Allow-Origin: *\n  Content-Type: application/rss+xml; charset=utf-8');
    expect(text).toContain('/tl/entries/*.json\n  Access-Control-Allow-Origin: *\n  Content-Type: application/json; charset=utf-8');
    expect(text).toContain('/tl/data/*.schema.json\n  Access-Control-Allow-Origin: *\n  Content-Type: application/schema+json; charset=utf-8');
  });
});

describe('formatRedirects', () => {
  test.each([
    ['/', '/entries/a/ /entries/b/ 301\n/entries/a.json /entries/b.json 301\n'],
    ['/tl/', '/tl/entries/a/ /tl/entries/b/ 301\n/tl/entries/a.json /tl/entries/b.json 301\n'],
  ])('with base %j writes a permanent redirect for the page and its JSON', (base, expected) => {
    expect(formatRedirects([{ from: 'a', to: 'b' }], { base })).toBe(expected);
  });

  test('is empty when nothing was replaced', () => {
    expect(formatRedirects([], { base: '/' })).toBe('');
  });
});
