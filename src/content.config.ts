import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { bodySchema } from './schemas/body.ts';
import { entrySchema } from './schemas/entry.ts';
import { jurisdictionSchema } from './schemas/jurisdiction.ts';
import { sourceSchema } from './schemas/source.ts';
import { synonymGroupSchema } from './schemas/synonyms.ts';
import { vendorSchema } from './schemas/vendor.ts';

// CONTENT_DIR lets the benchmark and the fixture builds point the site at another content tree.
const root = (process.env.CONTENT_DIR ?? './src/content').replace(/\/?$/, '/');
const byFileName = ({ entry }: { entry: string }) => basename(entry).replace(/\.(mdx|yaml)$/, '');
const yamlFolder = (folder: string) => glob({ pattern: '**/*.yaml', base: `${root}${folder}`, generateId: byFileName });
// The synonym table is optional (fixture and benchmark trees may have none): without it the collection is empty.
const synonymsFile = `${root}synonyms.yaml`;
const optionalFile = (path: string) => (existsSync(path) ? file(path) : { name: 'tl:no-file', load: async () => {} });

export const collections = {
  entries: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: `${root}entries`, generateId: byFileName }), schema: entrySchema }),
  sources: defineCollection({ loader: yamlFolder('sources'), schema: sourceSchema }),
  vendors: defineCollection({ loader: yamlFolder('vendors'), schema: vendorSchema }),
  jurisdictions: defineCollection({ loader: yamlFolder('jurisdictions'), schema: jurisdictionSchema }),
  bodies: defineCollection({ loader: yamlFolder('bodies'), schema: bodySchema }),
  synonyms: defineCollection({ loader: optionalFile(synonymsFile), schema: synonymGroupSchema }),
};
