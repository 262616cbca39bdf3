/**
 * Says once, at the start of a build, what the deployment has not configured: without
 * `SITE_URL` every absolute link points at the local preview; without `REPORT_URL` readers get
 * no way to report an error. The local `npm start` passes its own URL (`--site`) and is quiet
 * about it.
 */
import type { AstroIntegration } from 'astro';
import { configWarnings } from '../lib/site/site.ts';

/** Logs one warning per missing setting in `astro:config:setup` of a build. */
export function configWarningsIntegration(options: { env: Readonly<Record<string, string | undefined>>; argv: readonly string[] }): AstroIntegration {
  return {
    name: 'tl:config',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const siteUrlGiven = options.argv.some((a) => a === '--site' || a.startsWith('--site='));
        for (const warning of configWarnings(options.env, { siteUrlGiven })) logger.warn(warning.message);
      },
    },
  };
}
