import { describe, expect, test } from 'vitest';
import { NO_URL_LABELS, sourceLinks } from '../../src/lib/model/source-links.ts';
import { cslSource } from '../../src/lib/outputs/sources-csl.ts';
import { NO_URL_REASONS, sourceSchema } from '../../src/schemas/source.ts';

const original = 'https://news.example/a';
const archive = 'https://web.archive.org/web/20230101000000/https://news.example/a';

describe('sourceLinks', () => {
  test('links the original, with the archived copy after it, while the original answers', () => {
    expect(sourceLinks({ url: original, archiveUrl: archive, urlStatus: { status: 'live', checked: '2026-12-01' } })).toEqual({ primary: { href: original, archived: false }, goneOriginal: undefined, archiveAfter: archive });
  });

  test('puts the archived copy first when the original is gone, keeping the original beside it', () => {
    expect(sourceLinks({ url: original, archiveUrl: archive, urlStatus: { status: 'gone', checked: '2026-12-01' } })).toEqual({ primary: { href: archive, archived: true }, goneOriginal: original, archiveAfter: undefined });
  });

  test('keeps linking a gone original when no archived copy is known', () => {
    expect(sourceLinks({ url: original, urlStatus: { status: 'gone', checked: '2026-12-01' } }).primary).toEqual({ href: original, archived: false });
  });

  test('links nothing without an address', () => {
    expect(sourceLinks({}).primary).toBeUndefined();
  });

  test('every reason for a missing link has words', () => {
    expect(Object.keys(NO_URL_LABELS).sort()).toEqual([...NO_URL_REASONS].sort());
  });
});

describe('cslSource', () => {
  test('carries the archived copy as archive and archive_location, the capture day in the note, and the access date', () => {
    const source = sourceSchema.parse({ title: 'A report', publisher: 'Reuters', published: '2023-02', url: original, archiveUrl: archive, archived: '2023-01-01', accessed: '2026-12-01', kind: 'secondary' });
    expect(cslSource('report', source)).toEqual({
      id: 'report',
      type: 'webpage',
      title: 'A report',
      publisher: 'Reuters',
      issued: { 'date-parts': [[2023, 2]] },
      URL: original,
      accessed: { 'date-parts': [[2026, 12, 1]] },
      archive: 'Internet Archive',
      archive_location: archive,
      note: 'Archived copy captured 2023-01-01.',
    });
  });

  test('says why a source has no link', () => {
    const source = sourceSchema.parse({ title: 'A letter', publisher: 'A department', kind: 'primary', noUrl: 'copy-not-linked' });
    expect(cslSource('letter', source)).toEqual({ id: 'letter', type: 'document', title: 'A letter', publisher: 'A department', note: 'No link: read only in an unofficial copy, which this site does not link.' });
  });
});
