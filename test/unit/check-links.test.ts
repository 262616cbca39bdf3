/**
 * `npm run check-links` run as a child process over a small content tree whose `url`s point at a
 * stand-in server on 127.0.0.1, at a closed port, and at a `.invalid` host that never resolves.
 * The command reads `url` as written (the content's YAML reader, not its https-only schema), which
 * is what lets these plain-http addresses stand in for real ones.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closedPort, runScript, startStandIn, type Received, type Run, type StandIn } from './stand-in-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/check-links.ts');

/** The stand-in's pages: a status, and a Location for redirects. */
function answer(request: Received, response: ServerResponse): void | Promise<void> {
  const send = (status: number, location?: string) => {
    response.writeHead(status, location === undefined ? { 'Content-Type': 'text/html' } : { Location: location });
    response.end(request.method === 'HEAD' ? undefined : `<p>${status}</p>`);
  };
  switch (request.path) {
    case '/ok':
      return send(200);
    case '/head-405':
      return send(request.method === 'HEAD' ? 405 : 200);
    case '/old':
      return send(301, '/older');
    case '/older':
      return send(308, `http://${request.headers.host}/new`);
    case '/new':
      return send(200);
    case '/temporary':
      return send(302, '/ok');
    case '/missing':
      return send(404);
    case '/removed':
      return send(410);
    case '/loop':
      return send(301, '/loop');
    case '/error':
      return send(500);
    case '/slow':
      return new Promise<void>((done) => setTimeout(() => done(send(200)), 3000));
    default:
      return send(404);
  }
}

let standIn: StandIn;
let sources: Record<string, string>;
const trees: string[] = [];
const CHECKED_BEFORE = 'urlStatus:\n  status: gone\n  checked: 2020-01-01\n';

function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-links-test-'));
  trees.push(root);
  mkdirSync(join(root, 'sources'));
  for (const [id, text] of Object.entries(files)) writeFileSync(join(root, 'sources', `${id}.yaml`), text);
  return root;
}
const readTree = (root: string) => Object.fromEntries(readdirSync(join(root, 'sources')).map((name) => [name.replace(/\.yaml$/, ''), readFileSync(join(root, 'sources', name), 'utf8')]));
const checkLinks = (root: string, extra: string[] = []): Promise<Run> => runScript(SCRIPT, ['--content', root, '--pace', '0', '--timeout', '1000', ...extra], { cwd: ROOT });
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  standIn = await startStandIn(answer);
  const closed = `http://127.0.0.1:${await closedPort()}/page`;
  const source = (url: string | undefined, extra = '') => `# A comment the command keeps.\ntitle: A source\npublisher: Example\n${url === undefined ? '' : `url: ${url}\n`}kind: secondary\n${extra}`;
  sources = {
    'closed-port': source(closed, CHECKED_BEFORE),
    'gone-404': source(`${standIn.origin}/missing`),
    'gone-410': source(`${standIn.origin}/removed`),
    'head-refused': source(`${standIn.origin}/head-405`),
    live: source(`${standIn.origin}/ok`, CHECKED_BEFORE),
    loop: source(`${standIn.origin}/loop`),
    moved: source(`${standIn.origin}/old`),
    'no-dns': source('http://nonexistent.invalid/page'),
    'no-url': source(undefined),
    'not-http': source('ftp://example.org/file.pdf'),
    'server-error': source(`${standIn.origin}/error`),
    slow: source(`${standIn.origin}/slow`),
    temporary: source(`${standIn.origin}/temporary`),
  };
});

afterAll(async () => {
  await standIn.close();
  for (const root of trees) rmSync(root, { recursive: true, force: true });
});

describe('npm run check-links', () => {
  let root: string;
  let result: Run;
  let requests: Received[];

  beforeAll(async () => {
    root = writeTree(sources);
    const from = standIn.received.length;
    result = await checkLinks(root);
    requests = standIn.received.slice(from);
  });

  test.each([
    ['live', 'live: HTTP 200'],
    ['head-refused', 'live: HTTP 200'],
    ['temporary', 'live: HTTP 200 at http://127.0.0.1:PORT/ok'],
    ['moved', 'moved: http://127.0.0.1:PORT/new (HTTP 301)'],
    ['gone-404', 'gone: HTTP 404'],
    ['gone-410', 'gone: HTTP 410'],
    ['loop', 'unchecked: more than 10 redirects'],
    ['server-error', 'unchecked: HTTP 500'],
    ['slow', 'unchecked: no answer in the time allowed'],
    ['closed-port', 'unchecked: the connection was refused (ECONNREFUSED)'],
    ['no-url', 'no url'],
    ['not-http', 'skipped: url "ftp://example.org/file.pdf" is not an http(s) URL'],
  ])('reports %s as %j', (id, line) => {
    expect(result.stdout).toMatch(new RegExp(`^\\[\\d+/13\\] ${id}: ${line.replaceAll('PORT', new URL(standIn.origin).port).replace(/[().?]/g, '\\$&')}$`, 'm'));
  });

  test('reports a host name that does not resolve as unchecked, never gone', () => {
    expect(result.stdout).toMatch(/^\[\d+\/13\] no-dns: unchecked: (the host name does not resolve \(ENOTFOUND\)|the host name could not be looked up \(DNS unavailable\) \(EAI_AGAIN\)|no answer in the time allowed)$/m);
  });

  test('asks with HEAD and falls back to GET only when HEAD is refused', () => {
    const methods = (path: string) => requests.filter((r) => r.path === path).map((r) => r.method);
    expect(methods('/head-405')).toEqual(['HEAD', 'GET']);
    expect(methods('/ok')).toEqual(['HEAD', 'HEAD']);
    expect(methods('/missing')).toEqual(['HEAD']);
    expect(methods('/old')).toEqual(['HEAD']);
    expect(methods('/loop')).toHaveLength(11);
  });

  test('without --write changes no file, and ends with a summary, exiting 1 for the gone links', () => {
    expect(readTree(root)).toEqual(sources);
    expect(result.stdout).toContain('check-links: 13 sources: 3 live, 1 moved, 2 gone, 5 unchecked, 1 no url, 1 skipped\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });
});

describe('npm run check-links --write', () => {
  let root: string;
  let result: Run;
  let files: Record<string, string>;
  let checked: string[];

  beforeAll(async () => {
    root = writeTree(sources);
    const before = today();
    result = await checkLinks(root, ['--write']);
    checked = [before, today()];
    files = readTree(root);
  });

  test.each([
    ['gone-404', 'gone'],
    ['gone-410', 'gone'],
    ['head-refused', 'live'],
    ['temporary', 'live'],
  ])('appends the dated status of %s (%s) and keeps every other byte', (id, status) => {
    const appended = files[id]?.slice(sources[id]?.length);
    expect(checked.map((day) => `urlStatus:\n  status: ${status}\n  checked: ${day}\n`)).toContain(appended);
    expect(files[id]?.startsWith(sources[id] ?? '?')).toBe(true);
  });

  test('records where a moved link went', () => {
    expect(files['moved']).toMatch(new RegExp(`\\nurlStatus:\\n  status: moved\\n  checked: \\d{4}-\\d{2}-\\d{2}\\n  movedTo: ${standIn.origin.replace(/\./g, '\\.')}/new\\n$`));
  });

  test('replaces an earlier status in place', () => {
    expect(files['live']).toBe(sources['live']?.replace(CHECKED_BEFORE, `urlStatus:\n  status: live\n  checked: ${files['live']?.match(/checked: (\S+)\n$/)?.[1]}\n`));
    expect(checked).toContain(files['live']?.match(/checked: (\S+)\n$/)?.[1]);
  });

  test.each(['closed-port', 'no-dns', 'loop', 'server-error', 'slow', 'no-url', 'not-http'])('never writes for %s, which was not settled', (id) => {
    expect(files[id]).toBe(sources[id]);
  });

  test('says what it recorded', () => {
    expect(result.stdout).toMatch(/^\[\d+\/13\] gone-404: gone: HTTP 404; recorded$/m);
    expect(result.stdout).toMatch(/^\[\d+\/13\] closed-port: unchecked: the connection was refused \(ECONNREFUSED\)$/m);
  });
});

describe('npm run check-links options', () => {
  test('--only checks one source and --pace keeps requests to one host apart', async () => {
    const root = writeTree(sources);
    const from = standIn.received.length;
    const result = await checkLinks(root, ['--only', 'moved', '--pace', '250']);
    const requests = standIn.received.slice(from);
    expect(result.stdout).toContain('[1/1] moved: moved: ');
    expect(requests.map((r) => r.path)).toEqual(['/old', '/older', '/new']);
    expect((requests[1]?.at ?? 0) - (requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(240);
    expect((requests[2]?.at ?? 0) - (requests[1]?.at ?? 0)).toBeGreaterThanOrEqual(240);
  });

  test('says the network may be down when no address answered, and exits 0', async () => {
    const root = writeTree({ 'closed-port': sources['closed-port'] ?? '', 'no-dns': sources['no-dns'] ?? '' });
    const result = await checkLinks(root, ['--write']);
    expect(result.stdout).toContain('check-links: 2 sources: 2 unchecked\nno address answered: the network may be down; nothing was reported gone\n');
    expect(readTree(root)).toEqual({ 'closed-port': sources['closed-port'], 'no-dns': sources['no-dns'] });
    expect(result.code).toBe(0);
  });

  test.each([
    [['--only', '../sources/live'], '--only "../sources/live" is not a source id'],
    [['--only', 'nope'], 'no source "nope" in '],
    [['--timeout', 'soon'], '--timeout takes a whole number of at least 1, not "soon"'],
  ])('refuses %j before asking anything', async (args, message) => {
    const root = writeTree(sources);
    const from = standIn.received.length;
    const result = await checkLinks(root, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(standIn.received.slice(from)).toEqual([]);
  });
});
