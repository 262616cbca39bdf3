/**
 * The git history of content files, read with the git binary, for `npm run revise -- --from-git`
 * (the logic is in src/lib/content/versions.ts, which takes this as a plain interface).
 */
import { execFileSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import type { GitHistory } from '../src/lib/content/versions.ts';

const git = (cwd: string, args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** The history of the repository that holds `dir`. Throws when `dir` is not in a git work tree. */
export function gitHistory(dir: string): GitHistory {
  let top: string;
  try {
    top = git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new Error(`${dir} is not inside a git repository, so there is no history to read versions from`);
  }
  const inRepo = (path: string) => relative(top, resolve(path)).replaceAll('\\', '/');
  return {
    isShallow: () => git(top, ['rev-parse', '--is-shallow-repository']).trim() === 'true',
    // --follow keeps the history of a renamed entry; each commit names the file's path in it.
    commits: (path) =>
      git(top, ['log', '--follow', '--format=%x00%H %P', '--name-status', 'HEAD', '--', inRepo(path)])
        .split('\0')
        .filter((record) => record.trim() !== '')
        .map((record) => {
          const [head = '', ...lines] = record.trim().split('\n').filter(Boolean);
          const [hash, ...parents] = head.trim().split(' ');
          const status = lines.at(-1)?.split('\t') ?? [];
          const renamed = /^[RC]/.test(status[0] ?? '') && status.length === 3;
          const file = status.at(-1);
          return {
            hash: hash!,
            parents,
            ...(file ? { path: join(top, file) } : {}),
            ...(renamed ? { previousPath: join(top, status[1]!) } : {}),
          };
        }),
    show: (revision, path) => {
      try {
        return git(top, ['show', `${revision}:${inRepo(path)}`]);
      } catch {
        return undefined;
      }
    },
    head(path) {
      return this.show('HEAD', path);
    },
  };
}
