import { describe, expect, test } from 'vitest';
import { aliasTerms, documentReferences, entryDateTerms, searchableNames, synonymTerms, withoutPlaceNames } from '../../src/lib/search/search-terms.ts';

describe('indexed metadata', () => {
  test('lists the indexed forms of each date once', () => {
    expect(entryDateTerms(['2022-11-24', '2022-11', '2022-11-25'])).toEqual(['24 November 2022', 'Nov', '2022-11-24', '2022-11', 'November 2022', '25 November 2022', '2022-11-25']);
  });

  test('keeps each name, Chinese names included, as its own run of words', () => {
    expect(searchableNames(['Hikvision', undefined, ' 海康威视 ', 'Hikvision', '杭州海康威视数字技术股份有限公司'])).toBe('Hikvision 海康威视 杭州海康威视数字技术股份有限公司');
  });

  test('leaves out a name whose words, in any case, stand in order inside another name', () => {
    expect(searchableNames(['Hikvision', 'HIKVISION', 'Hik Vision', 'Hangzhou Hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', 'UK', 'U.K.', 'Hikvision UK'])).toBe(
      'Hik Vision Hangzhou Hikvision Digital Technology Co., Ltd. U.K. Hikvision UK',
    );
    // Words, not letters: "Hik" is not inside "Hikvision", nor a Chinese name inside a longer one.
    expect(searchableNames(['Hik', 'Hikvision', '海康威视', '杭州海康威视'])).toBe('Hik Hikvision 海康威视 杭州海康威视');
  });
});

describe('aliases', () => {
  test('indexes a document number both run together and apart, and everything else as written', () => {
    expect(aliasTerms(['NDAA', 'EO 14032', 'HCWS386', 'FCC 22-84', 'Pub. L. 115-232', 'FY2019 NDAA'])).toBe(
      'NDAA EO 14032 EO14032 HCWS386 HCWS 386 FCC 22-84 FCC22-84 Pub. L. 115-232 FY2019 NDAA',
    );
  });

  test('leaves out repeats in any case, and indexes nothing for no aliases', () => {
    expect(aliasTerms(['WMS', 'wms', 'WMS 386', 'WMS386'])).toBe('WMS WMS 386 WMS386');
    expect(aliasTerms([])).toBe('');
  });

  test("keeps a company's subsidiaries named after a place off its entries", () => {
    const places = ['United Kingdom', 'UK', 'Britain', 'Canada', 'CA'];
    expect(withoutPlaceNames(['Hik Vision', 'Hikvision UK', 'Hikvision Canada', 'Hangzhou Hikvision'], places)).toEqual(['Hik Vision', 'Hangzhou Hikvision']);
    // Whole words only: "Canadian" and "UKTV" are not the places.
    expect(withoutPlaceNames(['Canadian Hikvision', 'UKTV'], places)).toEqual(['Canadian Hikvision', 'UKTV']);
  });
});

describe('synonymTerms', () => {
  const GROUPS = [{ terms: ['ban', 'restrict', 'prohibit', 'bar', 'stop deploying'] }, { terms: ['Uyghur', 'Uighur'] }, { terms: ['remove', 'rip and replace'] }, { terms: ['deadline', 'timeline'] }];

  test.each([
    ['UK tells departments to stop deploying Chinese cameras', 'ban restrict prohibit bar'],
    ['US defence law bars federal agencies from buying', 'ban restrict prohibit stop deploying'],
    ['Chinese military reportedly restricts Tesla cars', 'ban prohibit bar stop deploying'],
    ['67 MPs call for a UK ban', 'restrict prohibit bar stop deploying'],
    ['Xinjiang Uighur Autonomous Region', 'Uyghur'],
    ['a timeline for removing the equipment', 'rip and replace deadline'],
    ['Australia to remove cameras; the removal is done', 'rip and replace'],
  ])('adds to %j the other terms of the groups it uses: %j', (text, expected) => {
    expect(synonymTerms([text], GROUPS)).toBe(expected);
  });

  test.each(['A bank, a barrister and a banner', 'Hikvision denies a threat', 'Deploying cameras'])('adds nothing to %j, which uses no term', (text) => {
    expect(synonymTerms([text], GROUPS)).toBe('');
  });
});

describe('documentReferences', () => {
  test('finds every kind of reference the sources give, each once', () => {
    const texts = [
      'Protecting Against National Security Threats to the Communications Supply Chain, 90 FR 53227 (FR Doc. 2025-21001)',
      'Report and Order, FCC 22-84, ET Docket No. 21-232; EA Docket No. 21-233; also FCC 22-84',
      'Executive Order 14032 and EO 13959; Pub. L. 115-232, Section 889; Public Law 117-55',
      '2 CFR 200.216 and 47 U.S.C. § 1601; Written statement HCWS386; DA 21-309',
    ];
    expect(documentReferences(texts)).toEqual([
      '90 FR 53227',
      'FR Doc. 2025-21001',
      'FCC 22-84',
      'ET Docket No. 21-232',
      'EA Docket No. 21-233',
      'Executive Order 14032',
      'EO 13959',
      'Pub. L. 115-232',
      'Public Law 117-55',
      'Section 889',
      'DA 21-309',
      '47 U.S.C. § 1601',
      '2 CFR 200.216',
      'HCWS386',
    ]);
  });

  test('finds nothing in ordinary text', () => {
    expect(documentReferences(['The FCC said on 24 November 2022 that 5 cameras were removed.'])).toEqual([]);
  });
});
