import { describe, expect, test } from 'vitest';
import { basesOf, editDistance, suggestQuery, vocabulary, vocabularyShard } from '../../src/lib/search/suggest.ts';

describe('vocabulary', () => {
  test('lists words of four letters or more, most frequent first, in their most frequent spelling', () => {
    expect(vocabulary(['Hikvision and Dahua', 'HIKVISION cameras; Hikvision’s cameras', 'the UK cameras'])).toEqual(['cameras', 'Hikvision', 'Dahua', 'Hikvision’s']);
  });

  test('keeps Latin words only: numbers and Chinese names are not corrected', () => {
    expect(vocabulary(['Section 889 海康威视 Executive Order 14032'])).toEqual(['Executive', 'Order', 'Section']);
  });
});

describe('editDistance', () => {
  test.each([
    ['hikvision', 'hikvision', 0],
    ['hikvison', 'hikvision', 1],
    ['dahau', 'dahua', 1],
    ['survelance', 'surveillance', 2],
    ['frasr', 'fraser', 1],
    ['tesla', 'dahua', 4],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  test('stops counting past the limit', () => {
    expect(editDistance('surveillance', 'commissioner', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('suggestQuery', () => {
  const words = ['surveillance', 'cameras', 'Hikvision', 'Dahua', 'Fraser', 'Sampson', 'Tesla', 'camera', 'Section'];

  test.each([
    ['hikvison', 'Hikvision'],
    ['Dahau', 'Dahua'],
    ['Frasr Sampsn', 'Fraser Sampson'],
    ['survelance cameras', 'surveillance cameras'],
    ['Section 889 hikvsion', 'Section 889 Hikvision'],
  ])('corrects “%s” to “%s”', (q, expected) => {
    expect(suggestQuery(q, words)).toBe(expected);
  });

  test('leaves a word being typed alone: Pagefind reads it as the start of longer words', () => {
    const typing = ['Fraser', 'Sampson', 'same', 'surveillance', 'survey'];
    expect(suggestQuery('Fraser Samp', typing)).toBeUndefined();
    expect(suggestQuery('survei', typing)).toBeUndefined();
    expect(suggestQuery('Fraser Sampsn', typing)).toBe('Fraser Sampson');
  });

  test('prefers the more frequent of equally close words', () => {
    expect(suggestQuery('camerax', ['cameras', 'camera'])).toBe('cameras');
    expect(suggestQuery('camerax', ['camera', 'cameras'])).toBe('camera');
  });

  test.each([['hikvision cameras'], ['xyzzyq'], ['海康威视'], ['uk'], ['2019'], ['']])('offers nothing for “%s”', (q) => {
    expect(suggestQuery(q, words)).toBeUndefined();
  });
});

describe('forms of the site’s words', () => {
  test('are not corrected: Pagefind finds them by their stem', () => {
    expect(suggestQuery('banning', ['banned', 'planning', 'banking'])).toBeUndefined();
    expect(suggestQuery('removals', ['removed', 'revivals'])).toBeUndefined();
    expect(suggestQuery('restricting', ['restrictions'])).toBeUndefined();
  });

  test('a misspelling that only looks like a form is still corrected', () => {
    expect(suggestQuery('goverment', ['government'])).toBe('government');
    expect(suggestQuery('hikvison', ['Hikvision'])).toBe('Hikvision');
  });

  test('bases of a word', () => {
    expect(basesOf('banning')).toEqual(new Set(['banning', 'bann', 'banne', 'ban']));
    expect(basesOf('removal').has('remove')).toBe(true);
    expect([...basesOf('bus')]).toEqual(['bus']);
  });
});

describe('vocabularyShard', () => {
  test.each([
    ['Hikvision', 'h'],
    ['Émile', 'e'],
    ['Łódź', '_'],
    ['zte', 'z'],
  ])('%s is in list %s', (word, shard) => {
    expect(vocabularyShard(word)).toBe(shard);
  });
});
