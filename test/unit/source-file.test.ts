import { describe, expect, test } from 'vitest';
import { httpUrl, isSourceId, readSourceLinks, setFields } from '../../scripts/sources/source-file.ts';
import { sourceSchema } from '../../src/schemas/source.ts';
import { readDataText } from '../../src/lib/content/records.ts';

describe('isSourceId', () => {
  test.each([
    ['reuters-2021-05-26-tesla', true],
    ['a', true],
    ['../site', false],
    ['a/b', false],
    ['A-b', false],
    ['a--b', false],
    ['-a', false],
    ['a.yaml', false],
    ['', false],
  ])('says %j is an id: %j', (value, ok) => {
    expect(isSourceId(value)).toBe(ok);
  });
});

describe('httpUrl', () => {
  test.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/x'],
    ['ftp://a.example/x', undefined],
    ['file:///etc/passwd', undefined],
    ['javascript:alert(1)', undefined],
    ['/relative', undefined],
    [42, undefined],
    [undefined, undefined],
  ])('accepts %j as %j', (value, url) => {
    expect(httpUrl(value)).toBe(url);
  });
});

describe('readSourceLinks', () => {
  test('reads url and archiveUrl as written', () => {
    expect(readSourceLinks('a.yaml', 'title: A\nurl: https://a.example/\narchiveUrl: https://web.archive.org/web/2023/https://a.example/\n')).toEqual({
      ok: true,
      value: { url: 'https://a.example/', archiveUrl: 'https://web.archive.org/web/2023/https://a.example/' },
    });
  });

  test('refuses a file the build would refuse, naming the line', () => {
    const read = readSourceLinks('a.yaml', 'title: &t A\nnote: *t\n');
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems[0]).toMatch(/^a\.yaml: \(line 1, column 8\): anchor "&t" is not allowed/);
  });
});

describe('setFields', () => {
  const source = [
    '# A comment the command must keep.',
    'title: "Quoted: title"   # and this one',
    'publisher: Reuters',
    '',
    'url: https://a.example/x?y=1#z',
    'kind: secondary',
    'note: >-',
    '  A folded',
    '  note.',
    '',
  ].join('\n');
  const archive = { archiveUrl: 'https://web.archive.org/web/20230101120000/https://a.example/x?y=1#z', archived: '2023-01-01' };

  test('appends new keys and keeps every other byte', () => {
    const out = setFields(source, archive);
    expect(out).toBe(`${source}archiveUrl: https://web.archive.org/web/20230101120000/https://a.example/x?y=1#z\narchived: 2023-01-01\n`);
  });

  test('replaces existing keys where they stand, keeping a comment after the value', () => {
    const before = 'title: A\narchiveUrl: https://web.archive.org/web/2020/https://a.example/ # old\narchived: 2020-01-01\nkind: primary\n';
    expect(setFields(before, archive)).toBe(
      'title: A\narchiveUrl: https://web.archive.org/web/20230101120000/https://a.example/x?y=1#z # old\narchived: 2023-01-01\nkind: primary\n',
    );
  });

  test('writes a map as a block and replaces an old one whole', () => {
    const urlStatus = { status: 'moved', checked: '2024-05-01', movedTo: 'https://b.example/new' };
    const first = setFields('title: A\nkind: primary\n', { urlStatus });
    expect(first).toBe('title: A\nkind: primary\nurlStatus:\n  status: moved\n  checked: 2024-05-01\n  movedTo: https://b.example/new\n');
    const second = setFields(`title: A\nurlStatus: { status: live, checked: 2023-01-01 }\nkind: primary\n`, { urlStatus: { status: 'gone', checked: '2024-06-01' } });
    expect(second).toBe('title: A\nurlStatus:\n  status: gone\n  checked: 2024-06-01\nkind: primary\n');
    expect(setFields(first, { urlStatus: { status: 'live', checked: '2024-07-01' } })).toBe('title: A\nkind: primary\nurlStatus:\n  status: live\n  checked: 2024-07-01\n');
  });

  test.each([
    ['a file without a final line break', 'title: A', 'title: A\narchived: 2023-01-01\n'],
    ['an empty value', 'title: A\narchived:\nkind: primary\n', 'title: A\narchived: 2023-01-01\nkind: primary\n'],
    ['Windows line breaks', 'title: A\r\nkind: primary\r\n', 'title: A\r\nkind: primary\r\narchived: 2023-01-01\r\n'],
  ])('edits %s', (_, before, after) => {
    expect(setFields(before, { archived: '2023-01-01' })).toBe(after);
  });

  test('quotes a value that YAML would otherwise misread', () => {
    const out = setFields('title: A\n', { archiveUrl: 'https://a.example/a: b #c' });
    expect(out).toBe('title: A\narchiveUrl: "https://a.example/a: b #c"\n');
  });

  test('writes dates the schema reads as the same day', () => {
    const out = setFields('title: A\npublisher: P\nurl: https://a.example/\nkind: primary\n', { ...archive, urlStatus: { status: 'live', checked: '2024-05-01' } });
    const read = readDataText('a.yaml', out);
    expect(read.ok && sourceSchema.parse(read.value)).toMatchObject({ archived: '2023-01-01', urlStatus: { status: 'live', checked: '2024-05-01' } });
  });

  test.each([
    ['a list', '- a\n- b\n', 'the file is not a map of fields'],
    ['broken YAML', 'title: [\n', 'not valid YAML'],
    ['a file that ends its document', 'title: A\n...\n', 'the edited file does not read back'],
  ])('refuses to edit %s', (_, before, message) => {
    expect(() => setFields(before, { archived: '2023-01-01' })).toThrow(message);
  });
});
