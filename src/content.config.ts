import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { entryLoader } from './integrations/entry-loader.ts';
import { bodySchema } from './schemas/body.ts';
import { entrySchema, entrySnapshotSchema } from './schemas/entry.ts';
import { jurisdictionSchema } from './schemas/jurisdiction.ts';
import { measureSchema } from './schemas/measure.ts';
import { siteRecordSchema } from './schemas/site.ts';
import { sourceSchema } from './schemas/source.ts';
import { synonymGroupSchema } from './schemas/synonyms.ts';
import { vendorSchema } from './schemas/vendor.ts';

// CONTENT_DIR lets the benchmark and the fixture builds point the site at another content tree.
const root = (process.env.CONTENT_DIR ?? './src/content').replace(/\/?$/, '/');
const byFileName = ({ entry }: { entry: string }) => basename(entry).replace(/\.(mdx|yaml)$/, '');
// Entries and the snapshots of their earlier versions, `versions/<entry id>/<n>.mdx` (id
// `<entry id>/<n>`), are checked and rendered by the entry loader; most trees have no versions yet.
const mdxId = (file: string) => file.replace(/\.mdx$/, '');
const yamlFolder = (folder: string) => glob({ pattern: '**/*.yaml', base: `${root}${folder}`, generateId: byFileName });
// The synonym table is optional (fixture and benchmark trees may have none): without it the collection is empty.
const synonymsFile = `${root}synonyms.yaml`;
const optionalFile = (path: string, options?: Parameters<typeof file>[1]) => (existsSync(path) ? file(path, options) : { name: 'tl:no-file', load: async () => {} });
// The site record is one object, not a list: it becomes the collection's one item, `site`.
const siteFile = `${root}site.yaml`;

export const collections = {
  entries: defineCollection({ loader: entryLoader({ folder: `${root}entries`, pattern: '**/*.mdx', id: (file) => basename(mdxId(file)) }), schema: entrySchema }),
  sources: defineCollection({ loader: yamlFolder('sources'), schema: sourceSchema }),
  vendors: defineCollection({ loader: yamlFolder('vendors'), schema: vendorSchema }),
  jurisdictions: defineCollection({ loader: yamlFolder('jurisdictions'), schema: jurisdictionSchema }),
  versions: defineCollection({ loader: entryLoader({ folder: `${root}versions`, pattern: '*/*.mdx', id: mdxId }), schema: entrySnapshotSchema }),
  bodies: defineCollection({ loader: yamlFolder('bodies'), schema: bodySchema }),
  measures: defineCollection({ loader: yamlFolder('measures'), schema: measureSchema }),
  synonyms: defineCollection({ loader: optionalFile(synonymsFile), schema: synonymGroupSchema }),
  site: defineCollection({ loader: optionalFile(siteFile, { parser: (text) => ({ site: parseYaml(text) as Record<string, unknown> }) }), schema: siteRecordSchema }),
};
