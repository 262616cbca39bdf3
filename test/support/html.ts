/** Reads built HTML pages with a real parser. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Parses one built file, given its path inside the output folder (e.g. `entries/x/index.html`). */
export function readPage(distDir: string, path: string): HTMLElement {
  return parse(readFileSync(join(distDir, path), 'utf8'));
}

/** Every file under `dir` with the given ending, as paths relative to `dir`. */
export function listFiles(dir: string, ending: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(ending)) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The pages of a list cut into pages (`<path>index.html`, then `<path>page/<n>/index.html` from 2),
 * in order, as parsed pages with their files.
 */
export function readListPages(distDir: string, path: string): { file: string; page: HTMLElement }[] {
  const files = [`${path}index.html`];
  for (let n = 2; existsSync(join(distDir, `${path}page/${n}/index.html`)); n += 1) files.push(`${path}page/${n}/index.html`);
  return files.map((file) => ({ file, page: readPage(distDir, file) }));
}
