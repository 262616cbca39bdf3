/**
 * Ids that a developer command (`npm run revise`, `npm run new-entry`, `npm run permalinks`) takes
 * from its arguments or from file names, checked before any path is made from them: an id is
 * checked with the content's own `idSchema` (lower-case letters, digits and hyphens, at most
 * 120 characters), so `../../victim`, `.`, `/etc/passwd`, `a\b`, a NUL byte or `%2e%2e` never
 * reach the file system; and every path built from one is checked to stay inside its folder.
 * Messages quote an argument safely: control characters and bidirectional controls are shown as
 * escapes, never sent to the terminal, and a long one is cut.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { forbiddenCharacter, idSchema } from '../../schemas/common.ts';

/** The most characters of an argument a message quotes. */
const QUOTE_LENGTH = 60;

/**
 * An argument as a message quotes it: in double quotes, with `"` and `\` escaped, control,
 * white-space (other than a space), bidirectional and other characters that text must not hold
 * shown as `\u{…}` escapes, and cut after 60 characters with the full length said.
 * @example quoteArgument('a\u202Eb') // '"a\\u{202E}b"'
 * @example quoteArgument('x'.repeat(5000)) // '"xxx…" (5,000 characters)'
 */
export function quoteArgument(value: string): string {
  const characters = [...value];
  let out = '';
  for (const character of characters.slice(0, QUOTE_LENGTH)) {
    const codePoint = character.codePointAt(0)!;
    if (character === '"' || character === '\\') out += `\\${character}`;
    else if (forbiddenCharacter(codePoint, { url: true }) !== undefined && character !== ' ') out += `\\u{${codePoint.toString(16).toUpperCase()}}`;
    else out += character;
  }
  if (characters.length <= QUOTE_LENGTH) return `"${out}"`;
  return `"${out}…" (${new Intl.NumberFormat('en-GB').format(characters.length)} characters)`;
}

/**
 * Why `value` cannot be used as a record id, or `undefined` when it can. The message names the
 * argument (quoted with {@link quoteArgument}) and says what an id is; `what` names the kind of
 * record and `hint` what to give instead.
 * @example idArgumentProblem('../../victim', 'entry id', 'give the file name of an entry without .mdx') // 'entry id "../../victim": expected an id of lower-case letters, digits and hyphens; give the file name of an entry without .mdx'
 * @example idArgumentProblem('2022-11-24-uk-restriction', 'entry id', '') // undefined
 */
export function idArgumentProblem(value: string, what: string, hint: string): string | undefined {
  const parsed = idSchema.safeParse(value);
  if (parsed.success) return undefined;
  const problems = [...new Set(parsed.error.issues.map((issue) => issue.message))].join('; ');
  return `${what} ${quoteArgument(value)}: ${problems}${hint ? `; ${hint}` : ''}`;
}

/** A path that would leave the folder it was built in. */
export class PathOutsideError extends Error {
  override name = 'PathOutsideError';
}

/**
 * The absolute path of `parts` joined under `folder`, checked to stay inside it (a last defence
 * behind the id check: `..`, an absolute part or a separator in an id would all be caught here).
 * @throws {PathOutsideError} when the path would be the folder itself or outside it.
 * @example pathInside('/repo/src/content', 'entries', 'a.mdx') // '/repo/src/content/entries/a.mdx'
 */
export function pathInside(folder: string, ...parts: string[]): string {
  const root = resolve(folder);
  const path = resolve(root, ...parts);
  const rel = relative(root, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new PathOutsideError(`${quoteArgument(parts.join('/'))} is not inside ${root}; nothing was read or written`);
  }
  return path;
}
