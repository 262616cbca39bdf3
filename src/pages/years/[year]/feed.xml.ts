import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, paths } from '../../../data/index.ts';
import { rssResponse } from '../../../lib/outputs/feed-routes.ts';
import { usedYears } from '../../../lib/model/entities.ts';

export const getStaticPaths = (async () => usedYears((await getSiteData()).entries).map((year) => ({ params: { year } }))) satisfies GetStaticPaths;

/** `/years/<year>/feed.xml`: the entries of the events of one year, as RSS 2.0. */
export const GET: APIRoute = async ({ params }) => rssResponse(await getSiteData(), paths, { kind: 'year', id: String(params['year']) });
