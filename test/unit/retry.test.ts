import { describe, expect, test } from 'vitest';
import { backoffDelay, createPacer, decideRetry, describeFetchError, formatWait, parseRetryAfter, type RetryPolicy } from '../../scripts/sources/retry.ts';

const policy: RetryPolicy = { retries: 3, baseMs: 1000, maxMs: 5000, maxRetryAfterMs: 60_000 };

describe('backoffDelay', () => {
  test.each([
    [0, 1000],
    [1, 2000],
    [2, 4000],
    [3, 5000],
    [10, 5000],
  ])('waits before retry %i for %i ms, doubling up to the cap', (retry, ms) => {
    expect(backoffDelay(retry, policy)).toBe(ms);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2015-10-21T07:27:00Z');
  test.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 60_000],
    ['Wed, 21 Oct 2015 07:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %j ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe('decideRetry', () => {
  test.each([
    [0, undefined, { retry: true, waitMs: 1000 }],
    [2, undefined, { retry: true, waitMs: 4000 }],
    [0, 30_000, { retry: true, waitMs: 30_000 }],
    [1, 10, { retry: true, waitMs: 2000 }],
    [3, undefined, { retry: false }],
    [0, 120_000, { retry: false, reason: 'the server asked to wait 120 s (Retry-After), more than 60 s' }],
  ])('after failed attempt %i with Retry-After %j decides %j', (attempt, retryAfter, decision) => {
    expect(decideRetry(attempt, policy, retryAfter)).toEqual(decision);
  });
});

describe('describeFetchError', () => {
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
  test.each([
    ['a timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), { kind: 'timeout', code: 'TimeoutError', message: 'no answer in the time allowed' }],
    ['a refused connection', fetchFailed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })), { kind: 'network', code: 'ECONNREFUSED', message: 'the connection was refused (ECONNREFUSED)' }],
    ['a name that does not resolve', fetchFailed(Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), { code: 'ENOTFOUND' })), { kind: 'network', code: 'ENOTFOUND', message: 'the host name does not resolve (ENOTFOUND)' }],
    ['a connect timeout', fetchFailed({ code: 'UND_ERR_CONNECT_TIMEOUT' }), { kind: 'timeout', code: 'UND_ERR_CONNECT_TIMEOUT', message: 'the connection timed out (UND_ERR_CONNECT_TIMEOUT)' }],
    ['an unknown code', fetchFailed({ code: 'EWEIRD' }), { kind: 'network', code: 'EWEIRD', message: 'the request failed (EWEIRD)' }],
    ['a cause without a code', fetchFailed(new Error('bad port')), { kind: 'network', code: 'TypeError', message: 'the request failed (bad port)' }],
    ['a thrown string', 'boom', { kind: 'network', code: 'Error', message: 'the request failed (boom)' }],
  ])('names %s', (_, error, failure) => {
    expect(describeFetchError(error)).toEqual(failure);
  });
});

describe('formatWait', () => {
  test.each([
    [0, '0 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [1500, '2 s'],
  ])('shows %i ms as %j', (ms, text) => {
    expect(formatWait(ms)).toBe(text);
  });
});

describe('createPacer', () => {
  test('keeps a request to one key a pace after the end of the last and lets other keys go at once', () => {
    let now = 0;
    const pacer = createPacer(1000, () => now);
    expect(pacer.waitFor('a.example')).toBe(0);
    now = 300;
    pacer.done('a.example');
    expect(pacer.waitFor('a.example')).toBe(1000);
    expect(pacer.waitFor('b.example')).toBe(0);
    now = 900;
    expect(pacer.waitFor('a.example')).toBe(400);
    now = 2500;
    expect(pacer.waitFor('a.example')).toBe(0);
  });

  test('never waits with a pace of 0', () => {
    const pacer = createPacer(0, () => 0);
    pacer.done('a');
    expect(pacer.waitFor('a')).toBe(0);
  });
});
