/**
 * `npm run archive` run as a child process against a stand-in for the Wayback availability API
 * and Save Page Now 2 on 127.0.0.1, answering as their documents describe, over a small content
 * tree written here. The sources' `url`s are never fetched by this command, so they can be any
 * https addresses; their paths pick what the stand-in answers.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closedPort, runScript, sendJson, startStandIn, type Received, type Run, type StandIn } from './stand-in-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/archive.ts');
const KEYS = { ARCHIVE_ORG_ACCESS_KEY: 'test-access', ARCHIVE_ORG_SECRET_KEY: 'test-secret' };
const SITE = 'https://example.org';

/** Every source of the main tree: its id, the scenario its url's path names, and any extra lines. */
const SOURCES: Record<string, string> = {
  'a-found': `# Kept: a comment above the fields.\ntitle: "Found: an existing capture"   # kept too\npublisher: Example\n\nurl: ${SITE}/found\nkind: primary\nnote: >-\n  A folded\n  note.\n`,
  'b-already': `title: B\npublisher: Example\nurl: ${SITE}/capture\narchiveUrl: https://web.archive.org/web/20200101000000/${SITE}/capture\narchived: 2020-01-01\nkind: primary\n`,
  'c-no-url': 'title: C\npublisher: Example\nkind: secondary\nnote: Read in print.\n',
  'd-capture': `title: D\nurl: ${SITE}/capture\nkind: primary\n`,
  'e-session-limit': `title: E\nurl: ${SITE}/session-limit\nkind: primary\n`,
  'f-rate-limited': `title: F\nurl: ${SITE}/rate-limited\nkind: primary\n`,
  'g-job-retry': `title: G\nurl: ${SITE}/job-retry\nkind: primary\n`,
  'h-daily': `title: H\nurl: ${SITE}/daily\nkind: primary\n`,
  'i-blocked': `title: I\nurl: ${SITE}/blocked\nkind: primary\n`,
  'j-not-found': `title: J\nurl: ${SITE}/not-found\nkind: primary\n`,
  'k-malformed': `title: K\nurl: ${SITE}/malformed\nkind: primary\n`,
  'l-error500': `title: L\nurl: ${SITE}/error500\nkind: primary\n`,
  'm-slow': `title: M\nurl: ${SITE}/slow\nkind: primary\n`,
};

const counts = new Map<string, number>();
/** How many times `key` has been asked for, this one included. */
const count = (key: string): number => {
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n;
};
const success = (timestamp: string, url: string) => ({ status: 'success', job_id: 'x', original_url: url, timestamp, duration_sec: 1.5, resources: [] });
const scenarioOf = (url: string | null): string => (url === null ? '' : new URL(url).pathname.slice(1));

/** The stand-in's answers: the availability API, a capture request, a status request. */
function answer(request: Received, response: ServerResponse): void | Promise<void> {
  if (request.method === 'GET' && request.path === '/available') {
    const url = request.query.get('url');
    const scenario = scenarioOf(url);
    if (scenario === 'found' || scenario === 'found-too') {
      return sendJson(response, 200, { url, archived_snapshots: { closest: { available: true, url: `http://web.archive.org/web/20230101120000/${url}`, timestamp: '20230101120000', status: '200' } } });
    }
    if (scenario === 'malformed') return sendJson(response, 200, '<html><body>Wayback is busy</body></html>');
    if (scenario === 'error500') return sendJson(response, 500, { error: 'internal' });
    if (scenario === 'slow') return new Promise<void>((done) => setTimeout(() => done(sendJson(response, 200, { archived_snapshots: {} })), 3000));
    return sendJson(response, 200, { url, archived_snapshots: {} });
  }
  if (request.method === 'POST' && request.path === '/save') {
    if (request.headers.authorization !== 'LOW test-access:test-secret') return sendJson(response, 401, { message: 'You need to be logged in to use Save Page Now.' });
    const url = new URLSearchParams(request.body).get('url');
    const scenario = scenarioOf(url);
    const n = count(`save ${scenario}`);
    if (scenario === 'session-limit' && n === 1) return sendJson(response, 200, { status: 'error', status_ext: 'error:user-session-limit', message: 'You have already reached the limit of active sessions. Please try again later.' });
    if (scenario === 'rate-limited' && n === 1) return sendJson(response, 429, 'Too Many Requests', { 'Retry-After': '1', 'Content-Type': 'text/plain' });
    if (scenario === 'blocked') return sendJson(response, 200, { status: 'error', status_ext: 'error:blocked-url', message: 'This URL is in the Save Page Now block list.' });
    return sendJson(response, 200, { url, job_id: `spn2-${scenario}-${n}` });
  }
  const job = /^\/save\/status\/(.+)$/.exec(request.path)?.[1];
  if (request.method === 'GET' && job !== undefined) {
    const n = count(`status ${job}`);
    if (job.startsWith('spn2-capture-')) return sendJson(response, 200, n === 1 ? { status: 'pending', job_id: job, resources: [] } : success('20240101000000', `${SITE}/capture`));
    if (job === 'spn2-session-limit-2') return sendJson(response, 200, success('20240102000000', `${SITE}/session-limit`));
    if (job === 'spn2-rate-limited-2') return sendJson(response, 200, success('20240103000000', `${SITE}/rate-limited`));
    if (job === 'spn2-job-retry-1') return sendJson(response, 200, { status: 'error', status_ext: 'error:service-unavailable', message: `Service Unavailable for ${SITE}/job-retry`, job_id: job });
    if (job === 'spn2-job-retry-2') return sendJson(response, 200, success('20240104000000', `${SITE}/job-retry`));
    if (job.startsWith('spn2-daily-')) return sendJson(response, 200, { status: 'error', status_ext: 'error:too-many-daily-captures', message: 'This URL has been already captured 10 times today. Please try again tomorrow.', job_id: job });
    if (job.startsWith('spn2-not-found-')) return sendJson(response, 200, { status: 'error', status_ext: 'error:not-found', message: `Couldn't find ${SITE}/not-found`, job_id: job });
  }
  return sendJson(response, 404, { message: 'not a stand-in route' });
}

let standIn: StandIn;
const trees: string[] = [];

/** A content tree with the named sources of SOURCES (or the texts given), in a new temporary folder. */
function writeTree(sources: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'archive-test-'));
  trees.push(root);
  mkdirSync(join(root, 'sources'));
  for (const [id, text] of Object.entries(sources)) writeFileSync(join(root, 'sources', `${id}.yaml`), text);
  return root;
}
const pick = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, SOURCES[id] ?? '']));
const readTree = (root: string) => Object.fromEntries(readdirSync(join(root, 'sources')).map((name) => [name.replace(/\.yaml$/, ''), readFileSync(join(root, 'sources', name), 'utf8')]));

/** Runs the command over `root` against the stand-in, fast: no pace, short waits. */
function archive(root: string, extra: string[] = [], env: Record<string, string> = KEYS): Promise<Run> {
  const api = ['--available-api', `${standIn.origin}/available`, '--save-api', `${standIn.origin}/save`];
  return runScript(SCRIPT, ['--content', root, ...api, '--pace', '0', '--poll', '10', '--backoff', '20', '--retries', '2', '--timeout', '1000', ...extra], { cwd: ROOT, env });
}

/** The requests received while `run` ran. */
async function during(run: () => Promise<Run>): Promise<{ result: Run; requests: Received[] }> {
  const from = standIn.received.length;
  const result = await run();
  return { result, requests: standIn.received.slice(from) };
}
const asked = (requests: Received[], scenario: string) => requests.filter((r) => (r.query.get('url') ?? new URLSearchParams(r.body).get('url')) === `${SITE}/${scenario}`);
const capturedLines = (timestamp: string, day: string, scenario: string) => `archiveUrl: https://web.archive.org/web/${timestamp}/${SITE}/${scenario}\narchived: ${day}\n`;

beforeAll(async () => {
  standIn = await startStandIn(answer);
});

afterAll(async () => {
  await standIn.close();
  for (const root of trees) rmSync(root, { recursive: true, force: true });
});

describe('npm run archive', () => {
  let root: string;
  let result: Run;
  let requests: Received[];
  let files: Record<string, string>;

  beforeAll(async () => {
    root = writeTree(SOURCES);
    ({ result, requests } = await during(() => archive(root)));
    files = readTree(root);
  });

  test('records an existing capture and keeps every other byte of the file', () => {
    expect(files['a-found']).toBe(`${SOURCES['a-found']}${capturedLines('20230101120000', '2023-01-01', 'found')}`);
    expect(result.stdout).toContain(`[1/13] a-found: found capture: 2023-01-01 https://web.archive.org/web/20230101120000/${SITE}/found\n`);
    expect(asked(requests, 'found').map((r) => r.method)).toEqual(['GET']);
  });

  test.each([
    ['d-capture', 'capture', '20240101000000', '2024-01-01'],
    ['e-session-limit', 'session-limit', '20240102000000', '2024-01-02'],
    ['f-rate-limited', 'rate-limited', '20240103000000', '2024-01-03'],
    ['g-job-retry', 'job-retry', '20240104000000', '2024-01-04'],
  ])('captures %s where there is no capture and records it', (id, scenario, timestamp, day) => {
    expect(files[id]).toBe(`${SOURCES[id]}${capturedLines(timestamp, day, scenario)}`);
    expect(result.stdout).toMatch(new RegExp(`\\] ${id}: captured: ${day} https://web\\.archive\\.org/web/${timestamp}/`));
  });

  test('follows a capture through pending to success, sending the keys and the documented form', () => {
    const save = asked(requests, 'capture').filter((r) => r.method === 'POST');
    expect(save).toHaveLength(1);
    expect(save[0]?.headers.authorization).toBe('LOW test-access:test-secret');
    expect(save[0]?.headers.accept).toBe('application/json');
    expect(Object.fromEntries(new URLSearchParams(save[0]?.body))).toEqual({ url: `${SITE}/capture`, skip_first_archive: '1' });
    const polls = requests.filter((r) => r.path === '/save/status/spn2-capture-1');
    expect(polls).toHaveLength(2);
    expect(polls.every((r) => r.headers.authorization === 'LOW test-access:test-secret')).toBe(true);
  });

  test('sends a capture request again after error:user-session-limit', () => {
    expect(asked(requests, 'session-limit').filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(result.stdout).toContain('e-session-limit: error:user-session-limit (You have already reached the limit of active sessions. Please try again later.); waiting 20 ms (retry 1 of 2)');
  });

  test('waits as long as Retry-After asks after HTTP 429', () => {
    const posts = asked(requests, 'rate-limited').filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(result.stdout).toContain('f-rate-limited: Save Page Now answered HTTP 429; waiting 1 s (retry 1 of 2)');
  });

  test('requests a new capture when a job fails with a passing error', () => {
    expect(asked(requests, 'job-retry').filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(result.stdout).toContain(`g-job-retry: the capture failed: error:service-unavailable (Service Unavailable for ${SITE}/job-retry); requesting it again in 20 ms`);
  });

  test.each([
    ['h-daily', 'daily', 1, 'error:too-many-daily-captures (This URL has been already captured 10 times today. Please try again tomorrow.); try again tomorrow'],
    ['i-blocked', 'blocked', 1, 'error:blocked-url (This URL is in the Save Page Now block list.)'],
    ['j-not-found', 'not-found', 1, `error:not-found (Couldn't find ${SITE}/not-found)`],
  ])('reports %s as failed without retrying a refusal the documents call final', (id, scenario, posts, reason) => {
    expect(files[id]).toBe(SOURCES[id]);
    expect(asked(requests, scenario).filter((r) => r.method === 'POST')).toHaveLength(posts);
    expect(result.stdout).toContain(`] ${id}: failed: ${reason}\n`);
  });

  test.each([
    ['k-malformed', 'malformed', 1, 'malformed reply from the availability API (not the documented JSON: "<html><body>Wayback is busy</body></html>")'],
    ['l-error500', 'error500', 3, 'the availability API answered HTTP 500; gave up after 3 tries'],
    ['m-slow', 'slow', 3, 'the availability API: no answer in the time allowed; gave up after 3 tries'],
  ])('reports %s as failed, naming what the availability API did, and carries on', (id, scenario, lookups, reason) => {
    expect(files[id]).toBe(SOURCES[id]);
    expect(asked(requests, scenario)).toHaveLength(lookups);
    expect(result.stdout).toContain(`] ${id}: failed: ${reason}\n`);
  });

  test('skips a source already archived and one without a url, asking nothing', () => {
    expect(files['b-already']).toBe(SOURCES['b-already']);
    expect(files['c-no-url']).toBe(SOURCES['c-no-url']);
    expect(result.stdout).toContain(`[2/13] b-already: already archived: https://web.archive.org/web/20200101000000/${SITE}/capture\n`);
    expect(result.stdout).toContain('[3/13] c-no-url: no url\n');
  });

  test('shows progress for every source and ends with a summary and the failures, exiting 1', () => {
    expect(result.stdout.match(/^\[\d+\/13\] /gm)).toHaveLength(13);
    expect(result.stdout).toContain('archive: 13 of 13 sources done: 1 found capture, 4 captured, 1 already archived, 1 no url, 6 failed\nfailed:\n  h-daily: ');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });

  test('on a second run skips what the first recorded and asks again only with --force', async () => {
    const again = await during(() => archive(root, ['--only', 'a-found']));
    expect(again.result.stdout).toContain('[1/1] a-found: already archived: ');
    expect(again.requests).toEqual([]);
    const forced = await during(() => archive(root, ['--only', 'a-found', '--force']));
    expect(forced.result.stdout).toContain('[1/1] a-found: found capture: 2023-01-01 ');
    expect(forced.requests).toHaveLength(1);
    expect(readFileSync(join(root, 'sources/a-found.yaml'), 'utf8')).toBe(files['a-found']);
  });
});

describe('npm run archive options', () => {
  test('--dry-run asks for existing captures but writes nothing and requests none', async () => {
    const root = writeTree(pick('a-found', 'd-capture'));
    const before = readTree(root);
    const { result, requests } = await during(() => archive(root, ['--dry-run']));
    expect(readTree(root)).toEqual(before);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /available', 'GET /available']);
    expect(result.stdout).toContain('a-found: found capture: 2023-01-01 https://web.archive.org/web/20230101120000/https://example.org/found (dry run: not written)');
    expect(result.stdout).toContain('d-capture: to capture: no capture yet; would request one (dry run)');
    expect(result.code).toBe(0);
  });

  test('without keys records existing captures and skips captures, saying which variables to set', async () => {
    const root = writeTree(pick('a-found', 'd-capture'));
    const { result, requests } = await during(() => archive(root, [], {}));
    expect(readTree(root)['a-found']).toContain('archived: 2023-01-01\n');
    expect(readTree(root)['d-capture']).toBe(SOURCES['d-capture']);
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(result.stdout).toContain('d-capture: skipped: no capture yet; not requested: no keys; set ARCHIVE_ORG_ACCESS_KEY and ARCHIVE_ORG_SECRET_KEY');
    expect(result.code).toBe(0);
  });

  test('stops requesting captures once the keys are refused', async () => {
    const root = writeTree(pick('d-capture', 'e-session-limit'));
    const { result, requests } = await during(() => archive(root, [], { ARCHIVE_ORG_ACCESS_KEY: 'wrong', ARCHIVE_ORG_SECRET_KEY: 'keys' }));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(requests.find((r) => r.method === 'POST')?.headers.authorization).toBe('LOW wrong:keys');
    expect(result.stdout).toContain('d-capture: failed: Save Page Now refused the keys (HTTP 401: You need to be logged in to use Save Page Now.); check ARCHIVE_ORG_ACCESS_KEY and ARCHIVE_ORG_SECRET_KEY');
    expect(result.stdout).toContain('e-session-limit: skipped: no capture yet; not requested: stopped after an earlier refusal: Save Page Now refused the keys');
    expect(result.code).toBe(1);
  });

  test('stops, writing nothing more, when archive.org cannot be reached at all', async () => {
    const root = writeTree(pick('a-found', 'd-capture'));
    const port = await closedPort();
    const result = await runScript(SCRIPT, ['--content', root, '--available-api', `http://127.0.0.1:${port}/available`, '--pace', '0', '--backoff', '10', '--retries', '1'], { cwd: ROOT, env: KEYS });
    expect(readTree(root)).toEqual(pick('a-found', 'd-capture'));
    expect(result.stdout).toContain('a-found: the availability API: the connection was refused (ECONNREFUSED); waiting 10 ms (retry 1 of 1)');
    expect(result.stdout).toContain('archive: 0 of 2 sources done\nstopped: archive.org could not be reached (the availability API: the connection was refused (ECONNREFUSED); gave up after 2 tries)');
    expect(result.code).toBe(1);
  });

  test('--pace keeps requests apart', async () => {
    const root = writeTree({ ...pick('a-found'), 'a2-found': `title: A2\nurl: ${SITE}/found-too\nkind: primary\n` });
    const { requests } = await during(() => archive(root, ['--pace', '300']));
    expect(requests).toHaveLength(2);
    expect((requests[1]?.at ?? 0) - (requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(280);
  });

  test.each([
    [['--only', '../../package'], '--only "../../package" is not a source id (lower-case letters, digits and hyphens)'],
    [['--only', 'A-found'], '--only "A-found" is not a source id'],
    [['--only', 'z-missing'], 'no source "z-missing" in '],
    [['--pace', 'fast'], '--pace takes a whole number, not "fast"'],
    [['--timeout', '0'], '--timeout takes a whole number of at least 1, not "0"'],
    [['--save-api', 'file:///etc/passwd'], '--save-api takes an http(s) URL'],
    [['--unknown'], "Unknown option '--unknown'"],
  ])('refuses %j before reading or asking anything', async (args, message) => {
    const root = writeTree(pick('a-found'));
    const { result, requests } = await during(() => archive(root, args));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(requests).toEqual([]);
    expect(readTree(root)['a-found']).toBe(SOURCES['a-found']);
  });
});
