import { z } from 'astro/zod';

/**
 * The fixed set of event categories. Labels, descriptions and colours live in
 * `src/lib/model/categories.ts`; this list is the contract the content is checked against.
 */
export const CATEGORY_IDS = [
  'government-restriction',
  'legislation',
  'sanction-listing',
  'warning',
  'report',
  'parliamentary-action',
  'incident',
  'company-response',
  'government-response',
  'reciprocal-restriction',
] as const;

/** One of {@link CATEGORY_IDS}. */
export const categorySchema = z.enum(CATEGORY_IDS);

/** A category id. */
export type Category = z.output<typeof categorySchema>;
