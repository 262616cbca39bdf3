import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../data/index.ts';
import { rssResponse } from '../lib/outputs/feed-routes.ts';

/** `/feed.xml`: every entry, newest change first, as RSS 2.0. */
export const GET: APIRoute = async () => rssResponse(await getSiteData(), paths, { kind: 'site' });
