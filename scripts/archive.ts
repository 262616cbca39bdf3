/**
 * `npm run archive` gives every source with a `url` and no `archiveUrl` a Wayback Machine copy: it
 * asks the availability API for an existing capture and, where there is none, requests one with
 * Save Page Now 2, then writes `archiveUrl` and `archived` (the capture's day) into the source
 * file, each file as soon as its source is done, so an interrupted run resumes where it stopped.
 *
 * Options:
 *   --only <id>            one source
 *   --force                ask again for sources that already have an archiveUrl
 *   --dry-run              ask for existing captures but write nothing and request none
 *   --content <dir>        the content folder (default: CONTENT_DIR, else src/content)
 *   --pace <ms>            the pause between one request and the next (default 5000)
 *   --timeout <ms>         the time limit of each request (default 30000)
 *   --retries <n>          retries of a request refused for a passing reason (default 4)
 *   --backoff <ms>         the wait before the first retry, doubled for each next one (default 10000)
 *   --poll <ms>            the wait between two status requests of a capture (default 5000)
 *   --available-api <url>  default https://archive.org/wayback/available
 *   --save-api <url>       default https://web.archive.org/save (status at <url>/status/<job_id>)
 *
 * Captures need the account's keys in the environment: ARCHIVE_ORG_ACCESS_KEY and
 * ARCHIVE_ORG_SECRET_KEY (https://archive.org/account/s3.php). Without them the existing
 * captures are still found and recorded. Exit status: 0, 1 when a source failed, 2 for a usage
 * mistake.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPacer, decideRetry, formatWait, parseRetryAfter, type NetworkFailure, type RetryPolicy } from './sources/retry.ts';
import { contentRoot, listSourceFiles, readApiUrl, readCount, request, show, sleep, UsageError, type Answer, type SourceFile } from './sources/run.ts';
import { httpUrl, readSourceLinks, setFields } from './sources/source-file.ts';
import {
  archiveUrlFor,
  authorizationHeader,
  KEY_VARIABLES,
  parseAvailability,
  parseJobStatus,
  parseSaveReply,
  readKeys,
  saveRequestBody,
  type ArchiveKeys,
  type Availability,
  type Capture,
  type JobStatus,
} from './sources/wayback.ts';

const USAGE =
  'usage: npm run archive -- [--only <id>] [--force] [--dry-run] [--content <dir>] [--pace <ms>] [--timeout <ms>] [--retries <n>] [--backoff <ms>] [--poll <ms>] [--available-api <url>] [--save-api <url>]';
const USER_AGENT = 'cctv-restrictions-timeline archive (npm run archive)';
/** SPN2 gives a capture at most two minutes; a job still pending after three is left for a later run. */
const POLL_LIMIT_MS = 180_000;
const NO_KEYS = `no keys; set ${KEY_VARIABLES.join(' and ')}`;

/** What happened to one source, by the word the summary counts it under. */
type Outcome = 'found capture' | 'captured' | 'already archived' | 'no url' | 'to capture' | 'skipped' | 'failed';

interface Settings {
  dryRun: boolean;
  force: boolean;
  timeout: number;
  poll: number;
  policy: RetryPolicy;
  availableApi: string;
  saveApi: string;
  keys: ArchiveKeys | undefined;
}

/** A request's outcome for `persist`: a reply to act on, a refusal to wait out, or no answer. */
type Sent<T> = { reply: T } | { busy: string; retryAfterMs: number | undefined } | { failure: NetworkFailure };
/** Where `persist` gave up. `network` when archive.org could not be reached at all. */
interface GaveUp {
  gaveUp: string;
  network: boolean;
}

/** The archive's network failure that ends the run: nothing else can be archived without it. */
class Unreachable extends Error {}

/** An answer read with `parse`, as `persist` takes it: a `busy` reply is waited out, as long as its `Retry-After` asks. */
function readAnswer<T extends { kind: string; reason?: string }>(answer: Answer, parse: (status: number, text: string) => T): Sent<T> {
  if (!answer.ok) return { failure: answer.failure };
  const reply = parse(answer.status, answer.text);
  if (reply.kind === 'busy') return { busy: reply.reason ?? `HTTP ${answer.status}`, retryAfterMs: parseRetryAfter(answer.headers.get('retry-after'), Date.now()) };
  return { reply };
}

function parseOptions(argv: string[]): Settings & { only: string | undefined; root: string; pace: number } {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      content: { type: 'string' },
      pace: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      backoff: { type: 'string' },
      poll: { type: 'string' },
      'available-api': { type: 'string' },
      'save-api': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const backoff = readCount('--backoff', values.backoff, 10_000);
  return {
    only: values.only,
    root: contentRoot(values.content),
    pace: readCount('--pace', values.pace, 5_000),
    dryRun: values['dry-run'] === true,
    force: values.force === true,
    timeout: readCount('--timeout', values.timeout, 30_000, 1),
    poll: readCount('--poll', values.poll, 5_000),
    policy: { retries: readCount('--retries', values.retries, 4), baseMs: backoff, maxMs: Math.max(backoff, 300_000), maxRetryAfterMs: 600_000 },
    availableApi: readApiUrl('--available-api', values['available-api'], 'https://archive.org/wayback/available'),
    saveApi: readApiUrl('--save-api', values['save-api'], 'https://web.archive.org/save'),
    keys: readKeys(process.env),
  };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  let files: SourceFile[];
  try {
    options = parseOptions(process.argv.slice(2));
    files = listSourceFiles(options.root, options.only);
  } catch (error) {
    process.stderr.write(`archive: ${(error as Error).message}\n${error instanceof UsageError ? '' : `${USAGE}\n`}`);
    return 2;
  }
  const settings: Settings = options;
  const pacer = createPacer(options.pace, Date.now);
  /** Sends one request, paced: one key for both services, one organisation's servers and one account's limits. */
  async function paced<T>(send: () => Promise<T>): Promise<T> {
    await sleep(pacer.waitFor('archive.org'));
    try {
      return await send();
    } finally {
      pacer.done('archive.org');
    }
  }
  const counts = new Map<Outcome, number>();
  const failures: string[] = [];
  let savesStopped: string | undefined;
  let current = '';

  const say = (line: string) => process.stdout.write(`${line}\n`);
  const note = (line: string) => say(`    ${line}`);

  /** Sends a request until it is answered, waiting out 429, 5xx and timeouts within the retry policy. */
  async function persist<T>(what: string, send: () => Promise<Sent<T>>): Promise<T | GaveUp> {
    for (let attempt = 0; ; attempt++) {
      const sent = await paced(send);
      if ('reply' in sent) return sent.reply;
      const reason = 'busy' in sent ? sent.busy : `${what}: ${sent.failure.message}`;
      const decision = decideRetry(attempt, settings.policy, 'busy' in sent ? sent.retryAfterMs : undefined);
      if (!decision.retry) {
        const tries = attempt === 0 ? '' : `; gave up after ${attempt + 1} tries`;
        return { gaveUp: `${reason}${decision.reason ? `; ${decision.reason}` : tries}`, network: 'failure' in sent && sent.failure.kind === 'network' };
      }
      note(`${current}: ${reason}; waiting ${formatWait(decision.waitMs)} (retry ${attempt + 1} of ${settings.policy.retries})`);
      await sleep(decision.waitMs);
    }
  }

  const isGaveUp = <T extends object>(value: T | GaveUp): value is GaveUp => 'gaveUp' in value;
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({ Accept: 'application/json', 'User-Agent': USER_AGENT, ...extra });
  const auth = (keys: ArchiveKeys) => ({ Authorization: authorizationHeader(keys) });

  async function lookUp(url: string): Promise<Availability | GaveUp> {
    const target = new URL(settings.availableApi);
    target.searchParams.set('url', url);
    return persist('the availability API', async () => readAnswer(await request(target.href, { headers: headers() }, settings.timeout), parseAvailability));
  }

  async function waitForJob(jobId: string, keys: ArchiveKeys): Promise<JobStatus | GaveUp> {
    const deadline = Date.now() + POLL_LIMIT_MS;
    for (;;) {
      await sleep(settings.poll);
      const status = await persist('the status API', async () =>
        readAnswer(await request(`${settings.saveApi}/status/${encodeURIComponent(jobId)}`, { headers: headers(auth(keys)) }, settings.timeout), parseJobStatus),
      );
      if (isGaveUp(status) || status.kind !== 'pending') return status;
      if (Date.now() > deadline) return { kind: 'failed', reason: `the capture is still pending after ${POLL_LIMIT_MS / 1000} s (job ${jobId}); run again later`, stop: false };
    }
  }

  /** Requests a capture and follows it to its end, requesting it again after a passing failure. */
  async function capture(url: string, keys: ArchiveKeys): Promise<{ capture: Capture } | { reason: string; stop: boolean }> {
    for (let round = 0; ; round++) {
      const form = { method: 'POST', headers: headers({ ...auth(keys), 'Content-Type': 'application/x-www-form-urlencoded' }), body: saveRequestBody(url) };
      const reply = await persist('Save Page Now', async () => readAnswer(await request(settings.saveApi, form, settings.timeout), parseSaveReply));
      if (isGaveUp(reply)) {
        if (reply.network) throw new Unreachable(reply.gaveUp);
        return { reason: reply.gaveUp, stop: false };
      }
      if (reply.kind === 'busy') return { reason: reply.reason, stop: false };
      if (reply.kind === 'failed') return reply;
      note(`${current}: no capture yet; Save Page Now started job ${reply.jobId}`);
      const status = await waitForJob(reply.jobId, keys);
      if (isGaveUp(status)) {
        if (status.network) throw new Unreachable(status.gaveUp);
        return { reason: status.gaveUp, stop: false };
      }
      if (status.kind === 'success') return { capture: status.capture };
      if (status.kind === 'failed') return status;
      if (status.kind !== 'again') return { reason: status.kind === 'busy' ? status.reason : 'the capture is still pending', stop: false };
      const decision = decideRetry(round, settings.policy);
      if (!decision.retry) return { reason: `${status.reason} (${round + 1} captures tried)`, stop: false };
      note(`${current}: the capture failed: ${status.reason}; requesting it again in ${formatWait(decision.waitMs)}`);
      await sleep(decision.waitMs);
    }
  }

  /** Writes the capture into the file as it is now (re-read, in case it was edited meanwhile). */
  function record(file: SourceFile, url: string, found: Capture): string {
    const archiveUrl = archiveUrlFor(found.timestamp, url);
    if (!settings.dryRun) writeFileSync(file.path, setFields(readFileSync(file.path, 'utf8'), { archiveUrl, archived: found.day }));
    return `${found.day} ${archiveUrl}${settings.dryRun ? ' (dry run: not written)' : ''}`;
  }

  async function archiveOne(file: SourceFile): Promise<[Outcome, string]> {
    const read = readSourceLinks(show(file.path), readFileSync(file.path, 'utf8'));
    if (!read.ok) return ['failed', `the file does not read: ${read.problems[0] ?? ''}`];
    const { url: written, archiveUrl } = read.value;
    if (archiveUrl !== undefined && !settings.force) return ['already archived', String(archiveUrl)];
    if (written === undefined) return ['no url', ''];
    const url = httpUrl(written);
    if (url === undefined) return ['failed', `url ${JSON.stringify(written)} is not an http(s) URL`];

    const available = await lookUp(url);
    if (isGaveUp(available)) {
      if (available.network) throw new Unreachable(available.gaveUp);
      return ['failed', available.gaveUp];
    }
    if (available.kind === 'failed') return ['failed', available.reason];
    if (available.kind === 'found') return ['found capture', record(file, url, available.capture)];
    if (available.kind === 'busy') return ['failed', available.reason];
    if (settings.dryRun) return ['to capture', 'no capture yet; would request one (dry run)'];
    if (settings.keys === undefined) return ['skipped', `no capture yet; not requested: ${NO_KEYS}`];
    if (savesStopped !== undefined) return ['skipped', `no capture yet; not requested: ${savesStopped}`];
    const made = await capture(url, settings.keys);
    if ('reason' in made) {
      if (made.stop) savesStopped = `stopped after an earlier refusal: ${made.reason}`;
      return ['failed', made.reason];
    }
    return ['captured', record(file, url, made.capture)];
  }

  say(`archive: ${files.length} source${files.length === 1 ? '' : 's'} in ${show(options.root)}${settings.dryRun ? ' (dry run)' : ''}${settings.keys === undefined ? ` (${NO_KEYS}: existing captures only)` : ''}`);
  let done = 0;
  let stopped: string | undefined;
  for (const [index, file] of files.entries()) {
    current = file.id;
    let outcome: Outcome;
    let detail: string;
    try {
      [outcome, detail] = await archiveOne(file);
    } catch (error) {
      if (error instanceof Unreachable) {
        stopped = error.message;
        break;
      }
      [outcome, detail] = ['failed', (error as Error).message];
    }
    done++;
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    if (outcome === 'failed') failures.push(`${file.id}: ${detail}`);
    say(`[${index + 1}/${files.length}] ${file.id}: ${outcome}${detail === '' ? '' : `: ${detail}`}`);
  }

  const order: Outcome[] = ['found capture', 'captured', 'already archived', 'no url', 'to capture', 'skipped', 'failed'];
  const tally = order.filter((o) => counts.has(o)).map((o) => `${counts.get(o)} ${o}`);
  say(`\narchive: ${done} of ${files.length} source${files.length === 1 ? '' : 's'} done${tally.length > 0 ? `: ${tally.join(', ')}` : ''}${settings.dryRun ? ' (dry run: nothing written)' : ''}`);
  if (failures.length > 0) say(`failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  if (stopped !== undefined) say(`stopped: archive.org could not be reached (${stopped}); the sources done so far are written, run again to resume`);
  return failures.length > 0 || stopped !== undefined ? 1 : 0;
}

process.exitCode = await main();
