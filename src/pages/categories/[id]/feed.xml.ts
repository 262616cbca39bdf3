import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, paths } from '../../../data/index.ts';
import { rssResponse } from '../../../lib/outputs/feed-routes.ts';
import { usedCategories } from '../../../lib/model/entities.ts';
import type { Category } from '../../../schemas/category.ts';

export const getStaticPaths = (async () => usedCategories((await getSiteData()).entries).map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

/** `/categories/<id>/feed.xml`: the entries of one category, as RSS 2.0. */
export const GET: APIRoute = async ({ params }) => rssResponse(await getSiteData(), paths, { kind: 'category', id: String(params['id']) as Category });
