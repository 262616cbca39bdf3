import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { copyDomainOf } from '../../src/lib/content/copy-domains.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// CONTENT_DIR points the tests at another content tree, as it does the build.
const CONTENT = process.env['CONTENT_DIR'] ?? fileURLToPath(new URL('../../src/content/', import.meta.url));
const { loaded: raw } = readContentTree(CONTENT, { cwd: ROOT, bodies: false });

/** Every URL field of every data record, read from the files as written. */
const urls = [...raw.sources, ...raw.vendors, ...raw.bodies].flatMap((record) => {
  const data = (record.data ?? {}) as Record<string, unknown>;
  return (['url', 'archiveUrl', 'website'] as const)
    .filter((field) => data[field] !== undefined)
    .map((field) => ({ where: `${record.file}: ${field}`, url: String(data[field]) }));
});

describe('URLs in sources, vendors and bodies', () => {
  test('there are URLs to check', () => {
    expect(urls.length).toBeGreaterThan(0);
  });

  test('every URL uses https', () => {
    expect(urls.filter(({ url }) => !url.startsWith('https://')).map(({ where, url }) => `${where}: ${url}`)).toEqual([]);
  });

  test('no URL points at a known copy, scraper or mirror site', () => {
    const copies = urls.flatMap(({ where, url }) => {
      const domain = copyDomainOf(url);
      return domain === undefined ? [] : [`${where}: ${url} is a copy on ${domain}; cite the original without a URL`];
    });
    expect(copies).toEqual([]);
  });
});
