import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { checkContent } from '../../src/lib/content/content-check.ts';
import { isoDay } from '../../src/lib/model/dates.ts';
import { checkEach, checkEachFile } from '../support/each.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// CONTENT_DIR points the tests at another content tree, as it does the build.
const CONTENT = process.env['CONTENT_DIR'] ?? fileURLToPath(new URL('../../src/content/', import.meta.url));
const { loaded: raw } = readContentTree(CONTENT, { cwd: ROOT, bodies: false });
const { entries } = checkContent(raw, { today: isoDay(new Date()) }).content;
const byId = new Map(entries.map((e) => [e.id, e.data]));
const bodyOf = new Map(raw.entries.map((e) => [e.id, e.body ?? '']));

/** "report", "reported", "reports", "reportedly", "reporting" as a word. */
const REPORT_WORD = /\breport(?:ed|edly|s|ing)?\b/i;

/** The events the research dossier marks as resting on press reports. */
const DOSSIER_REPORTED = [
  '2021-03-19-china-military-restricts-tesla-cars',
  '2021-06-25-hancock-cctv-footage-published',
  '2022-05-04-us-weighs-hikvision-sanctions-report',
  '2022-04-dhsc-halts-hikvision-purchases-reported',
];

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/);

describe('verification', () => {
  const reported = entries.filter((e) => e.data.verification === 'reported');
  test('every reported entry says "reported" in its verification note', () => {
    checkEach(reported, (e) => e.id, (e) => expect(e.data.verificationNote).toMatch(REPORT_WORD));
  });

  test('every event that rests on press reports is marked reported or clarifies what is only reported', () => {
    checkEachFile(DOSSIER_REPORTED, (id) => {
      const data = byId.get(id);
      expect(data, `entry ${id} is missing`).toBeDefined();
      if (data === undefined || data.verification === 'reported') return;
      const clarified = data.clarifications.some((c) => REPORT_WORD.test(c.claim) || REPORT_WORD.test(c.fact));
      expect(clarified, `${id} is ${data.verification} without a clarification that says what is only reported`).toBe(true);
    });
  });

  test('the Hancock footage entry says that the camera was reported, not confirmed, to be a Hikvision', () => {
    const id = '2021-06-25-hancock-cctv-footage-published';
    const data = byId.get(id);
    expect(data, `entry ${id} is missing`).toBeDefined();
    if (data === undefined) return;
    const texts = [data.summary, data.verificationNote, ...data.clarifications.flatMap((c) => [c.claim, c.fact]), bodyOf.get(id) ?? ''];
    const saysMakeIsReported = texts.flatMap(sentences).some((s) => /hikvision/i.test(s) && REPORT_WORD.test(s));
    expect(saysMakeIsReported).toBe(true);
  });
});

describe('quotations', () => {
  test('no entry text repeats the misquotation "categorically wrong" (Hikvision said "categorically false")', () => {
    expect([...bodyOf].filter(([, body]) => /categorically\s+wrong/i.test(body)).map(([id]) => id)).toEqual([]);
  });
});
