/**
 * The content pipeline under `astro dev`, as a writer meets it: a page is served; an edit that
 * breaks a rule (an impossible date, a misspelt field) turns every page into Astro's error page,
 * whose overlay and the terminal show the error naming the file and the field, instead of a page
 * built from the last good text; fixing it brings the page back. The dev server runs on a copy of
 * the valid fixture tree, in a project root of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanEnvironment, privateRoot, ROOT } from '../support/site-build.ts';

const ENTRY = 'entries/2019-10-07-us-entity-list.mdx';
let root = '';
let content = '';
let server: ChildProcess | undefined;
let origin = '';
let original = '';
let log = '';

/** Waits until `check` returns true, polling; fails with the server's log after `ms`. */
async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out; the dev server said:\n${log}`);
}

/** The entry page's status and text. */
async function page(): Promise<{ status: number; text: string }> {
  const response = await fetch(`${origin}/entries/2019-10-07-us-entity-list/`);
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  root = privateRoot();
  content = mkdtempSync(join(tmpdir(), 'tl-dev-content-'));
  cpSync(join(ROOT, 'test/fixtures/valid'), content, { recursive: true });
  original = readFileSync(join(content, ENTRY), 'utf8');
  server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...cleanEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: content, BUILD_DATE: '2026-11-29' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onData = (chunk: Buffer) => (log += chunk.toString());
  server.stdout!.on('data', onData);
  server.stderr!.on('data', onData);
  await until(async () => {
    const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
    if (match) origin = `http://127.0.0.1:${match[1]}`;
    return origin !== '';
  }, 90_000);
  await until(async () => (await page()).status === 200, 90_000);
}, 180_000);

afterAll(() => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
});

describe('astro dev, while a writer edits an entry', () => {
  test('serves the entry page while the content is valid', async () => {
    const { status, text } = await page();
    expect(status).toBe(200);
    expect(text).toContain('US adds two camera makers to the Entity List');
  });

  test.each([
    ['an impossible date', (text: string) => text.replace('\npublished:', '\nupdated: 2999-01-01\npublished:'), /entries\/2019-10-07-us-entity-list\.mdx: updated: 2999-01-01 is in the future/],
    ['a misspelt field', (text: string) => text.replace('\npublished:', '\ncorection: a note\npublished:'), /entries\/2019-10-07-us-entity-list\.mdx: corection: unknown field "corection"; did you mean "corrections"\?/],
  ])('shows the error naming the file and the field after %s, and the page again once it is fixed', async (_name, edit, error) => {
    const before = log.length;
    writeFileSync(join(content, ENTRY), edit(original));
    await until(async () => (await page()).status === 500 && error.test(log.slice(before)));
    // The page is Astro's error page, which opens the overlay with the same message; never the entry.
    expect((await page()).text).not.toContain('US adds two camera makers');
    writeFileSync(join(content, ENTRY), original);
    await until(async () => (await page()).status === 200);
  });
});
