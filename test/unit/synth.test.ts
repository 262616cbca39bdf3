import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { checkContent, type ContentReport } from '../../src/lib/content/content-check.ts';
import { createRandom, synthesize, writeSyntheticContent } from '../../scripts/bench/synth.ts';

const TODAY = '2026-11-29';
const REAL_CONTENT = join(import.meta.dirname, '../../src/content');
const OPTIONS = { count: 50, seed: 7, today: TODAY, vendors: ['hikvision', 'dahua'], jurisdictions: ['uk', 'china'], bodies: ['cabinet-office'] };

let dir: string;
let report: ContentReport;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-synth-test-'));
  writeSyntheticContent(dir, { count: 50, seed: 7, today: TODAY, realContentDir: REAL_CONTENT });
  report = checkContent(readContentTree(dir).loaded, { today: TODAY });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const bodyOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('synthetic benchmark content', () => {
  test('passes the site content check with 50 entries', () => {
    expect(report.problems).toEqual([]);
    expect(report.content.entries).toHaveLength(50);
  });

  test('writes about one measure per 20 entries, each with stages that point at its entries', () => {
    expect(report.content.measures).toHaveLength(3);
    const ids = new Set(report.content.entries.map((e) => e.id));
    for (const m of report.content.measures) expect(m.data.stages.every((s) => ids.has(s.entry))).toBe(true);
  });

  test('copies the real vendors, jurisdictions and bodies', () => {
    for (const folder of ['vendors', 'jurisdictions', 'bodies']) {
      expect(readdirSync(join(dir, folder)).sort()).toEqual(readdirSync(join(REAL_CONTENT, folder)).sort());
    }
  });

  test('writes entry bodies of 150 to 400 words or a sentence more', () => {
    for (const file of readdirSync(join(dir, 'entries'))) {
      const count = words(bodyOf(readFileSync(join(dir, 'entries', file), 'utf8')));
      expect(count).toBeGreaterThanOrEqual(150);
      expect(count).toBeLessThanOrEqual(430);
    }
  });

  test('uses all three date precisions, from 2015 to the day before the build', () => {
    const precisions = new Set(report.content.entries.map((e) => e.data.datePrecision));
    expect([...precisions].sort()).toEqual(['day', 'month', 'year']);
    for (const { data } of report.content.entries) {
      expect(data.date >= '2015').toBe(true);
      expect(data.published < TODAY).toBe(true);
    }
  });

  test('references vendors, other entries and more than one source per entry somewhere', () => {
    const entries = report.content.entries.map((e) => e.data);
    expect(entries.some((e) => e.vendors.length > 0)).toBe(true);
    expect(entries.some((e) => e.related.length > 0)).toBe(true);
    expect(entries.some((e) => e.sources.length > 1)).toBe(true);
  });

  test('gives the same files for the same seed and different files for another', () => {
    expect(synthesize(OPTIONS)).toEqual(synthesize(OPTIONS));
    expect(synthesize({ ...OPTIONS, seed: 8 })).not.toEqual(synthesize(OPTIONS));
  });

  test.each([0, -1, 1.5])('refuses a count of %s', (count) => {
    expect(() => synthesize({ ...OPTIONS, count })).toThrow(/positive integer/);
  });

  test('draws pseudo-random numbers in [0, 1) repeatably', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const draws = Array.from({ length: 100 }, () => a());
    expect(draws).toEqual(Array.from({ length: 100 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
