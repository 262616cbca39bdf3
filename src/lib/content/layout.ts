/**
 * Where each kind of record lives in the content folder, for the loaders (src/content.config.ts),
 * the scripts and the layout check. A file that no loader reads would be a record that silently
 * vanishes (an entry moved into `entries/.archive/` once disappeared while the build passed), so
 * every path under the content folder is either one that a loader reads or a named problem:
 * nothing is skipped quietly, and names that start with "." or "_" are refused outright.
 */
import { VERSIONS_FOLDER } from './versions.ts';

/** The folders of one-file-per-record collections, with the extension of their files. */
export const RECORD_FOLDERS = {
  entries: '.mdx',
  sources: '.yaml',
  vendors: '.yaml',
  jurisdictions: '.yaml',
  bodies: '.yaml',
  measures: '.yaml',
} as const;

/** The collections that are one file each, by file name. */
export const SINGLE_FILES = {
  permalinks: 'permalinks.yaml',
  synonyms: 'synonyms.yaml',
  syndicators: 'syndicators.yaml',
  site: 'site.yaml',
} as const;

/** The folder of earlier versions: `versions/<entry id>/<n>.mdx`. */
export const VERSIONS = VERSIONS_FOLDER;

/** A record folder's name. */
export type RecordFolder = keyof typeof RECORD_FOLDERS;

const HIDDEN = /^[._]/;

/**
 * Checks the paths under the content folder (relative, with `/`, files only): each must be a
 * file some loader reads. `shown` turns a relative path into the path a message shows.
 * @example checkLayout(['entries/.archive/x.mdx'], (p) => `src/content/${p}`) // ['src/content/entries/.archive/x.mdx: (file): not read: …']
 */
export function checkLayout(paths: readonly string[], shown: (path: string) => string): string[] {
  const problems: string[] = [];
  const expected = `entries are entries/<id>.mdx; sources, vendors, jurisdictions, bodies and measures are <folder>/<id>.yaml; earlier versions are ${VERSIONS}/<entry id>/<n>.mdx; and the single files are ${Object.values(SINGLE_FILES).join(', ')}`;
  for (const path of [...paths].sort()) {
    const parts = path.split('/');
    const hidden = parts.find((p) => HIDDEN.test(p));
    if (hidden !== undefined) {
      problems.push(`${shown(path)}: (file): not read: no name under the content folder may start with "." or "_" ("${hidden}"); move the file out of the content folder, or rename it so that it is read`);
      continue;
    }
    const [folder, name, more] = parts;
    const extension = folder !== undefined && Object.hasOwn(RECORD_FOLDERS, folder) ? RECORD_FOLDERS[folder as RecordFolder] : undefined;
    const fits =
      (parts.length === 1 && (Object.values(SINGLE_FILES) as string[]).includes(path)) ||
      (parts.length === 2 && extension !== undefined && name!.endsWith(extension)) ||
      (parts.length === 3 && folder === VERSIONS && more!.endsWith('.mdx'));
    if (!fits) problems.push(`${shown(path)}: (file): not read: ${expected}`);
  }
  return problems;
}
