import { defineCollection } from 'astro:content';
import { contentRoot } from './integrations/content-root.ts';
import { createContentPipeline } from './integrations/content-layer.ts';
import { isoDay } from './lib/model/dates.ts';
import { resolveBuildDate } from './lib/site/build-date.ts';
import { bodySchema } from './schemas/body.ts';
import { entrySchema, entrySnapshotSchema } from './schemas/entry.ts';
import { jurisdictionSchema } from './schemas/jurisdiction.ts';
import { measureSchema } from './schemas/measure.ts';
import { permalinksSchema } from './schemas/permalinks.ts';
import { problemsSchema } from './schemas/problems.ts';
import { siteRecordSchema } from './schemas/site.ts';
import { sourceSchema } from './schemas/source.ts';
import { syndicatorsSchema } from './schemas/syndicators.ts';
import { synonymGroupSchema } from './schemas/synonyms.ts';
import { vendorSchema } from './schemas/vendor.ts';

// Every collection is read once by Astro's loaders and checked, alone and across records, by the
// pipeline (src/integrations/content-layer.ts).
const content = createContentPipeline({ root: contentRoot(), today: isoDay(resolveBuildDate(process.env.BUILD_DATE, new Date())) });

export const collections = {
  entries: defineCollection({ loader: content.folder('entries', entrySchema), schema: entrySchema }),
  versions: defineCollection({ loader: content.versions(entrySnapshotSchema), schema: entrySnapshotSchema }),
  sources: defineCollection({ loader: content.folder('sources', sourceSchema), schema: sourceSchema }),
  vendors: defineCollection({ loader: content.folder('vendors', vendorSchema), schema: vendorSchema }),
  jurisdictions: defineCollection({ loader: content.folder('jurisdictions', jurisdictionSchema), schema: jurisdictionSchema }),
  bodies: defineCollection({ loader: content.folder('bodies', bodySchema), schema: bodySchema }),
  measures: defineCollection({ loader: content.folder('measures', measureSchema), schema: measureSchema }),
  permalinks: defineCollection({ loader: content.single('permalinks', permalinksSchema), schema: permalinksSchema }),
  syndicators: defineCollection({ loader: content.single('syndicators', syndicatorsSchema), schema: syndicatorsSchema }),
  site: defineCollection({ loader: content.single('site', siteRecordSchema), schema: siteRecordSchema }),
  synonyms: defineCollection({ loader: content.synonyms(synonymGroupSchema), schema: synonymGroupSchema }),
  problems: defineCollection({ loader: content.problems(), schema: problemsSchema }),
};
