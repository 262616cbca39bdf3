import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { collectChanges } from '../../lib/model/changes.ts';
import { measureVersionPath } from '../../lib/model/measure-versions.ts';
import { changesFeed, toJsonFeed } from '../../lib/outputs/feeds.ts';
import { contentType, SITE_NAME } from '../../lib/site/site.ts';

/** `/changes/feed.json`: every correction, update, new entry and measure stage, newest first, as JSON Feed 1.1. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  const feed = changesFeed(collectChanges(site.entries, site.measures), { ...paths, measureVersion: (id, n) => measureVersionPath(paths, id, n) }, SITE_NAME);
  return new Response(`${JSON.stringify(toJsonFeed(feed.meta, feed.items), null, 2)}\n`, { headers: { 'Content-Type': contentType('jsonFeed') } });
};
