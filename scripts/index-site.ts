/**
 * `npm run build`, second step: indexes the site `astro build` has just written with Pagefind
 * (src/integrations/pagefind.ts), in a process of its own once Astro has exited.
 *
 *   node scripts/index-site.ts            the output folder the build used: OUT_DIR, else ./dist
 *   node scripts/index-site.ts <folder>   another built site
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { indexSite } from '../src/integrations/pagefind.ts';

const outDir = resolve(process.argv[2] ?? process.env['OUT_DIR'] ?? 'dist');
if (!existsSync(join(outDir, 'index.html'))) {
  process.stderr.write(`index-site: no built site in ${outDir} (run astro build first, with the same OUT_DIR)\n`);
  process.exit(1);
}
try {
  const started = performance.now();
  const pages = await indexSite(outDir);
  process.stdout.write(`[tl:pagefind] indexed ${pages} pages in ${((performance.now() - started) / 1000).toFixed(2)}s\n`);
} catch (error) {
  process.stderr.write(`[tl:pagefind] ${(error as Error).message}\n`);
  process.exit(1);
}
