import type { APIRoute } from 'astro';
import { getRssString } from '@astrojs/rss';
import { getSiteData, paths } from '../../data/index.ts';
import { collectChanges } from '../../lib/model/changes.ts';
import { measureVersionPath } from '../../lib/model/measure-versions.ts';
import { changesFeed, rssOptions } from '../../lib/outputs/feeds.ts';
import { contentType, SITE_NAME } from '../../lib/site/site.ts';

/** `/changes/feed.xml`: every correction, update, new entry and measure stage, newest first, as RSS 2.0. */
export const GET: APIRoute = async () => {
  const site = await getSiteData();
  const feed = changesFeed(collectChanges(site.entries, site.measures), { ...paths, measureVersion: (id, n) => measureVersionPath(paths, id, n) }, SITE_NAME);
  return new Response(await getRssString(rssOptions(feed)), { headers: { 'Content-Type': contentType('rss') } });
};
