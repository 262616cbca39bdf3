import { describe, expect, test } from 'vitest';
import { formatHeaders, formatRedirects } from '../../src/lib/outputs/headers.ts';
import { securityHeaders } from '../../src/lib/outputs/security.ts';

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

  test('opens the data downloads and feeds to scripts on other origins', () => {
    const text = formatHeaders({}, { base: '/tl/' });
    expect(text).toContain('/tl/data/*\n  Access-Control-Allow-Origin: *');
    expect(text).toContain('/tl/feed.json\n  Access-Control-Allow-Origin: *');
    expect(text).toContain('/tl/data/entries.csv\n  Content-Type: text/csv; charset=utf-8');
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
