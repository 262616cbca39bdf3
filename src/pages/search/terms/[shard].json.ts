import type { APIRoute, GetStaticPaths } from 'astro';
import { entryBodies, getSiteData } from '../../../data/index.ts';
import { CATEGORIES } from '../../../lib/model/categories.ts';
import { MEASURE_BINDS, MEASURE_KINDS, MEASURE_STATUSES } from '../../../lib/model/measures.ts';
import { vocabulary, vocabularyShard } from '../../../lib/search/suggest.ts';
import { contentType } from '../../../lib/site/site.ts';

/** Every string inside a record (names, titles, notes), for the words a reader may search for. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The month names the pages write dates with. */
const MONTHS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2000, m, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }));

/**
 * The words of the site, most frequent first: everything the search index holds of the entries,
 * sources, vendors, bodies, jurisdictions, measures and synonyms, without link targets, and the
 * words the pages add to them (month names, category and measure labels). A word missing here
 * would be "corrected" to a neighbour that the site does use.
 */
async function siteWords(): Promise<string[]> {
  const site = await getSiteData();
  const records = [
    ...site.entries.map((e) => e.data),
    ...site.sources.values(),
    ...site.vendors.values(),
    ...site.bodies.values(),
    ...site.jurisdictions.values(),
    ...site.measures.map((m) => m.data),
    ...site.synonyms,
    MONTHS,
    CATEGORIES,
    MEASURE_KINDS,
    MEASURE_STATUSES,
    MEASURE_BINDS,
  ];
  const texts = [...(await entryBodies()), ...records.flatMap(stringsOf)].map((text) => text.replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ''));
  return vocabulary(texts);
}

/** The site's words by shard (`vocabularyShard`), each list most frequent first. */
async function shardedWords(): Promise<Map<string, string[]>> {
  const shards = new Map<string, string[]>();
  for (const word of await siteWords()) {
    const shard = vocabularyShard(word);
    const list = shards.get(shard);
    if (list) list.push(word);
    else shards.set(shard, [word]);
  }
  return shards;
}

let cached: Promise<Map<string, string[]>> | undefined;
/** Worked out once per build; in development, on each request, so that edits show. */
const words = () => (import.meta.env.DEV ? shardedWords() : (cached ??= shardedWords()));

/** One list per first letter (`vocabularyShard`), so that a search fetches only those of its words. */
export const getStaticPaths = (async () => {
  const shards = [...(await words()).keys()].sort();
  return shards.map((shard) => ({ params: { shard } }));
}) satisfies GetStaticPaths;

/**
 * `/search/terms/<letter>.json`: the words the site uses that start with that letter, most
 * frequent first, for the search page's corrections of misspelt words.
 */
export const GET: APIRoute = async ({ params }) => {
  const shard = (await words()).get(params.shard ?? '') ?? [];
  return new Response(JSON.stringify({ words: shard }), { headers: { 'Content-Type': contentType('json') } });
};
