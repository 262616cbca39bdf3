import { z } from 'astro/zod';
import { listOf, MAX_ITEMS, MAX_LENGTH, plainText } from './common.ts';

/** One jurisdiction (`src/content/jurisdictions/<id>.yaml`). The file name is the id. */
export const jurisdictionSchema = z.strictObject({
  /** The name used in headings, e.g. "United Kingdom". */
  name: plainText(MAX_LENGTH.name),
  /** A short form for chips and facets, e.g. "UK". */
  shortName: plainText(MAX_LENGTH.shortName),
  /** Other names people search for. */
  aliases: listOf(plainText(MAX_LENGTH.alias), MAX_ITEMS.aliases).default([]),
  /** A short, neutral description of what the site covers there. */
  description: plainText(MAX_LENGTH.sentence),
  /**
   * The ISO 3166-1 numeric codes of the countries drawn for it on the map of `/status/`
   * (`'826'` for the United Kingdom; the member states for the European Union). None: not drawn.
   */
  mapCodes: listOf(z.string().regex(/^\d{3}$/, { error: 'expected a three-digit ISO 3166-1 numeric code such as "826"' }), MAX_ITEMS.mapCodes).default([]),
});

/** Jurisdiction data as written. */
export type JurisdictionInput = z.input<typeof jurisdictionSchema>;
/** Jurisdiction data after parsing. */
export type Jurisdiction = z.output<typeof jurisdictionSchema>;
