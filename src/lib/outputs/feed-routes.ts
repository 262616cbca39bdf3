/**
 * The response bodies of the feed routes, so each route file is one line of wiring.
 */
import { getRssString } from '@astrojs/rss';
import { categoryInfo } from '../model/categories.ts';
import { buildFeed, rssOptions, toJsonFeed, type FeedPaths, type FeedScope, type FeedSiteData } from './feeds.ts';
import { contentType, SITE_NAME } from '../site/site.ts';

/** The RSS 2.0 response of a feed. */
export async function rssResponse(site: FeedSiteData, paths: FeedPaths, scope: FeedScope): Promise<Response> {
  const feed = buildFeed(site, paths, scope, SITE_NAME, (id) => categoryInfo(id).label);
  return new Response(await getRssString(rssOptions(feed)), { headers: { 'Content-Type': contentType('rss') } });
}

/** The JSON Feed 1.1 response of a feed. */
export function jsonFeedResponse(site: FeedSiteData, paths: FeedPaths, scope: FeedScope): Response {
  const feed = buildFeed(site, paths, scope, SITE_NAME, (id) => categoryInfo(id).label);
  return new Response(`${JSON.stringify(toJsonFeed(feed.meta, feed.items), null, 2)}\n`, { headers: { 'Content-Type': contentType('jsonFeed') } });
}
