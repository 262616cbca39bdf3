import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { jsonFeedResponse } from '../../lib/outputs/feed-routes.ts';

/** `/corrections/feed.json`: every correction, newest first, as JSON Feed 1.1. */
export const GET: APIRoute = async () => jsonFeedResponse(await getSiteData(), paths, { kind: 'corrections' });
