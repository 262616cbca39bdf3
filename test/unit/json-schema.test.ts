import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { documentFields, jsonSchemaFor, SCHEMA_NAMES } from '../../src/lib/outputs/json-schema.ts';

describe('jsonSchemaFor', () => {
  test.each(SCHEMA_NAMES)('publishes a %s schema that a strict draft 2020-12 validator compiles', (name) => {
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    const schema = jsonSchemaFor(name, `https://example.org/data/${name}.schema.json`);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(`https://example.org/data/${name}.schema.json`);
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});

describe('documentFields', () => {
  const fields = documentFields(jsonSchemaFor('entries', 'https://example.org/data/entries.schema.json'));
  const byPath = new Map(fields.map((f) => [f.path, f]));

  test.each([
    ['generated', 'string (date-time)'],
    ['entries', 'array of object'],
    ['entries[].id', 'string'],
    ['entries[].url', 'string (uri)'],
    ['entries[].datePrecision', '"year" | "month" | "day"'],
    ['entries[].endDate', 'string or null'],
    ['entries[].dates[].kind', '"announced" | "signed" | "adopted" | "published" | "released" | "reported" | "recorded" | "effective"'],
    ['entries[].sources[].archiveUrl', 'string (uri) or null'],
    ['entries[].published', 'string (date)'],
    ['license.id', '"CC-BY-4.0"'],
  ])('documents %s as %s', (path, type) => {
    expect(byPath.get(path)?.type).toBe(type);
  });

  test('describes every field', () => {
    for (const field of fields) expect(field.description, field.path).not.toBe('');
  });
});
