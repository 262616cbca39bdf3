import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
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
// Snapshots of earlier versions, `versions/<entry id>/<n>.mdx`, read by the same MDX loader as
// entries; the id is `<entry id>/<n>`. Most trees have none yet, so a missing folder is no warning.
const versionId = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');
const optionalFolder = (folder: string, loader: Loader): Loader => ({
  name: 'tl-optional-folder',
  load: async (context) => {
    if (!existsSync(folder)) {
      context.store.clear();
      return;
    }
    await loader.load(context);
  },
});
const yamlFolder = (folder: string) => glob({ pattern: '**/*.yaml', base: `${root}${folder}`, generateId: byFileName });
// The synonym table is optional (fixture and benchmark trees may have none): without it the collection is empty.
const synonymsFile = `${root}synonyms.yaml`;
const optionalFile = (path: string, options?: Parameters<typeof file>[1]) => (existsSync(path) ? file(path, options) : { name: 'tl:no-file', load: async () => {} });
// The site record is one object, not a list: it becomes the collection's one item, `site`.
const siteFile = `${root}site.yaml`;

export const collections = {
  entries: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: `${root}entries`, generateId: byFileName }), schema: entrySchema }),
  sources: defineCollection({ loader: yamlFolder('sources'), schema: sourceSchema }),
  vendors: defineCollection({ loader: yamlFolder('vendors'), schema: vendorSchema }),
  jurisdictions: defineCollection({ loader: yamlFolder('jurisdictions'), schema: jurisdictionSchema }),
  versions: defineCollection({
    loader: optionalFolder(`${root}versions`, glob({ pattern: '*/*.mdx', base: `${root}versions`, generateId: versionId })),
    schema: entrySnapshotSchema,
  }),
  bodies: defineCollection({ loader: yamlFolder('bodies'), schema: bodySchema }),
  measures: defineCollection({ loader: yamlFolder('measures'), schema: measureSchema }),
  synonyms: defineCollection({ loader: optionalFile(synonymsFile), schema: synonymGroupSchema }),
  site: defineCollection({ loader: optionalFile(siteFile, { parser: (text) => ({ site: parseYaml(text) as Record<string, unknown> }) }), schema: siteRecordSchema }),
};
