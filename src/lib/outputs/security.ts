/**
 * The site's Content-Security-Policy. Every script and stylesheet is a file of the site's own
 * origin, so one constant policy serves both the `<meta>` tag and the host `_headers` file.
 * Pagefind compiles its WebAssembly search engine, which needs 'wasm-unsafe-eval'.
 */
const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // Pagefind starts its worker from its own file (pagefind-worker.js), so no blob: is needed.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** Directives that only work as an HTTP header, not in a `<meta>` tag. */
const HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

/** The policy for the `<meta http-equiv>` tag. */
export function metaPolicy(): string {
  return CSP_DIRECTIVES.join('; ');
}

/** The policy for the `Content-Security-Policy` response header. */
export function headerPolicy(): string {
  return [...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** The security headers every response should carry, for the host's `_headers` file. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': headerPolicy(),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
