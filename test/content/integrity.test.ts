import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { checkContent } from '../../src/lib/content/content-check.ts';
import { isoDay, precisionOf } from '../../src/lib/model/dates.ts';
import { checkEach } from '../support/each.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// CONTENT_DIR points the tests at another content tree, as it does the build.
const CONTENT = process.env['CONTENT_DIR'] ?? fileURLToPath(new URL('../../src/content/', import.meta.url));
const today = isoDay(new Date());
const { loaded: raw, problems: readProblems } = readContentTree(CONTENT, { cwd: ROOT });
const report = checkContent(raw, { today });
const { entries, sources, vendors, jurisdictions, bodies } = report.content;

describe('the content tree', () => {
  test('passes the content check without a single problem', () => {
    expect([...readProblems, ...report.problems]).toEqual([]);
  });

  test('every record on disk passed its schema', () => {
    expect(Object.values(raw.failed ?? {}).flat()).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
    expect(sources.length).toBeGreaterThan(0);
    expect(vendors.length).toBeGreaterThan(0);
    expect(jurisdictions.length).toBeGreaterThan(0);
    expect(bodies.length).toBeGreaterThan(0);
  });

  test('lists its syndicators and says up to when events were reviewed, so those rules run', () => {
    expect(raw.syndicators, 'syndicators.yaml is missing').toBeDefined();
    expect(raw.site, 'site.yaml is missing').toBeDefined();
    expect(report.content.site?.coverage.length).toBeGreaterThan(0);
  });
});

describe('every entry', () => {
  const each = (check: (id: string, data: (typeof entries)[number]['data']) => void) => checkEach(entries, (e) => e.id, (e) => check(e.id, e.data));

  test('has an id that starts with its date, and a precision that matches the date', () => {
    each((id, data) => {
      expect(id.startsWith(`${data.date}-`)).toBe(true);
      expect(precisionOf(data.date)).toBe(data.datePrecision);
    });
  });

  test('lists at least one source, and every source it lists exists', () => {
    const known = new Set(sources.map((s) => s.id));
    each((_id, data) => {
      expect(data.sources.length).toBeGreaterThan(0);
      expect(data.sources.filter((s) => !known.has(s))).toEqual([]);
    });
  });

  test('refers only to vendors, jurisdictions, bodies and entries that exist', () => {
    const missing = (ids: readonly string[], records: readonly { id: string }[]) => ids.filter((ref) => !records.some((r) => r.id === ref));
    each((_id, data) => {
      expect(missing(data.vendors.map((v) => v.id), vendors)).toEqual([]);
      expect(missing(data.jurisdictions, jurisdictions)).toEqual([]);
      expect(missing(data.bodies, bodies)).toEqual([]);
      expect(missing(data.related.map((r) => r.entry), entries)).toEqual([]);
    });
  });
});

describe('sources, vendors and bodies', () => {
  test('every source is cited by at least one entry or a kept version of one (its page still lists it)', () => {
    const cited = new Set([...entries, ...raw.versions].flatMap((e) => e.data.sources));
    expect(sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });

  test('every vendor country and body jurisdiction is a known jurisdiction', () => {
    const known = new Set(jurisdictions.map((j) => j.id));
    expect(vendors.filter((v) => !known.has(v.data.country)).map((v) => v.id)).toEqual([]);
    expect(bodies.filter((b) => b.data.jurisdiction !== undefined && !known.has(b.data.jurisdiction)).map((b) => b.id)).toEqual([]);
  });
});
