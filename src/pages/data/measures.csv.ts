import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { formatCsv } from '../../lib/outputs/csv.ts';
import { datasetInput, measuresCsvRows } from '../../lib/outputs/export.ts';
import { contentType } from '../../lib/site/site.ts';

/** `/data/measures.csv`: one row per measure, RFC 4180, UTF-8 with a byte-order mark for Excel. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  return new Response(formatCsv(measuresCsvRows(datasetInput(site, paths)), { bom: true }), {
    headers: { 'Content-Type': contentType('csv') },
  });
};
