import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, paths } from '../../../data/index.ts';
import { namedIds } from '../../../lib/model/entities.ts';
import { rssResponse } from '../../../lib/outputs/feed-routes.ts';

export const getStaticPaths = (async () => [...namedIds((await getSiteData()).entries, 'vendors')].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

/** `/vendors/<id>/feed.xml`: the entries about one vendor, as RSS 2.0. */
export const GET: APIRoute = async ({ params }) => rssResponse(await getSiteData(), paths, { kind: 'vendor', id: String(params['id']) });
