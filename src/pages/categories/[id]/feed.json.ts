import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, paths } from '../../../data/index.ts';
import { jsonFeedResponse } from '../../../lib/outputs/feed-routes.ts';
import { usedCategories } from '../../../lib/model/entities.ts';
import type { Category } from '../../../schemas/category.ts';

export const getStaticPaths = (async () => usedCategories((await getSiteData()).entries).map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

/** `/categories/<id>/feed.json`: the entries of one category, as JSON Feed 1.1. */
export const GET: APIRoute = async ({ params }) => jsonFeedResponse(await getSiteData(), paths, { kind: 'category', id: String(params['id']) as Category });
