/**
 * What `npm run archive` and `npm run check-links` share that touches the disk, the network or the
 * clock: finding the source files, reading the numeric options, and one HTTP request with a time
 * limit that never throws.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFetchError, type NetworkFailure } from './retry.ts';
import { isSourceId } from './source-file.ts';

/** A mistake in the command line or its setting; the command prints it and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One source file to work on. */
export interface SourceFile {
  id: string;
  path: string;
}

/** The content folder: `--content`, else `CONTENT_DIR` (as for the build), else `src/content`. */
export function contentRoot(option: string | undefined): string {
  return resolve(option ?? process.env['CONTENT_DIR'] ?? fileURLToPath(new URL('../../src/content/', import.meta.url)));
}

/**
 * The source files under `<root>/sources/`, sorted by id, or only the one `--only` names. An id is
 * checked against the id rule before any path is made from it, and only regular files named
 * `<id>.yaml` directly in that folder are listed, so nothing outside it is ever read or written.
 */
export function listSourceFiles(root: string, only: string | undefined): SourceFile[] {
  const folder = join(root, 'sources');
  if (!existsSync(folder)) throw new UsageError(`no sources folder at ${show(folder)}; pass --content with the folder that holds sources/`);
  if (only !== undefined && !isSourceId(only)) throw new UsageError(`--only ${JSON.stringify(only)} is not a source id (lower-case letters, digits and hyphens)`);
  const files = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml') && isSourceId(basename(entry.name, '.yaml')))
    .map((entry) => ({ id: basename(entry.name, '.yaml'), path: join(folder, entry.name) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (only === undefined) return files;
  const found = files.filter((file) => file.id === only);
  if (found.length === 0) throw new UsageError(`no source "${only}" in ${show(folder)}`);
  return found;
}

/**
 * A whole number of milliseconds (or of anything) from an option, `fallback` when it is not given.
 * @example readCount('--pace', '250', 5000) // 250
 */
export function readCount(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`${name} takes a whole number${min > 0 ? ` of at least ${min}` : ''}, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** An option that must be an absolute http(s) URL. */
export function readApiUrl(name: string, value: string | undefined, fallback: string): string {
  const url = value ?? fallback;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new UsageError(`${name} takes an http(s) URL, not ${JSON.stringify(url)}`);
  return url.replace(/\/+$/, '');
}

/** A path as the writer reads it: relative inside the working folder, absolute outside it. */
export function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** Today in UTC, `YYYY-MM-DD`. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** An HTTP answer, its body read (or discarded), or the failure that left none. */
export type Answer = { ok: true; status: number; headers: Headers; text: string } | { ok: false; failure: NetworkFailure };

/**
 * One request that gives up after `timeoutMs`, body included, and never throws: every failure is
 * an answer of its own. Redirects are returned, not followed. With `readBody` false the body is
 * discarded unread (a GET that stands in for a HEAD).
 */
export async function request(url: string, init: RequestInit, timeoutMs: number, readBody = true): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    let text = '';
    if (readBody) text = await response.text();
    else await response.body?.cancel();
    return { ok: true, status: response.status, headers: response.headers, text };
  } catch (error) {
    return { ok: false, failure: describeFetchError(error) };
  }
}
