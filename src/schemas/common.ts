import { z } from 'astro/zod';

/** An id of another record: lower-case letters, digits and hyphens. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected an id of lower-case letters, digits and hyphens' });

/**
 * Plain, non-empty, single-paragraph text (no leading or trailing white space kept). Every field
 * of this kind (titles, summaries, notes, descriptions) is rendered as text, never as Markdown or
 * HTML: templates escape it, so it needs none of the entry body's safe-subset rules.
 */
export const plainTextSchema = z
  .string()
  .transform((value) => value.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, { error: 'must not be empty' }));

/** An absolute `https://` URL. */
export const httpsUrlSchema = z
  .url({ protocol: /^https$/, error: 'expected an absolute https:// URL' });

/** A list of ids, de-duplicated in the order written. */
export const idListSchema = z.array(idSchema).transform((ids) => [...new Set(ids)]);
