// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { pathToFileURL } from 'node:url';
import { contentCheck } from './src/integrations/content-check.ts';
import { contentCacheDir, createContentReader } from './src/integrations/content-files.ts';
import { hostFiles } from './src/integrations/host-files.ts';
import { entryJsonFiles } from './src/integrations/entry-json.ts';
import { entryRedirects } from './src/integrations/redirects.ts';
import { sitemapOptions } from './src/integrations/sitemap.ts';
import { resolveBuildDate } from './src/lib/site/build-date.ts';
import { bodyUrls } from './src/lib/content/entry-body.ts';
import { createPaths } from './src/lib/site/paths.ts';
import { configWarningsIntegration } from './src/integrations/config-warnings.ts';
import { DEFAULT_SITE_URL, reportAddress } from './src/lib/site/site.ts';

const site = process.env.SITE_URL || DEFAULT_SITE_URL;
// Refuse a REPORT_URL that is neither a web address nor mailto: before anything is built.
reportAddress(process.env);
const rawBase = process.env.BASE_PATH || '/';
const base = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;
const contentDir = process.env.CONTENT_DIR ? pathToFileURL(process.env.CONTENT_DIR.replace(/\/?$/, '/')) : new URL('./src/content/', import.meta.url);
const buildDate = resolveBuildDate(process.env.BUILD_DATE, new Date());
// The one reader of the content tree: the content check reads and checks it, every later build step takes that result.
const content = createContentReader({ contentDir, buildDate });
// A build of another content folder gets a content cache of its own (see contentCacheDir).
const cacheDir = process.env.CONTENT_DIR ? contentCacheDir(contentDir.href) : undefined;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Four pages in the making at once: while one page's file is written, the next renders. Rendering
  // one at a time left the build waiting on the disk for about a quarter of its page phase.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  scopedStyleStrategy: 'class',
  markdown: {
    // Entry bodies are rendered by this processor (src/integrations/entry-loader.ts): their links
    // and images gain the base path, and links to other sites rel="noopener noreferrer".
    processor: satteri({ hastPlugins: [bodyUrls(createPaths(base, site).path)] }),
    // Code in an entry body stays plain <pre><code>: a highlighter's inline style attributes would
    // break the Content-Security-Policy (style-src 'self') and the site's own colours.
    syntaxHighlight: false,
  },
  outDir: process.env.OUT_DIR || './dist',
  ...(cacheDir ? { cacheDir } : {}),
  integrations: [
    configWarningsIntegration({ env: process.env, argv: process.argv }),
    contentCheck({ content }),
    sitemap(sitemapOptions({ content, base, site })),
    entryJsonFiles({ content }),
    entryRedirects({ content }),
    hostFiles({ content }),
  ],
  vite: {
    define: {
      'import.meta.env.BUILD_DATE': JSON.stringify(buildDate.toISOString()),
      'import.meta.env.REPORT_URL': JSON.stringify(process.env.REPORT_URL ?? ''),
    },
    build: {
      // Keep every script a file of our own origin, so the CSP needs no hashes.
      assetsInlineLimit: 0,
    },
  },
});
