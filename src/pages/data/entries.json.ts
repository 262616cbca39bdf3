import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { buildEntriesExport, datasetInput } from '../../lib/outputs/export.ts';
import { contentType } from '../../lib/site/site.ts';

/** `/data/entries.json`: every entry, oldest first. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  return new Response(`${JSON.stringify(buildEntriesExport(datasetInput(site, paths), site.buildDate), null, 2)}\n`, {
    headers: { 'Content-Type': contentType('json') },
  });
};
