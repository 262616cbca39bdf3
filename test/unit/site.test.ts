import { describe, expect, test } from 'vitest';
import { configWarnings, reportAddress, reportHref } from '../../src/lib/site/site.ts';

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

describe('configWarnings', () => {
  test('warns once for each missing setting', () => {
    const warnings = configWarnings({}, { siteUrlGiven: false });
    expect(warnings.map((w) => w.variable)).toEqual(['SITE_URL', 'REPORT_URL']);
    expect(warnings[0]!.message).toContain('canonical links, citations, feeds and the sitemap will point to http://localhost:4321');
  });

  test('is quiet about SITE_URL when it is set or given on the command line', () => {
    expect(configWarnings({ SITE_URL: 'https://example.org', REPORT_URL: 'mailto:a@example.org' }, { siteUrlGiven: false })).toEqual([]);
    expect(configWarnings({ REPORT_URL: 'mailto:a@example.org' }, { siteUrlGiven: true })).toEqual([]);
  });
});
