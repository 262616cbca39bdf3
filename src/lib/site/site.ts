/**
 * The facts about the site itself, in one place: its name, who publishes it, the licence of its
 * text and data, its language, and where readers report errors. Pure: the deployment's settings
 * (`SITE_URL`, `REPORT_URL`) are passed in as an environment object, never read here.
 */

/** The site's name. It is also the publisher and the author of every entry. */
export const SITE_NAME = 'CCTV Restrictions Timeline';

/** Who publishes the site: the project itself, named as it signs its entries. */
export const PUBLISHER = SITE_NAME;

/** The BCP 47 language of every page. */
export const LANGUAGE = 'en-GB';

/** The origin a build uses when `SITE_URL` is not set (the local preview's). */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The licence of all text and data. */
export const LICENSE = {
  /** The SPDX identifier. */
  id: 'CC-BY-4.0',
  /** The short name readers know. */
  short: 'CC BY 4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/**
 * The media types of the files the site publishes besides its pages, each written once: the
 * routes' `Content-Type`, the host's `_headers`, the `type` of links and the download links'
 * `data:` URLs all take them from here.
 */
export const MEDIA_TYPES = {
  /** The open data, the entry files and the search vocabulary. */
  json: 'application/json',
  /** The JSON Schemas of the data files. */
  jsonSchema: 'application/schema+json',
  /** The structured data in each entry page's head. */
  jsonLd: 'application/ld+json',
  /** The CSV downloads. */
  csv: 'text/csv',
  /** `robots.txt`. */
  text: 'text/plain',
  /** The site's icon. */
  svg: 'image/svg+xml',
  /** The RSS 2.0 feeds. */
  rss: 'application/rss+xml',
  /** The JSON Feeds. */
  jsonFeed: 'application/feed+json',
  /** The citation downloads (BibTeX, RIS and CSL-JSON) and `/data/sources.csl.json`. */
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  cslJson: 'application/vnd.citationstyles.csl+json',
} as const;

/** The name of one of the site's media types. */
export type MediaType = keyof typeof MEDIA_TYPES;

/**
 * The `Content-Type` of a file of the site: its media type, with UTF-8 declared as every file is.
 * @example contentType('csv') // 'text/csv; charset=utf-8'
 */
export function contentType(type: MediaType): string {
  return `${MEDIA_TYPES[type]}; charset=utf-8`;
}

/** Where readers report errors: a web address (a form, an issue tracker) or an e-mail address. */
export type ReportAddress = { kind: 'url'; url: string } | { kind: 'mailto'; address: string };

/**
 * The error-report address from `REPORT_URL`: an `https:`/`http:` URL or a `mailto:` address.
 * Unset or empty gives `undefined`; anything else is refused, so a typo cannot ship as a link.
 * @example reportAddress({ REPORT_URL: 'mailto:corrections@example.org' }) // { kind: 'mailto', address: 'corrections@example.org' }
 */
export function reportAddress(env: Readonly<Record<string, string | undefined>>): ReportAddress | undefined {
  const raw = env['REPORT_URL']?.trim();
  if (!raw) return undefined;
  if (/^mailto:/i.test(raw)) {
    const address = raw.slice('mailto:'.length).split('?')[0] ?? '';
    if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(decodeURIComponent(address))) throw new Error(`REPORT_URL: "${raw}" is not a valid mailto: address`);
    return { kind: 'mailto', address: decodeURIComponent(address) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`REPORT_URL: "${raw}" is neither an http(s) URL nor a mailto: address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`REPORT_URL: "${raw}" must start with https:, http: or mailto:`);
  return { kind: 'url', url: raw };
}

/** What a report is about: a page's title, permanent URL and version. Without it, a general report. */
export interface ReportSubject {
  title: string;
  url: string;
  /** What the page is: an entry or a measure. */
  kind?: 'entry' | 'measure';
  /** The version shown, and its own permanent URL. */
  version?: { n: number; url: string };
}

/**
 * The link that opens a report. An e-mail gets a subject naming the page and its version, and a
 * body that starts with its permanent URL and the URL of the version read. A web address gets the
 * page's URL where it says `{url}` (its title where it says `{title}`, the version's URL where it
 * says `{version}`), or, without placeholders, `url` and `version` query parameters that forms and
 * trackers can read.
 * @example reportHref({ kind: 'mailto', address: 'a@example.org' }, { title: 'T', url: 'https://x.org/entries/t/' }) // 'mailto:a@example.org?subject=Error%20in%20%E2%80%9CT%E2%80%9D&body=…'
 */
export function reportHref(address: ReportAddress, subject?: ReportSubject): string {
  if (address.kind === 'mailto') {
    if (!subject) return `mailto:${address.address}`;
    const what = subject.kind === 'measure' ? 'Measure' : 'Entry';
    const version = subject.version ? `Version ${subject.version.n}: ${subject.version.url}\n` : '';
    const params = [
      `subject=${encodeURIComponent(`Error in “${subject.title}”${subject.version ? ` (version ${subject.version.n})` : ''}`)}`,
      `body=${encodeURIComponent(`${what}: ${subject.url}\n${version}\nWhat is wrong, and a source that shows it:\n`)}`,
    ];
    return `mailto:${address.address}?${params.join('&')}`;
  }
  if (!subject) return address.url.replace(/\{url\}|\{title\}|\{version\}/g, '');
  if (/\{url\}|\{title\}|\{version\}/.test(address.url)) {
    return address.url
      .replaceAll('{url}', encodeURIComponent(subject.url))
      .replaceAll('{title}', encodeURIComponent(subject.title))
      .replaceAll('{version}', encodeURIComponent(subject.version?.url ?? subject.url));
  }
  const url = new URL(address.url);
  url.searchParams.set('url', subject.url);
  if (subject.version) url.searchParams.set('version', subject.version.url);
  return url.toString();
}

/**
 * The production address a known static host gives a build, when `SITE_URL` is not set: Netlify's
 * `URL` (the site's main address) and Vercel's `VERCEL_PROJECT_PRODUCTION_URL` (a host name).
 * Preview-deployment addresses are left out on purpose: a permanent URL must be the production one.
 */
export const HOST_SITE_VARIABLES = ['URL', 'VERCEL_PROJECT_PRODUCTION_URL'] as const;

/**
 * The site's public origin for a build: `SITE_URL`, else the production address a known static
 * host sets, each with the variable it came from; undefined when none is set.
 * @example resolveSiteUrl({ SITE_URL: 'https://example.org' }) // { url: 'https://example.org', variable: 'SITE_URL' }
 * @example resolveSiteUrl({ VERCEL_PROJECT_PRODUCTION_URL: 'cctv.example.org' }) // { url: 'https://cctv.example.org', variable: 'VERCEL_PROJECT_PRODUCTION_URL' }
 */
export function resolveSiteUrl(env: Readonly<Record<string, string | undefined>>): { url: string; variable: string } | undefined {
  for (const variable of ['SITE_URL', ...HOST_SITE_VARIABLES]) {
    const value = env[variable]?.trim();
    if (!value) continue;
    return { url: /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`, variable };
  }
  return undefined;
}

/**
 * Why a publishable build must not run: without a public origin every permanent URL, citation,
 * feed and sitemap entry would name `http://localhost:4321`. `siteUrlGiven` is true when the
 * command line passes `--site` (the local `npm start`, which builds for local reading).
 */
export function missingSiteUrl(env: Readonly<Record<string, string | undefined>>, options: { siteUrlGiven: boolean }): string | undefined {
  if (options.siteUrlGiven || resolveSiteUrl(env)) return undefined;
  return `SITE_URL is not set, so every permanent URL, citation, feed and the sitemap would point to ${DEFAULT_SITE_URL}. Set it to the public origin, e.g. SITE_URL=https://example.org npm run build (on Netlify or Vercel the production address is taken from ${HOST_SITE_VARIABLES.join(' or ')}); to build for reading on this machine, run npm start.`;
}

