// @ts-check
// The bare baseline of the benchmark: Astro and MDX rendering the same entries as plain pages,
// with no features. `CONTENT_DIR` is the content folder to read, `OUT_DIR` where to write, and
// `BENCH_CACHE_DIR` Astro's cache (kept out of the repository so every run starts cold).
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

if (!process.env.CONTENT_DIR) throw new Error('CONTENT_DIR must name the content folder to build');

const cacheDir = process.env.BENCH_CACHE_DIR;

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.OUT_DIR || './dist',
  ...(cacheDir ? { cacheDir } : {}),
  integrations: [mdx()],
  vite: {
    ...(cacheDir ? { cacheDir: `${cacheDir}/vite` } : {}),
    build: {
      rolldownOptions: {
        onwarn(warning, next) {
          // withastro/astro#18087: every MDX page triggers this harmless bundler notice.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          next(warning);
        },
      },
    },
  },
});
