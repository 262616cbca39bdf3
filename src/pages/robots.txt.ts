import type { APIRoute } from 'astro';
import { paths } from '../data/index.ts';
import { contentType } from '../lib/site/site.ts';

/** `/robots.txt`: everything may be crawled; the sitemap's absolute URL follows SITE_URL and BASE_PATH. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${paths.absolute(paths.path('sitemap-index.xml'))}\n`, {
    headers: { 'Content-Type': contentType('text') },
  });
