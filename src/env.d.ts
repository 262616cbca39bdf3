interface ImportMetaEnv {
  /** The build's declared timestamp, an ISO date-time (see astro.config.mjs). */
  readonly BUILD_DATE: string;
  /** Where readers report errors: `REPORT_URL` at build time, or empty (see src/lib/site/site.ts). */
  readonly REPORT_URL: string;
}
