import { describe, expect, test } from 'vitest';
import { editDistance } from '../../src/lib/search/suggest.ts';
import { unknownFilters as withDistance, unknownFilterText } from '../../src/lib/search/unknown-filters.ts';

const unknownFilters = (chosen: Parameters<typeof withDistance>[0], options: Parameters<typeof withDistance>[1]) => withDistance(chosen, options, editDistance);

const options = {
  vendor: [{ value: 'hikvision', label: 'Hikvision' }, { value: 'dahua', label: 'Dahua' }],
  year: [{ value: '2021', label: '2021' }],
};

describe('unknownFilters', () => {
  test('names each value no option has, with the closest option by value or label', () => {
    expect(unknownFilters({ vendor: ['hikvison', 'dahua'], year: ['2021'] }, options)).toEqual([{ facet: 'vendor', value: 'hikvison', suggestion: { value: 'hikvision', label: 'Hikvision' } }]);
    expect(unknownFilters({ vendor: ['Dauha'] }, options)[0]?.suggestion?.value).toBe('dahua');
  });

  test('offers nothing when no option is close, and nothing is unknown when every value is an option', () => {
    expect(unknownFilters({ vendor: ['tesla'] }, options)).toEqual([{ facet: 'vendor', value: 'tesla', suggestion: undefined }]);
    expect(unknownFilters({ vendor: ['hikvision'], year: [] }, options)).toEqual([]);
    expect(unknownFilters({ measure: ['x'] }, options)).toEqual([{ facet: 'measure', value: 'x', suggestion: undefined }]);
  });

  test('says in words that the filter is not applied', () => {
    expect(unknownFilterText({ facet: 'vendor', value: 'hikvison', suggestion: { value: 'hikvision', label: 'Hikvision' } })).toEqual({ before: 'No vendor “hikvison”, so that filter is not applied. Did you mean ', suggestion: 'Hikvision', after: '?' });
    expect(unknownFilterText({ facet: 'year', value: '1999', suggestion: undefined })).toEqual({ before: 'No year “1999”, so that filter is not applied.', suggestion: undefined, after: '' });
  });
});

describe('unknownFilters without an edit distance', () => {
  test('offers the option that shares the first four letters, and nothing otherwise', () => {
    expect(withDistance({ vendor: ['hikvison'] }, options)[0]?.suggestion?.value).toBe('hikvision');
    expect(withDistance({ vendor: ['dauha'] }, options)[0]?.suggestion).toBeUndefined();
  });
});
