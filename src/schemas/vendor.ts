import { z } from 'astro/zod';
import { httpsUrlSchema, idSchema, listOf, MAX_ITEMS, MAX_LENGTH, plainText } from './common.ts';

/** One company (`src/content/vendors/<id>.yaml`). The file name is the id. */
export const vendorSchema = z.strictObject({
  /** The common English name, e.g. "Hikvision". */
  name: plainText(MAX_LENGTH.name),
  /** The registered legal name in English. */
  legalNameEn: plainText(MAX_LENGTH.name).optional(),
  /** The registered legal name in Chinese, e.g. 杭州海康威视数字技术股份有限公司. */
  legalNameZh: plainText(MAX_LENGTH.name).optional(),
  /** The common Chinese short name, e.g. 海康威视. */
  nameZh: plainText(MAX_LENGTH.name).optional(),
  /** Other names and spellings people search for, e.g. "Hik Vision", "HIKVISION". */
  aliases: listOf(plainText(MAX_LENGTH.alias), MAX_ITEMS.aliases).default([]),
  /** The city and country of the headquarters. */
  headquarters: plainText(MAX_LENGTH.name),
  /** Id of the jurisdiction where the company is based. */
  country: idSchema,
  /** A short, neutral description. */
  description: plainText(MAX_LENGTH.sentence),
  /** The company's own website. */
  website: httpsUrlSchema.optional(),
});

/** Vendor data as written. */
export type VendorInput = z.input<typeof vendorSchema>;
/** Vendor data after parsing. */
export type Vendor = z.output<typeof vendorSchema>;
