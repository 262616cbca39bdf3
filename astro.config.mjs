// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentIntegration } from './src/integrations/content-layer.ts';
import { contentCacheDir, contentRoot } from './src/integrations/content-root.ts';
import { siteOutputs, sitemapOptions } from './src/integrations/site-outputs.ts';
import { resolveBuildDate } from './src/lib/site/build-date.ts';
import { bodyUrls, entryBodyCheck } from './src/lib/content/entry-body.ts';
import { createPaths } from './src/lib/site/paths.ts';
import { configWarningsIntegration } from './src/integrations/config-warnings.ts';
import { DEFAULT_SITE_URL, reportAddress, resolveSiteUrl } from './src/lib/site/site.ts';

// The public origin: SITE_URL, or the production address a known static host sets (a build with
// neither is refused by configWarningsIntegration; `npm start` passes --site for local reading).
const site = resolveSiteUrl(process.env)?.url ?? DEFAULT_SITE_URL;
// Refuse a REPORT_URL that is neither a web address nor mailto: before anything is built.
reportAddress(process.env);
const rawBase = process.env.BASE_PATH || '/';
const base = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;
const buildDate = resolveBuildDate(process.env.BUILD_DATE, new Date());
const outDir = process.env.OUT_DIR || './dist';
// A build of another content folder gets a content cache of its own (see contentCacheDir).
const cacheDir = process.env.CONTENT_DIR ? contentCacheDir(pathToFileURL(`${contentRoot()}/`).href) : undefined;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Four pages in the making at once: while one page's file is written, the next renders. Rendering
  // one at a time left the build waiting on the disk for about a quarter of its page phase.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  scopedStyleStrategy: 'class',
  markdown: {
    // Entry bodies are MDX compiled by @astrojs/mdx with this processor: the body check runs on the
    // compiler's own tree and turns <Cite> into numbered references; links and images gain the base
    // path, and links to other sites rel="noopener noreferrer".
    processor: satteri({ mdastPlugins: [entryBodyCheck()], hastPlugins: [bodyUrls(createPaths(base, site).path)] }),
    // Code in an entry body stays plain <pre><code>: a highlighter's inline style attributes would
    // break the Content-Security-Policy (style-src 'self') and the site's own colours.
    syntaxHighlight: false,
  },
  outDir,
  ...(cacheDir ? { cacheDir } : {}),
  integrations: [
    configWarningsIntegration({ env: process.env, argv: process.argv }),
    // Static parts of a body (all of it: a body has no component left after the check) render as one
    // HTML string instead of a tree of JSX calls.
    contentIntegration({ optimize: true }),
    // Before the sitemap: both read the site's published data at the end of the build.
    siteOutputs(),
    sitemap(sitemapOptions({ outDir: fileURLToPath(new URL(outDir.replace(/\/?$/, '/'), import.meta.url)), base, site })),
  ],
  vite: {
    define: {
      'import.meta.env.BUILD_DATE': JSON.stringify(buildDate.toISOString()),
      'import.meta.env.REPORT_URL': JSON.stringify(process.env.REPORT_URL ?? ''),
    },
    build: {
      // Keep every script a file of our own origin, so the CSP needs no hashes.
      assetsInlineLimit: 0,
      rolldownOptions: {
        output: {
          // The compiled entry bodies in a few large chunks rather than one chunk each: the build
          // renders every body, and a thousand separate modules cost Node a thousand module loads.
          codeSplitting: {
            groups: [
              { name: 'entry-bodies', test: /\/(entries|versions)\/.*\.mdx$/, maxSize: 4_000_000 },
              // The small modules the timeline and the search page share, in one request instead of three.
              { name: 'shared', test: /\/src\/lib\/(search\/(url-state|pagefind-options)|model\/months)\.ts$/ },
            ],
          },
        },
      },
    },
  },
});
