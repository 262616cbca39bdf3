/**
 * Whole-number settings a build's environment may change from their defaults, so that tests can
 * build the large-record forms of the pages from a small content tree (`BROWSE_PAGE_SIZE=4`).
 */

/**
 * The variable `name` of the build's environment as a whole number of at least `least`, or
 * `fallback` when it is unset or empty; any other value fails the build by name.
 * @example wholeNumberSetting('BROWSE_PAGE_SIZE', 50, 1) // 50 when BROWSE_PAGE_SIZE is unset
 */
export function wholeNumberSetting(name: string, fallback: number, least: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < least) throw new Error(`${name} must be a whole number of at least ${least}, not "${value}"`);
  return number;
}
