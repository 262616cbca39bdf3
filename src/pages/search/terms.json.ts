import type { APIRoute } from 'astro';
import { entryBodies, getSiteData } from '../../data/index.ts';
import { vocabulary } from '../../lib/search/suggest.ts';
import { contentType } from '../../lib/site/site.ts';

/**
 * `/search/terms.json`: the words the site uses, most frequent first, for the search page's
 * "Did you mean …?". The page fetches it only when a search finds nothing.
 */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  // Link targets are not words a reader searches for.
  const prose = (await entryBodies()).map((body) => body.replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ''));
  const texts = [
    ...site.entries.flatMap(({ data }) => [data.title, data.summary, ...data.clarifications.flatMap((c) => [c.claim, c.fact])]),
    ...prose,
    ...[...site.vendors.values()].flatMap((v) => [v.name, ...v.aliases, v.legalNameEn ?? '']),
    ...[...site.bodies.values()].flatMap((b) => [b.name, ...b.aliases]),
    ...[...site.jurisdictions.values()].flatMap((j) => [j.name, j.shortName, ...j.aliases]),
  ];
  return new Response(JSON.stringify({ words: vocabulary(texts) }), { headers: { 'Content-Type': contentType('json') } });
};
