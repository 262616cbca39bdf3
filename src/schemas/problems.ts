import { z } from 'astro/zod';

/**
 * The content problems found under `astro dev` (src/integrations/content-layer.ts): one record,
 * `problems`, with one line per problem. In a build the same problems stop the build instead.
 */
export const problemsSchema = z.strictObject({
  /** Each problem, naming the file, the field and what is wrong. */
  problems: z.array(z.string()),
});
