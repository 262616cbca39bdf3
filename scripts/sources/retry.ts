/**
 * The manners of the network commands (`npm run archive`, `npm run check-links`): how long to wait
 * before a retry, what a `Retry-After` header asks for, how far apart requests go, and what a
 * failed `fetch` says. Pure: time is passed in, sleeping is the caller's.
 */

/** How often and how patiently a request is tried again. */
export interface RetryPolicy {
  /** Retries after the first attempt (0: try once). */
  retries: number;
  /** The wait before the first retry, in ms; it doubles for each retry after it. */
  baseMs: number;
  /** The longest wait the policy ever chooses by itself, in ms. */
  maxMs: number;
  /** The longest wait a server may ask for with `Retry-After`, in ms; a longer one ends the tries. */
  maxRetryAfterMs: number;
}

/**
 * The wait before retry number `retry` (0 for the first): exponential from `baseMs`, capped at
 * `maxMs`, with no random jitter so that runs and tests are repeatable (the commands send one
 * request at a time, so there is no herd to spread).
 * @example backoffDelay(2, { retries: 4, baseMs: 1000, maxMs: 60000, maxRetryAfterMs: 600000 }) // 4000
 */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry));
}

/**
 * What a `Retry-After` header asks for, in ms from `now`: delay-seconds or an HTTP date
 * (RFC 9110, section 10.2.3). Undefined when there is no header or it is neither; a date in the
 * past is 0.
 * @example parseRetryAfter('120', 0) // 120000
 * @example parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z')) // 60000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse is lenient; an HTTP date always names the day of the week and GMT.
  if (!/^[A-Z][a-z]{2}, .* GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The next step after a failed attempt: wait and try again, or give up. */
export type RetryDecision = { retry: true; waitMs: number } | { retry: false; reason?: string };

/**
 * Whether to try again after failed attempt number `attempt` (0 for the first try), and how long
 * to wait: the server's `Retry-After` when it gave one (never less than the policy's own wait),
 * otherwise the policy's. Gives up, with the reason, when the tries are spent or the server asks
 * for a longer wait than `maxRetryAfterMs`.
 * @example decideRetry(0, { retries: 2, baseMs: 100, maxMs: 1000, maxRetryAfterMs: 5000 }, 3000) // { retry: true, waitMs: 3000 }
 */
export function decideRetry(attempt: number, policy: RetryPolicy, retryAfterMs?: number): RetryDecision {
  if (attempt >= policy.retries) return { retry: false };
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) {
    return { retry: false, reason: `the server asked to wait ${Math.ceil(retryAfterMs / 1000)} s (Retry-After), more than ${Math.ceil(policy.maxRetryAfterMs / 1000)} s` };
  }
  return { retry: true, waitMs: Math.max(backoffDelay(attempt, policy), retryAfterMs ?? 0) };
}

/** A request that never got an HTTP answer. */
export interface NetworkFailure {
  /** `timeout` when the time allowed ran out, `network` when no connection was made or it broke. */
  kind: 'timeout' | 'network';
  /** The system's code (`ENOTFOUND`, `ECONNREFUSED`, …) or the error's name. */
  code: string;
  /** One line for the report. */
  message: string;
}

const SAYS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be looked up (DNS unavailable)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'the network is unreachable',
  ENETDOWN: 'the network is down',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection broke',
  EPROTO: 'the TLS handshake failed',
  CERT_HAS_EXPIRED: 'the certificate has expired',
};

const codeOf = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * What an error thrown by `fetch` means: a timeout (the `AbortSignal.timeout` fired) or a network
 * failure with its system code.
 * @example describeFetchError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })) // { kind: 'network', code: 'ECONNREFUSED', message: 'the connection was refused (ECONNREFUSED)' }
 */
export function describeFetchError(error: unknown): NetworkFailure {
  const name = typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';
  if (name === 'TimeoutError') return { kind: 'timeout', code: 'TimeoutError', message: 'no answer in the time allowed' };
  // undici wraps the socket's error in `TypeError: fetch failed`; the code, or failing that the
  // most specific message, is further down the `cause` chain.
  let said = error instanceof Error ? error.message : String(error);
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && typeof cause === 'object' && cause !== null; depth++) {
    const code = codeOf(cause);
    if (code !== undefined) {
      const kind = code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' ? 'timeout' : 'network';
      return { kind, code, message: `${SAYS[code] ?? 'the request failed'} (${code})` };
    }
    if (cause instanceof Error && cause.message !== '') said = cause.message;
    cause = (cause as { cause?: unknown }).cause;
  }
  return { kind: 'network', code: name || 'Error', message: `the request failed (${said})` };
}

/**
 * A wait as the progress lines show it.
 * @example formatWait(1500) // '2 s'
 * @example formatWait(40) // '40 ms'
 */
export function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/**
 * Keeps requests `paceMs` apart per key (a host, or one key for one service), counted from the end
 * of one to the start of the next, as the server sees them: `waitFor` says how long to wait before
 * the next request to `key` may start, `done` records that a request to it has ended. Time comes
 * from `now`, so tests need no clock.
 * @example const pacer = createPacer(1000, () => 0); pacer.done('a'); pacer.waitFor('a') // 1000
 */
export function createPacer(paceMs: number, now: () => number): { waitFor(key: string): number; done(key: string): void } {
  const lastEnd = new Map<string, number>();
  return {
    waitFor(key) {
      const end = lastEnd.get(key);
      return end === undefined ? 0 : Math.max(0, end + paceMs - now());
    },
    done(key) {
      lastEnd.set(key, now());
    },
  };
}
