import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { buildMeasuresExport, datasetInput } from '../../lib/outputs/export.ts';
import { contentType } from '../../lib/site/site.ts';

/** `/data/measures.json`: every measure with its status and lifecycle. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  return new Response(`${JSON.stringify(buildMeasuresExport(datasetInput(site, paths), site.buildDate), null, 2)}\n`, {
    headers: { 'Content-Type': contentType('json') },
  });
};
