import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { exportEntry } from '../../lib/export.ts';

export const getStaticPaths = (async () => {
  const site = await getSiteData();
  return site.entries.map((entry) => ({ params: { id: entry.id } }));
}) satisfies GetStaticPaths;

/** `/entries/<id>.json`: one entry in the shape of `/data/entries.json`'s items. */
export const GET: APIRoute = async ({ params }) => {
  const site = await getSiteData();
  const entry = site.entries.find((e) => e.id === params['id']);
  if (!entry) throw new Error(`no entry ${String(params['id'])}`);
  const body = exportEntry(entry, site.sources, paths.absolute(paths.entry(entry.id)));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
