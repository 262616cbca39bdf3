import { describe, expect, test } from 'vitest';
import {
  archiveUrlFor,
  authorizationHeader,
  captureDate,
  parseAvailability,
  parseJobStatus,
  parseSaveReply,
  readKeys,
  saveRequestBody,
  SPN2_ERRORS,
} from '../../scripts/sources/wayback.ts';

const json = (value: unknown) => JSON.stringify(value);

describe('readKeys', () => {
  test.each([
    [{ ARCHIVE_ORG_ACCESS_KEY: 'a', ARCHIVE_ORG_SECRET_KEY: 's' }, { access: 'a', secret: 's' }],
    [{ ARCHIVE_ORG_ACCESS_KEY: ' a ', ARCHIVE_ORG_SECRET_KEY: 's\n' }, { access: 'a', secret: 's' }],
    [{ ARCHIVE_ORG_ACCESS_KEY: 'a' }, undefined],
    [{ ARCHIVE_ORG_ACCESS_KEY: 'a', ARCHIVE_ORG_SECRET_KEY: '' }, undefined],
    [{}, undefined],
  ])('reads %j as %j', (env, keys) => {
    expect(readKeys(env)).toEqual(keys);
  });

  test('sends the keys in the LOW authorization scheme', () => {
    expect(authorizationHeader({ access: 'key', secret: 'secret' })).toBe('LOW key:secret');
  });
});

describe('saveRequestBody', () => {
  test('encodes the URL as a form field and asks to skip the first-archive check', () => {
    const body = new URLSearchParams(saveRequestBody('https://example.org/a?b=1&c=2#d'));
    expect(Object.fromEntries(body)).toEqual({ url: 'https://example.org/a?b=1&c=2#d', skip_first_archive: '1' });
  });
});

describe('captureDate', () => {
  test.each([
    ['20230101120000', '2023-01-01'],
    ['20231231235959', '2023-12-31'],
    ['20240229000000', '2024-02-29'],
    ['20230229000000', undefined],
    ['20231301000000', undefined],
    ['20230101250000', undefined],
    ['2023010112000', undefined],
    ['2023-01-01', undefined],
  ])('reads the timestamp %j as the day %j', (timestamp, day) => {
    expect(captureDate(timestamp)).toBe(day);
  });

  test('builds the https capture address from the timestamp and the source url', () => {
    expect(archiveUrlFor('20230101120000', 'https://example.org/a?b=1')).toBe('https://web.archive.org/web/20230101120000/https://example.org/a?b=1');
  });
});

describe('parseAvailability', () => {
  const closest = (fields: Record<string, unknown>) => json({ url: 'example.org', archived_snapshots: { closest: { available: true, url: 'http://web.archive.org/web/20230101120000/https://example.org/', timestamp: '20230101120000', status: '200', ...fields } } });
  test.each([
    ['a capture', 200, closest({}), { kind: 'found', capture: { timestamp: '20230101120000', day: '2023-01-01' } }],
    ['a capture without a status', 200, closest({ status: undefined }), { kind: 'found', capture: { timestamp: '20230101120000', day: '2023-01-01' } }],
    ['no capture', 200, json({ archived_snapshots: {} }), { kind: 'none' }],
    ['a capture that is not available', 200, closest({ available: false }), { kind: 'none' }],
    ['a capture of an error page', 200, closest({ status: '404' }), { kind: 'none' }],
    ['a capture with a bad timestamp', 200, closest({ timestamp: '2023' }), { kind: 'failed', reason: 'malformed reply from the availability API (timestamp "2023")' }],
    ['HTML', 200, '<html>Bad gateway</html>', { kind: 'failed', reason: 'malformed reply from the availability API (not the documented JSON: "<html>Bad gateway</html>")' }],
    ['an empty body', 200, '', { kind: 'failed', reason: 'malformed reply from the availability API (not the documented JSON: empty)' }],
    ['JSON of another shape', 200, json([1, 2]), { kind: 'failed', reason: 'malformed reply from the availability API (not the documented JSON: "[1,2]")' }],
    ['HTTP 429', 429, '', { kind: 'busy', reason: 'the availability API answered HTTP 429' }],
    ['HTTP 503', 503, 'down', { kind: 'busy', reason: 'the availability API answered HTTP 503' }],
    ['HTTP 400', 400, '', { kind: 'failed', reason: 'the availability API answered HTTP 400' }],
  ])('reads %s', (_, status, body, reply) => {
    expect(parseAvailability(status, body)).toEqual(reply);
  });
});

describe('parseSaveReply', () => {
  test.each([
    ['a started job', 200, json({ url: 'https://example.org/', job_id: 'spn2-abc' }), { kind: 'job', jobId: 'spn2-abc' }],
    ['a started job with a message', 200, json({ url: 'https://example.org/', job_id: 'spn2-abc', message: 'Your capture will begin in 10s.' }), { kind: 'job', jobId: 'spn2-abc' }],
    [
      'a refusal for too many concurrent captures',
      200,
      json({ status: 'error', status_ext: 'error:user-session-limit', message: 'You have already reached the limit of active sessions.' }),
      { kind: 'busy', reason: 'error:user-session-limit (You have already reached the limit of active sessions.)' },
    ],
    [
      'a blocked URL',
      200,
      json({ status: 'error', status_ext: 'error:blocked-url' }),
      { kind: 'failed', reason: "error:blocked-url (the URL is on Save Page Now's block list)", stop: false },
    ],
    [
      "the account's daily limit",
      200,
      json({ status: 'error', status_ext: 'error:max-daily-bandwidth' }),
      { kind: 'failed', reason: 'error:max-daily-bandwidth (the account has archived its daily limit of data); try again tomorrow', stop: true },
    ],
    ['refused keys', 401, json({ message: 'Unauthorized' }), { kind: 'failed', reason: 'Save Page Now refused the keys (HTTP 401: Unauthorized); check ARCHIVE_ORG_ACCESS_KEY and ARCHIVE_ORG_SECRET_KEY', stop: true }],
    ['refused keys without a body', 403, '', { kind: 'failed', reason: 'Save Page Now refused the keys (HTTP 403); check ARCHIVE_ORG_ACCESS_KEY and ARCHIVE_ORG_SECRET_KEY', stop: true }],
    ['HTTP 429', 429, 'Too Many Requests', { kind: 'busy', reason: 'Save Page Now answered HTTP 429' }],
    ['HTTP 502', 502, '<html>', { kind: 'busy', reason: 'Save Page Now answered HTTP 502' }],
    ['HTTP 400 with a message', 400, json({ message: 'Invalid URL' }), { kind: 'failed', reason: 'Save Page Now answered HTTP 400: Invalid URL', stop: false }],
    ['a message without a job', 200, json({ message: 'The same snapshot had been made 4 minutes ago.' }), { kind: 'failed', reason: 'Save Page Now did not start a capture: The same snapshot had been made 4 minutes ago.', stop: false }],
    ['HTML', 200, '<html>', { kind: 'failed', reason: 'malformed reply from the Save Page Now API (not the documented JSON: "<html>")', stop: false }],
  ])('reads %s', (_, status, body, reply) => {
    expect(parseSaveReply(status, body)).toEqual(reply);
  });
});

describe('parseJobStatus', () => {
  test.each([
    ['a pending job', 200, json({ status: 'pending', job_id: 'j', resources: [] }), { kind: 'pending' }],
    [
      'a success',
      200,
      json({ status: 'success', job_id: 'j', original_url: 'https://example.org/', timestamp: '20240101000000', duration_sec: 6.2 }),
      { kind: 'success', capture: { timestamp: '20240101000000', day: '2024-01-01' } },
    ],
    ['a success with a bad timestamp', 200, json({ status: 'success', timestamp: 'soon' }), { kind: 'failed', reason: 'malformed reply from the status API (timestamp "soon")', stop: false }],
    [
      'a passing failure',
      200,
      json({ status: 'error', status_ext: 'error:service-unavailable', message: 'Service Unavailable for https://example.org/' }),
      { kind: 'again', reason: 'error:service-unavailable (Service Unavailable for https://example.org/)' },
    ],
    [
      'the per-URL daily limit',
      200,
      json({ status: 'error', status_ext: 'error:too-many-daily-captures', message: 'This URL has been already captured 10 times today.' }),
      { kind: 'failed', reason: 'error:too-many-daily-captures (This URL has been already captured 10 times today.); try again tomorrow', stop: false },
    ],
    ['a page that is not found', 200, json({ status: 'error', status_ext: 'error:not-found' }), { kind: 'failed', reason: 'error:not-found (the target URL was not found (404))', stop: false }],
    ['an error the documents do not list', 200, json({ status: 'error', status_ext: 'error:new-thing' }), { kind: 'failed', reason: 'error:new-thing (an error the SPN2 documents do not list)', stop: false }],
    ['an error without status_ext', 200, json({ status: 'error', message: 'Something broke' }), { kind: 'failed', reason: 'error:unknown (Something broke)', stop: false }],
    ['HTTP 503', 503, '', { kind: 'busy', reason: 'the status API answered HTTP 503' }],
    ['HTTP 404', 404, '', { kind: 'failed', reason: 'the status API answered HTTP 404', stop: false }],
    ['an unknown status', 200, json({ status: 'queued' }), { kind: 'failed', reason: 'malformed reply from the status API (not the documented JSON: "{"status":"queued"}")', stop: false }],
    ['text', 200, 'pending', { kind: 'failed', reason: 'malformed reply from the status API (not the documented JSON: "pending")', stop: false }],
  ])('reads %s', (_, status, body, reply) => {
    expect(parseJobStatus(status, body)).toEqual(reply);
  });
});

describe('SPN2_ERRORS', () => {
  test.each(['error:user-session-limit', 'error:too-many-requests', 'error:service-unavailable', 'error:job-failed', 'error:gateway-timeout'])('retries %s, a condition the documents describe as passing', (statusExt) => {
    expect(SPN2_ERRORS[statusExt]?.handling).toBe('transient');
  });

  test.each(['error:too-many-daily-captures', 'error:max-daily-bandwidth'])('leaves %s for another day', (statusExt) => {
    expect(SPN2_ERRORS[statusExt]?.handling).toBe('daily');
  });

  test.each(['error:blocked-url', 'error:not-found', 'error:no-access', 'error:invalid-host-resolution', 'error:too-many-redirects'])('never retries %s, which is about the URL itself', (statusExt) => {
    expect(SPN2_ERRORS[statusExt]?.handling).toBe('permanent');
  });
});
