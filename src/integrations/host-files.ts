/**
 * Writes the host configuration files `_headers` and `_redirects` into the output folder at
 * the end of the build (never into `public/`, which holds only hand-written files).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatHeaders, formatRedirects } from '../lib/outputs/headers.ts';
import { listRedirects } from '../lib/content/permalinks.ts';
import { securityHeaders } from '../lib/outputs/security.ts';
import type { ContentReader } from './content-files.ts';

/** Options: the build's content reader, whose `permalinks.yaml` lists the redirects. */
export interface HostFilesIntegrationOptions {
  content: ContentReader;
}

/** Emits `_headers` and `_redirects` in `astro:build:done`. */
export function hostFiles(options: HostFilesIntegrationOptions): AstroIntegration {
  let base = '/';
  return {
    name: 'tl:host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, '_headers'), formatHeaders(securityHeaders(), { base }));
        writeFileSync(join(out, '_redirects'), formatRedirects(listRedirects(options.content.read().content.permalinks.redirects), { base }));
      },
    },
  };
}
