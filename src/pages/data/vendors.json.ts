import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { buildVendorsExport, datasetInput } from '../../lib/export.ts';

/** `/data/vendors.json`: every vendor and its entries. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  return new Response(`${JSON.stringify(buildVendorsExport(datasetInput(site, paths), site.buildDate), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
