import { describe, expect, test } from 'vitest';
import { COPY_DOMAINS, copyDomainOf } from '../../src/lib/content/copy-domains.ts';

describe('copyDomainOf', () => {
  test.each([
    ['https://www.parallelparliament.co.uk/lord/x', 'parallelparliament.co.uk'],
    ['https://parallelparliament.co.uk/search?q=1', 'parallelparliament.co.uk'],
    ['https://m.thebl.com/china/x.html', 'thebl.com'],
    ['https://SASASTUNTS.com/government/publications/x', 'sasastunts.com'],
    ['http://stage.exportcompliancedaily.com/article/2024/01/19/x', 'stage.exportcompliancedaily.com'],
    ['https://irishtimes-irishtimes-prod.cdn.arcpublishing.com/news/x', 'irishtimes-irishtimes-prod.cdn.arcpublishing.com'],
    ['https://www.wired-gov.net./wg/news.nsf/x', 'wired-gov.net'],
  ])('flags %s as a copy on %s', (url, domain) => {
    expect(copyDomainOf(url)).toBe(domain);
  });

  test.each([
    'https://www.gov.uk/government/publications/x',
    'https://exportcompliancedaily.com/article/x',
    'https://login.acquisition.gov/far/x',
    'https://www.irishtimes.com/news/x',
    'https://notthebl.com/x',
    'https://thebl.com.example.org/x',
    'not a url',
  ])('lets %s through', (url) => {
    expect(copyDomainOf(url)).toBeUndefined();
  });

  test('lists each host once, in lower case, without a scheme or path', () => {
    expect(new Set(COPY_DOMAINS).size).toBe(COPY_DOMAINS.length);
    for (const domain of COPY_DOMAINS) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});
