import { z } from 'astro/zod';
import { httpsUrlSchema, idSchema, listOf, MAX_ITEMS, MAX_LENGTH, plainText } from './common.ts';

/** What kind of actor a body is. */
export const bodyKindSchema = z.enum(['government', 'regulator', 'legislature', 'official', 'politician', 'company', 'ngo', 'media', 'research', 'military', 'person']);

/** One person or institution that acted (`src/content/bodies/<id>.yaml`). The file name is the id. */
export const bodySchema = z.strictObject({
  /** The name, e.g. "Biometrics and Surveillance Camera Commissioner". */
  name: plainText(MAX_LENGTH.name),
  /** What kind of actor this is. */
  kind: bodyKindSchema,
  /** Other names and abbreviations, e.g. "BSCC". */
  aliases: listOf(plainText(MAX_LENGTH.alias), MAX_ITEMS.aliases).default([]),
  /** Id of the jurisdiction the body belongs to, if any. */
  jurisdiction: idSchema.optional(),
  /** A short, neutral description, including the role at the time of the events. */
  description: plainText(MAX_LENGTH.sentence),
  /** The official website. */
  website: httpsUrlSchema.optional(),
});

/** Body data as written. */
export type BodyInput = z.input<typeof bodySchema>;
/** Body data after parsing. */
export type Body = z.output<typeof bodySchema>;
