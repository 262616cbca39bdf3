interface ImportMetaEnv {
  /** The build's declared timestamp, an ISO date-time (see astro.config.mjs). */
  readonly BUILD_DATE: string;
}
