/**
 * The Internet Archive's replies, read for `npm run archive`: the Wayback Machine's availability
 * API (https://archive.org/help/wayback_api.php) and Save Page Now 2 (the "SPN2 Public API Docs":
 * a capture request, then its status until it succeeds or fails). Pure: each function reads one
 * reply (HTTP status and body text) and says what it means, so that every reply the documents
 * describe, and malformed ones, is a named outcome rather than an exception.
 */

/** Access keys for Save Page Now (https://archive.org/account/s3.php). */
export interface ArchiveKeys {
  access: string;
  secret: string;
}

/** Where the keys come from: the environment only, never a file in the repository. */
export const KEY_VARIABLES = ['ARCHIVE_ORG_ACCESS_KEY', 'ARCHIVE_ORG_SECRET_KEY'] as const;

/**
 * The keys from the environment, or undefined unless both are set.
 * @example readKeys({ ARCHIVE_ORG_ACCESS_KEY: 'a', ARCHIVE_ORG_SECRET_KEY: 's' }) // { access: 'a', secret: 's' }
 */
export function readKeys(env: Readonly<Record<string, string | undefined>>): ArchiveKeys | undefined {
  const access = env[KEY_VARIABLES[0]]?.trim() ?? '';
  const secret = env[KEY_VARIABLES[1]]?.trim() ?? '';
  return access !== '' && secret !== '' ? { access, secret } : undefined;
}

/**
 * The `Authorization` header SPN2 reads S3-style keys from.
 * @example authorizationHeader({ access: 'a', secret: 's' }) // 'LOW a:s'
 */
export function authorizationHeader(keys: ArchiveKeys): string {
  return `LOW ${keys.access}:${keys.secret}`;
}

/**
 * The form body of a capture request: the URL, and `skip_first_archive=1`, which the documents
 * recommend for speed when whether the capture is the first one does not matter.
 * @example saveRequestBody('https://example.org/a?b=1') // 'url=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1&skip_first_archive=1'
 */
export function saveRequestBody(url: string): string {
  return new URLSearchParams({ url, skip_first_archive: '1' }).toString();
}

/**
 * The day of a Wayback timestamp (`YYYYMMDDhhmmss`, UTC), or undefined when it is not one.
 * @example captureDate('20230101120000') // '2023-01-01'
 * @example captureDate('20230230120000') // undefined
 */
export function captureDate(timestamp: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(timestamp);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const valid = at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return valid ? at.toISOString().slice(0, 10) : undefined;
}

/**
 * The permanent address of a capture of `url`, in the form the SPN2 documents give
 * (`https://web.archive.org/web/<timestamp>/<original_url>`). The source's own `url` is used,
 * not the address the archive files the capture under, so the record names the work it cites;
 * the Wayback Machine replays the capture nearest to the timestamp, redirects included.
 * @example archiveUrlFor('20230101120000', 'https://example.org/a') // 'https://web.archive.org/web/20230101120000/https://example.org/a'
 */
export function archiveUrlFor(timestamp: string, url: string): string {
  return `https://web.archive.org/web/${timestamp}/${url}`;
}

/** A capture found or made: its timestamp and the day it was taken. */
export interface Capture {
  timestamp: string;
  /** `YYYY-MM-DD`, for the source's `archived` field. */
  day: string;
}

/** What the availability API said about a URL. */
export type Availability =
  | { kind: 'found'; capture: Capture }
  | { kind: 'none' }
  /** HTTP 429 or 5xx: ask again after a wait. */
  | { kind: 'busy'; reason: string }
  | { kind: 'failed'; reason: string };

/** What a capture request (`POST <save-api>`) was answered with. */
export type SaveReply =
  | { kind: 'job'; jobId: string }
  /** HTTP 429 or 5xx, or a refusal the documents describe as passing: send the request again after a wait. */
  | { kind: 'busy'; reason: string }
  /** The capture will not be made. `stop` when no other capture in this run can be made either (keys refused, account limits). */
  | { kind: 'failed'; reason: string; stop: boolean };

/** What a status request (`GET <save-api>/status/<job_id>`) was answered with. */
export type JobStatus =
  | { kind: 'pending' }
  | { kind: 'success'; capture: Capture }
  /** HTTP 429 or 5xx: ask for the status again after a wait. */
  | { kind: 'busy'; reason: string }
  /** The capture failed for a passing reason: request a new capture after a wait. */
  | { kind: 'again'; reason: string }
  | { kind: 'failed'; reason: string; stop: boolean };

/**
 * How an SPN2 error (`status_ext`) is handled. `transient`: a system or target-server condition
 * that passes, so the capture is requested again after a wait; `daily`: a daily limit, so not
 * again today; `permanent`: about the URL itself. `stop` marks the limits and blocks that apply
 * to every capture of the account, after which the run makes no more capture requests.
 */
export interface Spn2Error {
  handling: 'transient' | 'daily' | 'permanent';
  /** What the documents say it means. */
  says: string;
  stop?: true;
}

/** The `status_ext` values of the SPN2 documents' "Error codes" table. */
export const SPN2_ERRORS: Readonly<Record<string, Spn2Error>> = {
  'error:bad-gateway': { handling: 'transient', says: 'the target server answered 502 Bad Gateway' },
  'error:browsing-timeout': { handling: 'transient', says: "Save Page Now's browser timed out" },
  'error:cannot-fetch': { handling: 'transient', says: 'the target could not be fetched because Save Page Now is overloaded' },
  'error:capture-location-error': { handling: 'transient', says: 'Save Page Now could not find the capture it made' },
  'error:celery': { handling: 'transient', says: 'Save Page Now could not start the capture task' },
  'error:gateway-timeout': { handling: 'transient', says: "the target server didn't respond in time (504)" },
  'error:internal-server-error': { handling: 'transient', says: 'Save Page Now had an internal error' },
  'error:job-failed': { handling: 'transient', says: 'the capture failed on a system error' },
  'error:no-browsers-available': { handling: 'transient', says: "Save Page Now's browser could not run" },
  'error:protocol-error': { handling: 'transient', says: 'the HTTP connection broke' },
  'error:proxy-error': { handling: 'transient', says: "Save Page Now's proxy failed" },
  'error:read-timeout': { handling: 'transient', says: 'the HTTP connection timed out' },
  'error:service-unavailable': { handling: 'transient', says: 'the target server answered 503 Service Unavailable' },
  'error:soft-time-limit-exceeded': { handling: 'transient', says: 'the capture took longer than its time limit' },
  'error:too-many-requests': { handling: 'transient', says: 'the target host is refusing Save Page Now for too many requests (429)' },
  'error:user-session-limit': { handling: 'transient', says: 'the account has reached its limit of concurrent captures' },
  'error:too-many-daily-captures': { handling: 'daily', says: 'this URL has been captured as many times today as Save Page Now allows' },
  'error:max-daily-bandwidth-host': { handling: 'daily', says: "Save Page Now has archived its daily limit from this host" },
  'error:max-daily-bandwidth': { handling: 'daily', says: 'the account has archived its daily limit of data', stop: true },
  'error:max-daily-bandwidth-from-ip': { handling: 'daily', says: 'this address has archived its daily limit of data', stop: true },
  'error:blocked-client-ip': { handling: 'permanent', says: 'this address is on a spam or exploit block list', stop: true },
  'error:bad-request': { handling: 'permanent', says: 'the target server could not understand the request' },
  'error:bandwidth-limit-exceeded': { handling: 'permanent', says: 'the target server has exceeded its bandwidth (509)' },
  'error:blocked': { handling: 'permanent', says: 'the target site blocks the Internet Archive' },
  'error:blocked-url': { handling: 'permanent', says: "the URL is on Save Page Now's block list" },
  'error:filesize-limit': { handling: 'permanent', says: 'the resource is larger than 2 GB' },
  'error:ftp-access-denied': { handling: 'permanent', says: 'access to the FTP resource was denied' },
  'error:http-version-not-supported': { handling: 'permanent', says: 'the target server does not support the HTTP version (505)' },
  'error:invalid-host-resolution': { handling: 'permanent', says: "the target host name couldn't be resolved" },
  'error:invalid-server-response': { handling: 'permanent', says: 'the target server answered with an invalid response' },
  'error:invalid-url-syntax': { handling: 'permanent', says: 'the URL is not valid' },
  'error:method-not-allowed': { handling: 'permanent', says: 'the target server does not allow the request method (405)' },
  'error:network-authentication-required': { handling: 'permanent', says: 'the target network requires authentication (511)' },
  'error:no-access': { handling: 'permanent', says: 'the target URL could not be accessed (403)' },
  'error:not-found': { handling: 'permanent', says: 'the target URL was not found (404)' },
  'error:not-implemented': { handling: 'permanent', says: 'the target server does not support the request method (501)' },
  'error:too-many-redirects': { handling: 'permanent', says: 'the target redirects too many times' },
  'error:unauthorized': { handling: 'permanent', says: 'the target server requires authentication (401)' },
};

type Json = Record<string, unknown>;

/** The reply's JSON object, or undefined when the text is not one. */
function readJson(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** A reply that says nothing readable: HTML from a proxy, a truncated body, a list. */
const malformed = (what: string, text: string): string => {
  const start = text.trim().slice(0, 60).replace(/\s+/g, ' ');
  return `malformed reply from the ${what} (not the documented JSON${start === '' ? ': empty' : `: "${start}${text.trim().length > 60 ? '…' : ''}"`})`;
};

const isBusy = (status: number): boolean => status === 429 || status >= 500;

/** The capture a timestamp names, or undefined when it is not a real `YYYYMMDDhhmmss`. */
function captureOf(timestamp: unknown): Capture | undefined {
  if (typeof timestamp !== 'string') return undefined;
  const day = captureDate(timestamp);
  return day === undefined ? undefined : { timestamp, day };
}

/**
 * Reads an availability reply. A capture counts only when `available` is true and it was of a
 * page that answered 2xx (the closest capture can be of an error page, which is no copy of the
 * work). `{"archived_snapshots":{}}` is the documented "not archived".
 * @example parseAvailability(200, '{"archived_snapshots":{}}') // { kind: 'none' }
 */
export function parseAvailability(status: number, text: string): Availability {
  if (isBusy(status)) return { kind: 'busy', reason: `the availability API answered HTTP ${status}` };
  if (status < 200 || status > 299) return { kind: 'failed', reason: `the availability API answered HTTP ${status}` };
  const json = readJson(text);
  const snapshots = json?.['archived_snapshots'];
  if (typeof snapshots !== 'object' || snapshots === null || Array.isArray(snapshots)) return { kind: 'failed', reason: malformed('availability API', text) };
  const closest = (snapshots as Json)['closest'];
  if (typeof closest !== 'object' || closest === null) return { kind: 'none' };
  const { available, timestamp, status: captured } = closest as Json;
  if (available !== true) return { kind: 'none' };
  if (captured !== undefined && !/^2\d\d$/.test(String(captured))) return { kind: 'none' };
  const capture = captureOf(timestamp);
  if (!capture) return { kind: 'failed', reason: `malformed reply from the availability API (timestamp ${JSON.stringify(timestamp)})` };
  return { kind: 'found', capture };
}

/** The outcome of an SPN2 error, from its `status_ext` and the message that came with it. */
function spn2Error(statusExt: string, message: string | undefined): { kind: 'transient'; reason: string } | { kind: 'failed'; reason: string; stop: boolean } {
  const known = SPN2_ERRORS[statusExt];
  const said = message ?? known?.says ?? 'an error the SPN2 documents do not list';
  const reason = `${statusExt} (${said})`;
  if (known?.handling === 'transient') return { kind: 'transient', reason };
  if (known?.handling === 'daily') return { kind: 'failed', reason: `${reason}; try again tomorrow`, stop: known.stop === true };
  return { kind: 'failed', reason, stop: known?.stop === true };
}

/**
 * Reads the reply to a capture request. A reply with a `job_id` starts a capture even when it
 * carries a message (SPN2 says so when it reuses a recent capture or delays the job); a refusal
 * names its `status_ext`; HTTP 401 or 403 without one means the keys were refused.
 * @example parseSaveReply(200, '{"url":"https://a.example/","job_id":"spn2-1"}') // { kind: 'job', jobId: 'spn2-1' }
 */
export function parseSaveReply(status: number, text: string): SaveReply {
  const json = readJson(text);
  const jobId = textOf(json?.['job_id']);
  const message = textOf(json?.['message']);
  if (jobId !== undefined && status >= 200 && status <= 299) return { kind: 'job', jobId };
  const statusExt = textOf(json?.['status_ext']);
  if (statusExt !== undefined) {
    const error = spn2Error(statusExt, message);
    return error.kind === 'transient' ? { kind: 'busy', reason: error.reason } : error;
  }
  if (status === 401 || status === 403) {
    return { kind: 'failed', reason: `Save Page Now refused the keys (HTTP ${status}${message ? `: ${message}` : ''}); check ${KEY_VARIABLES.join(' and ')}`, stop: true };
  }
  if (isBusy(status)) return { kind: 'busy', reason: `Save Page Now answered HTTP ${status}${message ? `: ${message}` : ''}` };
  if (status < 200 || status > 299) return { kind: 'failed', reason: `Save Page Now answered HTTP ${status}${message ? `: ${message}` : ''}`, stop: false };
  if (json === undefined) return { kind: 'failed', reason: malformed('Save Page Now API', text), stop: false };
  return { kind: 'failed', reason: message !== undefined ? `Save Page Now did not start a capture: ${message}` : malformed('Save Page Now API', text), stop: false };
}

/**
 * Reads the reply to a status request: `pending`, `success` with the capture's timestamp, or
 * `error` with its `status_ext`.
 * @example parseJobStatus(200, '{"status":"success","timestamp":"20240101000000"}') // { kind: 'success', capture: { timestamp: '20240101000000', day: '2024-01-01' } }
 */
export function parseJobStatus(status: number, text: string): JobStatus {
  if (isBusy(status)) return { kind: 'busy', reason: `the status API answered HTTP ${status}` };
  if (status < 200 || status > 299) return { kind: 'failed', reason: `the status API answered HTTP ${status}`, stop: status === 401 || status === 403 };
  const json = readJson(text);
  if (json === undefined) return { kind: 'failed', reason: malformed('status API', text), stop: false };
  const state = json['status'];
  if (state === 'pending') return { kind: 'pending' };
  if (state === 'success') {
    const capture = captureOf(json['timestamp']);
    return capture ? { kind: 'success', capture } : { kind: 'failed', reason: `malformed reply from the status API (timestamp ${JSON.stringify(json['timestamp'])})`, stop: false };
  }
  if (state === 'error') {
    const error = spn2Error(textOf(json['status_ext']) ?? 'error:unknown', textOf(json['message']));
    return error.kind === 'transient' ? { kind: 'again', reason: error.reason } : error;
  }
  return { kind: 'failed', reason: malformed('status API', text), stop: false };
}
