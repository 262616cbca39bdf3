import { z } from 'astro/zod';
import { plainTextSchema } from './common.ts';

/** One jurisdiction (`src/content/jurisdictions/<id>.yaml`). The file name is the id. */
export const jurisdictionSchema = z.object({
  /** The name used in headings, e.g. "United Kingdom". */
  name: plainTextSchema,
  /** A short form for chips and facets, e.g. "UK". */
  shortName: plainTextSchema,
  /** Other names people search for. */
  aliases: z.array(plainTextSchema).default([]),
  /** A short, neutral description of what the site covers there. */
  description: plainTextSchema,
});

/** Jurisdiction data as written. */
export type JurisdictionInput = z.input<typeof jurisdictionSchema>;
/** Jurisdiction data after parsing. */
export type Jurisdiction = z.output<typeof jurisdictionSchema>;
