import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { basename } from 'node:path';
import { bodySchema } from './schemas/body.ts';
import { entrySchema } from './schemas/entry.ts';
import { jurisdictionSchema } from './schemas/jurisdiction.ts';
import { measureSchema } from './schemas/measure.ts';
import { sourceSchema } from './schemas/source.ts';
import { vendorSchema } from './schemas/vendor.ts';

// CONTENT_DIR lets the benchmark and the fixture builds point the site at another content tree.
const root = (process.env.CONTENT_DIR ?? './src/content').replace(/\/?$/, '/');
const byFileName = ({ entry }: { entry: string }) => basename(entry).replace(/\.(mdx|yaml)$/, '');
const yamlFolder = (folder: string) => glob({ pattern: '**/*.yaml', base: `${root}${folder}`, generateId: byFileName });

export const collections = {
  entries: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: `${root}entries`, generateId: byFileName }), schema: entrySchema }),
  sources: defineCollection({ loader: yamlFolder('sources'), schema: sourceSchema }),
  vendors: defineCollection({ loader: yamlFolder('vendors'), schema: vendorSchema }),
  jurisdictions: defineCollection({ loader: yamlFolder('jurisdictions'), schema: jurisdictionSchema }),
  bodies: defineCollection({ loader: yamlFolder('bodies'), schema: bodySchema }),
  measures: defineCollection({ loader: yamlFolder('measures'), schema: measureSchema }),
};
