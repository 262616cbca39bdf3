import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, paths } from '../../../data/index.ts';
import { namedIds } from '../../../lib/model/entities.ts';
import { jsonFeedResponse } from '../../../lib/outputs/feed-routes.ts';

export const getStaticPaths = (async () => [...namedIds((await getSiteData()).entries, 'jurisdictions')].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

/** `/jurisdictions/<id>/feed.json`: the entries about one jurisdiction, as JSON Feed 1.1. */
export const GET: APIRoute = async ({ params }) => jsonFeedResponse(await getSiteData(), paths, { kind: 'jurisdiction', id: String(params['id']) });
