/**
 * The build's declared timestamp. `BUILD_DATE` (any ISO date or date-time) pins it, so that two
 * builds of one commit can be compared byte for byte; otherwise it is the moment of the build.
 * @example resolveBuildDate('2026-11-29', new Date()) // Date for 2026-11-29T00:00:00Z
 */
export function resolveBuildDate(declared: string | undefined, now: Date): Date {
  if (declared === undefined || declared.trim() === '') return now;
  const date = new Date(declared.trim());
  if (Number.isNaN(date.getTime())) throw new Error(`BUILD_DATE: "${declared}" is not an ISO date or date-time`);
  return date;
}
