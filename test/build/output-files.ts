/**
 * Helpers for the build tests that read a whole output folder: every file in it, the content
 * tree the build was made from, and a comparison of two builds byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, type CheckedContent } from '../../src/lib/content/content-check.ts';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { ROOT } from '../support/site-build.ts';

/** Every file under `dir`, as sorted paths relative to it. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** The real content tree, checked, as the build saw it. */
export function realContent(): CheckedContent {
  const { loaded: raw } = readContentTree(join(ROOT, 'src/content'), { cwd: ROOT, bodies: false });
  return checkContent(raw, { today: '2999-12-31' }).content;
}

/** The build's declared timestamp, as written in `/data/entries.json`. */
export function declaredTimestamp(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'data/entries.json'), 'utf8')) as { generated: string }).generated;
}

/**
 * A file's bytes with the declared timestamp replaced by a placeholder: the ISO date-time
 * wherever it appears, and the day shown beside it in the footer's `<time>`.
 */
export function withoutTimestamp(bytes: Buffer, timestamp: string): Buffer {
  const text = bytes.toString('latin1');
  if (!text.includes(timestamp)) return bytes;
  const escaped = timestamp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Buffer.from(
    text.replaceAll(timestamp, '@BUILD@').replace(new RegExp(`(<time datetime="@BUILD@"[^>]*>)${escaped.slice(0, 10)}(</time>)`, 'g'), '$1@DAY@$2'),
    'latin1',
  );
}

/** How two output folders differ: files only in one, and files whose bytes differ. */
export interface BuildDiff {
  onlyInA: string[];
  onlyInB: string[];
  changed: string[];
}

/** Compares two output folders file by file, optionally after a normalisation of each side. */
export function compareBuilds(a: string, b: string, normalise: { a?: (f: Buffer) => Buffer; b?: (f: Buffer) => Buffer } = {}): BuildDiff {
  const filesA = allFiles(a);
  const filesB = allFiles(b);
  const setB = new Set(filesB);
  const setA = new Set(filesA);
  const na = normalise.a ?? ((f: Buffer) => f);
  const nb = normalise.b ?? ((f: Buffer) => f);
  return {
    onlyInA: filesA.filter((f) => !setB.has(f)),
    onlyInB: filesB.filter((f) => !setA.has(f)),
    changed: filesA.filter((f) => setB.has(f) && !na(readFileSync(join(a, f))).equals(nb(readFileSync(join(b, f))))),
  };
}
