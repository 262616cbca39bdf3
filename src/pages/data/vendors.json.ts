import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { withEntries } from '../../lib/model/entities.ts';
import { buildVendorsExport, datasetInput } from '../../lib/outputs/export.ts';
import { contentType } from '../../lib/site/site.ts';

/** `/data/vendors.json`: every vendor that an entry names (each has a page), with its entries. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  return new Response(`${JSON.stringify(buildVendorsExport(datasetInput({ ...site, vendors: withEntries(site.vendors, site.entries, 'vendors') }, paths), site.buildDate), null, 2)}\n`, {
    headers: { 'Content-Type': contentType('json') },
  });
};
