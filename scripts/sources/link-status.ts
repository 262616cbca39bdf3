/**
 * What a source's address answered, for `npm run check-links`: the chain of HTTP answers (each
 * redirect followed by hand) or the failure that ended it, classified as `live`, `moved`, `gone`
 * or `unchecked`. Only an answer from the server can make a link `gone` (404 or 410); a failure
 * to reach it (no DNS, a refused connection, a timeout) says nothing about the page and is
 * `unchecked`, so a run without network never marks a source gone.
 */
import type { NetworkFailure } from './retry.ts';

/** What a check says about an address. */
export type LinkStatus = 'live' | 'moved' | 'gone' | 'unchecked';

/** The redirects followed before a check gives up. */
export const MAX_REDIRECTS = 10;

/** One HTTP answer on the way: the address asked, the status, and the `Location` header if any. */
export interface Hop {
  url: string;
  status: number;
  location?: string | undefined;
}

/** A classified check. */
export interface LinkReport {
  status: LinkStatus;
  /** For `moved`: where the permanent redirects lead. */
  movedTo?: string;
  /** One line for the report: the answer or failure behind the status. */
  reason: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);

/**
 * Whether a HEAD request was refused in a way that a GET may not be: 405 Method Not Allowed,
 * 501 Not Implemented, and the 403 that some servers give every HEAD.
 * @example headRefused(405) // true
 * @example headRefused(404) // false
 */
export function headRefused(status: number): boolean {
  return status === 405 || status === 403 || status === 501;
}

/**
 * Where a redirect answer points, as an absolute http(s) URL (a relative `Location` is resolved
 * against the address asked); undefined for an answer that is not a redirect or has no usable
 * `Location`.
 * @example redirectTarget({ url: 'https://a.example/x', status: 301, location: '/y' }) // 'https://a.example/y'
 */
export function redirectTarget(hop: Hop): string | undefined {
  if (!REDIRECTS.has(hop.status) || hop.location === undefined || !URL.canParse(hop.location, hop.url)) return undefined;
  const target = new URL(hop.location, hop.url);
  return target.protocol === 'http:' || target.protocol === 'https:' ? target.href : undefined;
}

/**
 * Where the leading permanent redirects (301, 308) of a chain lead: the address's new home. A
 * temporary redirect ends the run, as the address before it is still the one to cite.
 */
function permanentTarget(hops: readonly Hop[]): string | undefined {
  let target: string | undefined;
  for (const hop of hops) {
    if (!PERMANENT.has(hop.status)) break;
    const next = redirectTarget(hop);
    if (next === undefined) break;
    target = next;
  }
  return target;
}

/**
 * Classifies a check of `url`: the answers received in order (`hops`), and the failure that ended
 * it, if one did (a network failure, or `too-many-redirects`). The final answer decides: 2xx is
 * `live`, or `moved` when permanent redirects led to another address; 404 and 410 are `gone`;
 * any other answer (403, 429, 5xx, a redirect without a usable `Location`) and every failure is
 * `unchecked`, since it does not show that the page is gone.
 * @example classifyLink('https://a.example/', [{ url: 'https://a.example/', status: 410 }]) // { status: 'gone', reason: 'HTTP 410' }
 */
export function classifyLink(url: string, hops: readonly Hop[], failure?: NetworkFailure | 'too-many-redirects'): LinkReport {
  const last = hops.at(-1);
  const at = last !== undefined && last.url !== url ? ` at ${last.url}` : '';
  if (failure === 'too-many-redirects') return { status: 'unchecked', reason: `more than ${MAX_REDIRECTS} redirects` };
  if (failure !== undefined) {
    const next = last === undefined ? undefined : redirectTarget(last);
    return { status: 'unchecked', reason: `${failure.message}${next === undefined ? '' : ` after a redirect to ${next}`}` };
  }
  if (last === undefined) return { status: 'unchecked', reason: 'no answer' };
  if (last.status === 404 || last.status === 410) return { status: 'gone', reason: `HTTP ${last.status}${at}` };
  if (last.status >= 200 && last.status <= 299) {
    const target = permanentTarget(hops);
    if (target !== undefined && target !== url) return { status: 'moved', movedTo: target, reason: `HTTP ${hops[0]?.status ?? 301}` };
    return { status: 'live', reason: `HTTP ${last.status}${at}` };
  }
  if (REDIRECTS.has(last.status)) return { status: 'unchecked', reason: `HTTP ${last.status} without a usable Location${at}` };
  return { status: 'unchecked', reason: `HTTP ${last.status}${at}` };
}

/** The `urlStatus` field a check records. */
export interface UrlStatusRecord {
  status: Exclude<LinkStatus, 'unchecked'>;
  checked: string;
  movedTo?: string;
}

/**
 * The `urlStatus` to record for a check made on `checked` (`YYYY-MM-DD`), or undefined for
 * `unchecked`, which is never recorded. `movedTo` is left out when it would trade https for plain
 * http (the schema takes https addresses only); the report still names it.
 * @example urlStatusRecord('https://a.example/', { status: 'moved', movedTo: 'https://b.example/', reason: '' }, '2024-05-01') // { status: 'moved', checked: '2024-05-01', movedTo: 'https://b.example/' }
 */
export function urlStatusRecord(url: string, report: LinkReport, checked: string): UrlStatusRecord | undefined {
  if (report.status === 'unchecked') return undefined;
  const record: UrlStatusRecord = { status: report.status, checked };
  if (report.movedTo !== undefined && (report.movedTo.startsWith('https:') || url.startsWith('http:'))) record.movedTo = report.movedTo;
  return record;
}
