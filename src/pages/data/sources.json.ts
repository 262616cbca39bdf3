import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { buildSourcesExport, datasetInput } from '../../lib/outputs/export.ts';
import { contentType } from '../../lib/site/site.ts';

/** `/data/sources.json`: every source and the entries that cite it. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  return new Response(`${JSON.stringify(buildSourcesExport(datasetInput(site, paths), site.buildDate, site.citedBy), null, 2)}\n`, {
    headers: { 'Content-Type': contentType('json') },
  });
};
