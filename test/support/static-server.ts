/**
 * A minimal static file server for a built site, as any static host would serve it:
 * directory index files, the 404 page, correct content types, an optional base path and, when
 * asked, gzip for text (as every common static host sends it) and the headers of the site's own
 * `_headers` file (as Netlify and Cloudflare Pages send them: its security headers, and the
 * caching that lets a browser keep the built scripts and stylesheets from page to page).
 */
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeadersFile, type HeaderRule } from './host-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
};

/** A running server and its origin. */
export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

// Text types a host compresses; Pagefind's own files are compressed already.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.txt', '.csv', '.bib', '.ris']);

/**
 * Serves `dir` on 127.0.0.1 at a free port, under `base` (default `/`). With `compress`, text is
 * sent gzipped to clients that accept it, as a host would: Lighthouse then sees the bytes a reader
 * downloads. The tests that count bytes themselves use the default, uncompressed. With
 * `hostHeaders`, every response carries the headers that `dir/_headers` gives its path (the
 * file must exist).
 */
export function serveStatic(dir: string, base = '/', options: { compress?: boolean; hostHeaders?: boolean } = {}): Promise<RunningServer> {
  const rules: HeaderRule[] = options.hostHeaders ? parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    for (const [name, value] of headersFor(rules, url.pathname)) res.setHeader(name, value);
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end('not under base');
      return;
    }
    pathname = `/${pathname.slice(base.length)}`;
    let file = normalize(join(dir, pathname));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(dir, '404.html');
    }
    // A content type from `_headers` wins, as it does on the hosts that read the file.
    const type = String(res.getHeader('content-type') ?? TYPES[extname(file)] ?? 'application/octet-stream');
    if (options.compress && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(status, { 'Content-Type': type });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
