import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../../data/index.ts';
import { rssResponse } from '../../lib/outputs/feed-routes.ts';

/** `/corrections/feed.xml`: every correction, newest first, as RSS 2.0. */
export const GET: APIRoute = async () => rssResponse(await getSiteData(), paths, { kind: 'corrections' });
