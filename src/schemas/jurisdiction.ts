import { z } from 'astro/zod';
import { plainTextSchema } from './common.ts';

/** One jurisdiction (`src/content/jurisdictions/<id>.yaml`). The file name is the id. */
export const jurisdictionSchema = z.strictObject({
  /** The name used in headings, e.g. "United Kingdom". */
  name: plainTextSchema,
  /** A short form for chips and facets, e.g. "UK". */
  shortName: plainTextSchema,
  /** Other names people search for. */
  aliases: z.array(plainTextSchema).default([]),
  /** A short, neutral description of what the site covers there. */
  description: plainTextSchema,
  /**
   * The ISO 3166-1 numeric codes of the countries drawn for it on the map of `/status/`
   * (`'826'` for the United Kingdom; the member states for the European Union). None: not drawn.
   */
  mapCodes: z.array(z.string().regex(/^\d{3}$/, { error: 'expected a three-digit ISO 3166-1 numeric code such as "826"' })).default([]),
});

/** Jurisdiction data as written. */
export type JurisdictionInput = z.input<typeof jurisdictionSchema>;
/** Jurisdiction data after parsing. */
export type Jurisdiction = z.output<typeof jurisdictionSchema>;
