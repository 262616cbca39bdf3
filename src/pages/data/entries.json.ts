import type { APIRoute } from 'astro';
import { getParagraphSources, getSiteData, paths } from '../../data/index.ts';
import { buildEntriesExport, datasetInput } from '../../lib/outputs/export.ts';
import { contentType } from '../../lib/site/site.ts';

/** `/data/entries.json`: every entry, oldest first. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  const paragraphs = await getParagraphSources();
  const entries = site.entries.map((e) => ({ ...e, paragraphs: paragraphs.get(e.id) }));
  return new Response(`${JSON.stringify(buildEntriesExport(datasetInput({ ...site, entries }, paths), site.buildDate), null, 2)}\n`, {
    headers: { 'Content-Type': contentType('json') },
  });
};
