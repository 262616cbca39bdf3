import type { APIRoute } from 'astro';
import { getSiteData } from '../../data/index.ts';
import { sourcesCslJson } from '../../lib/outputs/sources-csl.ts';
import { contentType } from '../../lib/site/site.ts';

/** `/data/sources.csl.json`: every source as CSL-JSON, with its archived copy and access date. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  return new Response(`${JSON.stringify(sourcesCslJson(site.sources), null, 2)}\n`, { headers: { 'Content-Type': contentType('cslJson') } });
};
