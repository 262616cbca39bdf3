import type { APIRoute } from 'astro';
import { getSiteData } from '../../data/index.ts';
import { contentType } from '../../lib/site/site.ts';

/** `/data/permalinks.json`: every entry id ever published, the redirects of replaced ids, and the published versions. */
export const GET: APIRoute = async () => {
  const { permalinks } = await getSiteData();
  return new Response(`${JSON.stringify(permalinks, null, 2)}\n`, { headers: { 'Content-Type': contentType('json') } });
};
