/**
 * Checks, at the start of a build, what the deployment has configured: a build without a public
 * origin (`SITE_URL`, or the production address a known static host sets) is refused, since every
 * permanent URL it wrote would name the local preview; the local `npm start` passes its own URL
 * (`--site`) and builds. (The error-report address needs no setting: the site record gives it, and
 * `REPORT_URL` only overrides it.)
 */
import type { AstroIntegration } from 'astro';
import { missingSiteUrl } from '../lib/site/site.ts';

/** Refuses a build without a public origin, in `astro:config:setup` of a build. */
export function configWarningsIntegration(options: { env: Readonly<Record<string, string | undefined>>; argv: readonly string[] }): AstroIntegration {
  return {
    name: 'tl:config',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const siteUrlGiven = options.argv.some((a) => a === '--site' || a.startsWith('--site='));
        const missing = missingSiteUrl(options.env, { siteUrlGiven });
        if (missing) throw new Error(missing);
      },
    },
  };
}
