/**
 * The content folder of a build, resolved in one place: `src/content/` of the project, or the
 * folder `CONTENT_DIR` names (the benchmark and the fixture builds point the site at another
 * tree). Astro's configuration, the content configuration and the scripts all ask here.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';

/**
 * The absolute path of the content folder, with no trailing separator.
 * @example contentRoot({}, '/site') // '/site/src/content'
 */
export function contentRoot(env: { CONTENT_DIR?: string | undefined } = process.env, cwd: string = process.cwd()): string {
  const dir = env.CONTENT_DIR;
  if (dir === undefined || dir === '') return resolve(cwd, 'src/content');
  return isAbsolute(dir) ? resolve(dir) : resolve(cwd, dir);
}

/**
 * Astro keeps a content-layer cache between builds and does not forget entries of a folder it no
 * longer reads, so a build of another content folder (tests, benchmark) gets a cache of its own.
 * @example contentCacheDir('file:///tmp/x/') // './node_modules/.astro/content-3c1f…/'
 */
export function contentCacheDir(contentDirHref: string): string {
  return `./node_modules/.astro/content-${createHash('sha256').update(contentDirHref).digest('hex').slice(0, 12)}/`;
}
