/**
 * `npm run check-links` asks every source's `url` whether it still answers, and says for each one
 * `live`, `moved` (permanently redirected; the new address is named), `gone` (404 or 410) or
 * `unchecked` (no answer that settles it: no DNS, a refused connection, a timeout, 403, 5xx). A
 * run without network reports every source unchecked and never gone.
 *
 * Each address gets a HEAD request, or a GET when HEAD is refused (405, 403, 501); redirects are
 * followed, up to ten; requests to one host are kept `--pace` apart.
 *
 * Options:
 *   --write           record `urlStatus: { status, checked, movedTo? }` in the source files
 *                     (never for unchecked)
 *   --only <id>       one source
 *   --content <dir>   the content folder (default: CONTENT_DIR, else src/content)
 *   --pace <ms>       the pause between two requests to one host (default 2000)
 *   --timeout <ms>    the time limit of each request (default 15000)
 *
 * The `url` is read as written, through the content's YAML reader but not its schema, so any
 * http(s) address is checked (the tests point it at a local server); other schemes are skipped.
 * Exit status: 0, 1 when a source is gone or its file could not be read or written, 2 for a
 * usage mistake.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { classifyLink, headRefused, MAX_REDIRECTS, redirectTarget, urlStatusRecord, type Hop, type LinkReport, type LinkStatus } from './sources/link-status.ts';
import { createPacer, type NetworkFailure } from './sources/retry.ts';
import { contentRoot, listSourceFiles, readCount, request, show, sleep, todayUtc, UsageError, type Answer, type SourceFile } from './sources/run.ts';
import { httpUrl, readSourceLinks, setFields } from './sources/source-file.ts';

const USAGE = 'usage: npm run check-links -- [--write] [--only <id>] [--content <dir>] [--pace <ms>] [--timeout <ms>]';
// Some servers refuse requests without a browser-like agent; this one says what it is.
const USER_AGENT = 'Mozilla/5.0 (compatible; cctv-restrictions-timeline check-links)';

/** What happened to one source, by the word the summary counts it under. */
type Outcome = LinkStatus | 'no url' | 'skipped' | 'failed';

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      write: { type: 'boolean' },
      only: { type: 'string' },
      content: { type: 'string' },
      pace: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    write: values.write === true,
    only: values.only,
    root: contentRoot(values.content),
    pace: readCount('--pace', values.pace, 2_000),
    timeout: readCount('--timeout', values.timeout, 15_000, 1),
  };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  let files: SourceFile[];
  try {
    options = parseOptions(process.argv.slice(2));
    files = listSourceFiles(options.root, options.only);
  } catch (error) {
    process.stderr.write(`check-links: ${(error as Error).message}\n${error instanceof UsageError ? '' : `${USAGE}\n`}`);
    return 2;
  }
  const pacer = createPacer(options.pace, Date.now);
  const checked = todayUtc();

  /** One request, paced per host, that discards the body. */
  async function send(url: string, method: 'HEAD' | 'GET'): Promise<Answer> {
    const host = new URL(url).host;
    await sleep(pacer.waitFor(host));
    const answer = await request(url, { method, headers: { 'User-Agent': USER_AGENT, Accept: '*/*' } }, options.timeout, false);
    pacer.done(host);
    return answer;
  }

  /** One step: HEAD, or GET when HEAD is refused. */
  async function ask(url: string): Promise<{ hop: Hop } | { failure: NetworkFailure }> {
    let answer = await send(url, 'HEAD');
    if (answer.ok && headRefused(answer.status)) answer = await send(url, 'GET');
    if (!answer.ok) return { failure: answer.failure };
    return { hop: { url, status: answer.status, location: answer.headers.get('location') ?? undefined } };
  }

  /** Follows `url` through its redirects to an answer or a failure. */
  async function check(url: string): Promise<LinkReport> {
    const hops: Hop[] = [];
    let next: string | undefined = url;
    for (let step = 0; step <= MAX_REDIRECTS && next !== undefined; step++) {
      const asked = await ask(next);
      if ('failure' in asked) return classifyLink(url, hops, asked.failure);
      hops.push(asked.hop);
      next = redirectTarget(asked.hop);
    }
    return classifyLink(url, hops, next === undefined ? undefined : 'too-many-redirects');
  }

  async function checkOne(file: SourceFile): Promise<[Outcome, string]> {
    const read = readSourceLinks(show(file.path), readFileSync(file.path, 'utf8'));
    if (!read.ok) return ['failed', `the file does not read: ${read.problems[0] ?? ''}`];
    const { url: written } = read.value;
    if (written === undefined) return ['no url', ''];
    const url = httpUrl(written);
    if (url === undefined) return ['skipped', `url ${JSON.stringify(written)} is not an http(s) URL`];
    const report = await check(url);
    const record = urlStatusRecord(url, report, checked);
    let detail = report.status === 'moved' ? `${report.movedTo} (${report.reason})` : report.reason;
    if (options.write && record !== undefined) {
      writeFileSync(file.path, setFields(readFileSync(file.path, 'utf8'), { urlStatus: { ...record } }));
      detail += report.movedTo !== undefined && record.movedTo === undefined ? '; recorded without movedTo (not https)' : '; recorded';
    }
    return [report.status, detail];
  }

  process.stdout.write(`check-links: ${files.length} source${files.length === 1 ? '' : 's'} in ${show(options.root)}${options.write ? ' (writing urlStatus)' : ''}\n`);
  const counts = new Map<Outcome, number>();
  for (const [index, file] of files.entries()) {
    let outcome: Outcome;
    let detail: string;
    try {
      [outcome, detail] = await checkOne(file);
    } catch (error) {
      [outcome, detail] = ['failed', (error as Error).message];
    }
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    process.stdout.write(`[${index + 1}/${files.length}] ${file.id}: ${outcome}${detail === '' ? '' : `: ${detail}`}\n`);
  }

  const order: Outcome[] = ['live', 'moved', 'gone', 'unchecked', 'no url', 'skipped', 'failed'];
  const tally = order.filter((o) => counts.has(o)).map((o) => `${counts.get(o)} ${o}`);
  process.stdout.write(`\ncheck-links: ${files.length} source${files.length === 1 ? '' : 's'}: ${tally.length > 0 ? tally.join(', ') : 'nothing to check'}\n`);
  const answered = (counts.get('live') ?? 0) + (counts.get('moved') ?? 0) + (counts.get('gone') ?? 0);
  if (answered === 0 && (counts.get('unchecked') ?? 0) > 0) process.stdout.write('no address answered: the network may be down; nothing was reported gone\n');
  return (counts.get('gone') ?? 0) > 0 || (counts.get('failed') ?? 0) > 0 ? 1 : 0;
}

process.exitCode = await main();
