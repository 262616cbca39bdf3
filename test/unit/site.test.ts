import { describe, expect, test } from 'vitest';
import { missingSiteUrl, reportAddress, reportHref, resolveSiteUrl } from '../../src/lib/site/site.ts';

const subject = { title: 'UK restricts “cameras” & more', url: 'https://example.org/entries/2022-11-24-uk/' };

describe('reportAddress', () => {
  test('is undefined when REPORT_URL is unset or blank', () => {
    expect(reportAddress({})).toBeUndefined();
    expect(reportAddress({ REPORT_URL: '  ' })).toBeUndefined();
  });

  test('reads a web address and a mailto: address', () => {
    expect(reportAddress({ REPORT_URL: 'https://example.org/report' })).toEqual({ kind: 'url', url: 'https://example.org/report' });
    expect(reportAddress({ REPORT_URL: 'mailto:corrections@example.org' })).toEqual({ kind: 'mailto', address: 'corrections@example.org' });
  });

  test.each(['javascript:alert(1)', 'example.org/report', 'mailto:nobody', 'ftp://example.org/x'])('refuses %s, naming the variable', (value) => {
    expect(() => reportAddress({ REPORT_URL: value })).toThrow(/^REPORT_URL: /);
  });
});

describe('reportHref', () => {
  test('prefills an e-mail with the entry in the subject and the body', () => {
    const href = reportHref({ kind: 'mailto', address: 'corrections@example.org' }, subject);
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('corrections@example.org');
    expect(url.searchParams.get('subject')).toBe(`Error in “${subject.title}”`);
    expect(url.searchParams.get('body')).toContain(`Entry: ${subject.url}`);
  });

  test('puts the entry URL in a web address as a url parameter, keeping its own query', () => {
    const href = reportHref({ kind: 'url', url: 'https://example.org/report?form=7' }, subject);
    const url = new URL(href);
    expect(url.searchParams.get('form')).toBe('7');
    expect(url.searchParams.get('url')).toBe(subject.url);
  });

  test('fills {url} and {title} placeholders where the address has them', () => {
    const href = reportHref({ kind: 'url', url: 'https://tracker.example.org/new?title=Error:%20{title}&body={url}' }, subject);
    expect(href).toBe(`https://tracker.example.org/new?title=Error:%20${encodeURIComponent(subject.title)}&body=${encodeURIComponent(subject.url)}`);
  });

  test('without an entry, links the address itself', () => {
    expect(reportHref({ kind: 'url', url: 'https://example.org/report?u={url}' })).toBe('https://example.org/report?u=');
    expect(reportHref({ kind: 'mailto', address: 'a@example.org' })).toBe('mailto:a@example.org');
  });
});

describe('a report about a page and its version', () => {
  const subject = { title: 'T', url: 'https://x.org/entries/t/', kind: 'entry' as const, version: { n: 2, url: 'https://x.org/entries/t/v/2/' } };

  test('an e-mail names the version in its subject and gives both addresses in its body', () => {
    const href = reportHref({ kind: 'mailto', address: 'a@example.org' }, subject);
    const params = new URLSearchParams(href.split('?')[1]);
    expect(params.get('subject')).toBe('Error in “T” (version 2)');
    expect(params.get('body')).toBe('Entry: https://x.org/entries/t/\nVersion 2: https://x.org/entries/t/v/2/\n\nWhat is wrong, and a source that shows it:\n');
    expect(new URLSearchParams(reportHref({ kind: 'mailto', address: 'a@example.org' }, { ...subject, kind: 'measure' }).split('?')[1]).get('body')).toMatch(/^Measure: /);
  });

  test('a web address gets the version where it says {version}, or as a version parameter', () => {
    expect(reportHref({ kind: 'url', url: 'https://f.example/r?p={url}&v={version}' }, subject)).toBe('https://f.example/r?p=https%3A%2F%2Fx.org%2Fentries%2Ft%2F&v=https%3A%2F%2Fx.org%2Fentries%2Ft%2Fv%2F2%2F');
    const plain = new URL(reportHref({ kind: 'url', url: 'https://f.example/r' }, subject));
    expect([plain.searchParams.get('url'), plain.searchParams.get('version')]).toEqual([subject.url, subject.version.url]);
  });
});

describe('missingSiteUrl', () => {
  test('refuses a build without a public origin, naming the variable, an example and npm start', () => {
    const message = missingSiteUrl({}, { siteUrlGiven: false });
    expect(message).toContain('SITE_URL is not set');
    expect(message).toContain('SITE_URL=https://example.org npm run build');
    expect(message).toContain('npm start');
  });

  test.each([
    [{ SITE_URL: 'https://example.org' }, false],
    [{ URL: 'https://cctv.netlify.app' }, false],
    [{ VERCEL_PROJECT_PRODUCTION_URL: 'cctv.example.org' }, false],
    [{}, true],
  ])('accepts %j (or an address given on the command line: %s)', (env, siteUrlGiven) => {
    expect(missingSiteUrl(env, { siteUrlGiven })).toBeUndefined();
  });

  test('takes SITE_URL first, then the host\'s production address, with https for a bare host name', () => {
    expect(resolveSiteUrl({ SITE_URL: 'https://a.example', URL: 'https://b.example' })).toEqual({ url: 'https://a.example', variable: 'SITE_URL' });
    expect(resolveSiteUrl({ URL: 'https://b.example' })).toEqual({ url: 'https://b.example', variable: 'URL' });
    expect(resolveSiteUrl({ VERCEL_PROJECT_PRODUCTION_URL: 'c.example' })).toEqual({ url: 'https://c.example', variable: 'VERCEL_PROJECT_PRODUCTION_URL' });
    expect(resolveSiteUrl({ SITE_URL: '  ' })).toBeUndefined();
  });
});
