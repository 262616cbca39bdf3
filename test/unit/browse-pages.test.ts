import { describe, expect, test } from 'vitest';
import { browsePages, type BrowseEntry } from '../../src/lib/model/browse-pages.ts';

const entry = (category: BrowseEntry['data']['category'], vendors: string[], jurisdictions: string[], bodies: string[] = []): BrowseEntry => ({ data: { category, vendors: vendors.map((id) => ({ id, basis: 'named' as const })), jurisdictions, bodies } });

describe('browsePages', () => {
  const entries = [entry('warning', ['dahua'], ['uk'], ['bscc']), entry('government-restriction', [], ['china'])];
  const pages = browsePages(entries);

  test.each([
    ['category', 'warning', true],
    ['category', 'government-restriction', true],
    ['category', 'reciprocal-restriction', false],
    ['vendor', 'dahua', true],
    ['vendor', 'tesla', false],
    ['jurisdiction', 'china', true],
    ['jurisdiction', 'us', false],
    ['body', 'bscc', true],
    ['body', 'pla', false],
  ] as const)('says whether the %s %s has a page: %s', (kind, id, has) => {
    expect(pages.has(kind, id)).toBe(has);
  });

  test('works the pages out once for one list of entries, and anew for another', () => {
    expect(browsePages(entries)).toBe(pages);
    expect(browsePages([entry('warning', ['tesla'], ['uk'])]).has('vendor', 'tesla')).toBe(true);
  });
});
