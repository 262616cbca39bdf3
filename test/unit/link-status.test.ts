import { describe, expect, test } from 'vitest';
import { classifyLink, headRefused, MAX_REDIRECTS, redirectTarget, urlStatusRecord, type Hop } from '../../scripts/sources/link-status.ts';
import type { NetworkFailure } from '../../scripts/sources/retry.ts';

const A = 'https://a.example/page';
const hop = (url: string, status: number, location?: string): Hop => ({ url, status, location });

describe('headRefused', () => {
  test.each([
    [405, true],
    [403, true],
    [501, true],
    [200, false],
    [404, false],
    [500, false],
  ])('with HTTP %i says a GET is worth trying: %j', (status, refused) => {
    expect(headRefused(status)).toBe(refused);
  });
});

describe('redirectTarget', () => {
  test.each([
    [hop(A, 301, 'https://b.example/new'), 'https://b.example/new'],
    [hop(A, 308, '/other'), 'https://a.example/other'],
    [hop(A, 302, 'next'), 'https://a.example/next'],
    [hop(A, 303, '//c.example/x'), 'https://c.example/x'],
    [hop(A, 301, undefined), undefined],
    [hop(A, 301, 'ftp://a.example/file'), undefined],
    [hop(A, 301, 'javascript:alert(1)'), undefined],
    [hop(A, 300, '/x'), undefined],
    [hop(A, 200, '/x'), undefined],
  ])('reads %j as a redirect to %j', (answer, target) => {
    expect(redirectTarget(answer)).toBe(target);
  });
});

describe('classifyLink', () => {
  const refused: NetworkFailure = { kind: 'network', code: 'ECONNREFUSED', message: 'the connection was refused (ECONNREFUSED)' };
  const noDns: NetworkFailure = { kind: 'network', code: 'ENOTFOUND', message: 'the host name does not resolve (ENOTFOUND)' };
  const timeout: NetworkFailure = { kind: 'timeout', code: 'TimeoutError', message: 'no answer in the time allowed' };
  test.each([
    ['an answer is live', [hop(A, 200)], undefined, { status: 'live', reason: 'HTTP 200' }],
    ['an answer after a temporary redirect is live at its own address', [hop(A, 302, '/login'), hop('https://a.example/login', 200)], undefined, { status: 'live', reason: 'HTTP 200 at https://a.example/login' }],
    [
      'a permanent redirect chain to an answer is moved to its end',
      [hop(A, 301, 'https://b.example/p'), hop('https://b.example/p', 308, 'https://c.example/p'), hop('https://c.example/p', 200)],
      undefined,
      { status: 'moved', movedTo: 'https://c.example/p', reason: 'HTTP 301' },
    ],
    [
      'a permanent redirect then a temporary one is moved to where the permanent one leads',
      [hop(A, 301, 'https://b.example/p'), hop('https://b.example/p', 302, '/tmp'), hop('https://b.example/tmp', 200)],
      undefined,
      { status: 'moved', movedTo: 'https://b.example/p', reason: 'HTTP 301' },
    ],
    ['404 is gone', [hop(A, 404)], undefined, { status: 'gone', reason: 'HTTP 404' }],
    ['410 is gone', [hop(A, 410)], undefined, { status: 'gone', reason: 'HTTP 410' }],
    ['a redirect to a 404 is gone', [hop(A, 301, '/x'), hop('https://a.example/x', 404)], undefined, { status: 'gone', reason: 'HTTP 404 at https://a.example/x' }],
    ['403 is unchecked', [hop(A, 403)], undefined, { status: 'unchecked', reason: 'HTTP 403' }],
    ['500 is unchecked', [hop(A, 500)], undefined, { status: 'unchecked', reason: 'HTTP 500' }],
    ['429 is unchecked', [hop(A, 429)], undefined, { status: 'unchecked', reason: 'HTTP 429' }],
    ['a redirect without Location is unchecked', [hop(A, 301)], undefined, { status: 'unchecked', reason: 'HTTP 301 without a usable Location' }],
    ['a refused connection is unchecked', [], refused, { status: 'unchecked', reason: 'the connection was refused (ECONNREFUSED)' }],
    ['a name that does not resolve is unchecked', [], noDns, { status: 'unchecked', reason: 'the host name does not resolve (ENOTFOUND)' }],
    ['a timeout is unchecked', [], timeout, { status: 'unchecked', reason: 'no answer in the time allowed' }],
    [
      'a failure after a redirect is unchecked',
      [hop(A, 301, 'https://b.example/')],
      noDns,
      { status: 'unchecked', reason: 'the host name does not resolve (ENOTFOUND) after a redirect to https://b.example/' },
    ],
    ['too many redirects is unchecked', [hop(A, 301, A)], 'too-many-redirects', { status: 'unchecked', reason: `more than ${MAX_REDIRECTS} redirects` }],
  ] as const)('%s', (_, hops, failure, report) => {
    expect(classifyLink(A, hops, failure)).toEqual(report);
  });
});

describe('urlStatusRecord', () => {
  test.each([
    [A, { status: 'live', reason: '' }, { status: 'live', checked: '2024-05-01' }],
    [A, { status: 'gone', reason: '' }, { status: 'gone', checked: '2024-05-01' }],
    [A, { status: 'moved', movedTo: 'https://b.example/', reason: '' }, { status: 'moved', checked: '2024-05-01', movedTo: 'https://b.example/' }],
    [A, { status: 'moved', movedTo: 'http://b.example/', reason: '' }, { status: 'moved', checked: '2024-05-01' }],
    ['http://a.example/', { status: 'moved', movedTo: 'http://b.example/', reason: '' }, { status: 'moved', checked: '2024-05-01', movedTo: 'http://b.example/' }],
    [A, { status: 'unchecked', reason: '' }, undefined],
  ] as const)('for %s records %j as %j', (url, report, record) => {
    expect(urlStatusRecord(url, report, '2024-05-01')).toEqual(record);
  });
});
