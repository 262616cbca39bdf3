import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, paths } from '../../../data/index.ts';
import { jsonFeedResponse } from '../../../lib/outputs/feed-routes.ts';
import { usedYears } from '../../../lib/model/entities.ts';

export const getStaticPaths = (async () => usedYears((await getSiteData()).entries).map((year) => ({ params: { year } }))) satisfies GetStaticPaths;

/** `/years/<year>/feed.json`: the entries of the events of one year, as JSON Feed 1.1. */
export const GET: APIRoute = async ({ params }) => jsonFeedResponse(await getSiteData(), paths, { kind: 'year', id: String(params['year']) });
