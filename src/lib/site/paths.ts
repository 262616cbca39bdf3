/**
 * URL helpers bound once to the site's base path and origin, so that every internal link
 * respects `BASE_PATH` and every absolute URL uses `SITE_URL`.
 */

/** Paths for every route of the site. */
export interface SitePaths {
  /** A path under the base, e.g. `/timeline/about/` for `about/` with base `/timeline/`. */
  path(relative?: string): string;
  /** The absolute URL of a site path made by {@link SitePaths.path}. */
  absolute(path: string): string;
  home(): string;
  entry(id: string): string;
  /** The permanent page of one version of an entry. */
  version(id: string, n: number): string;
  entryJson(id: string): string;
  vendor(id: string): string;
  jurisdiction(id: string): string;
  category(id: string): string;
  body(id: string): string;
  year(year: number | string): string;
  /** A measure page. */
  measure(id: string): string;
  /** The list of every measure. */
  measures(): string;
  /** Where things stand: the status table and map. */
  status(): string;
  /** Where things stand in one jurisdiction: its measures' table. */
  statusIn(jurisdiction: string): string;
  search(query?: Record<string, string>): string;
}

/**
 * Creates the path helpers for a base path and a site origin.
 * @example createPaths('/tl/', 'https://example.org').entry('2019-10-07-x') // '/tl/entries/2019-10-07-x/'
 */
export function createPaths(base: string, site: string): SitePaths {
  const root = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const origin = site.replace(/\/+$/, '');
  const path = (relative = '') => `${root}${relative.replace(/^\/+/, '')}`;
  return {
    path,
    absolute: (p) => `${origin}${p}`,
    home: () => path(),
    entry: (id) => path(`entries/${id}/`),
    version: (id, n) => path(`entries/${id}/v/${n}/`),
    entryJson: (id) => path(`entries/${id}.json`),
    vendor: (id) => path(`vendors/${id}/`),
    jurisdiction: (id) => path(`jurisdictions/${id}/`),
    category: (id) => path(`categories/${id}/`),
    body: (id) => path(`bodies/${id}/`),
    year: (year) => path(`years/${year}/`),
    measure: (id) => path(`measures/${id}/`),
    measures: () => path('measures/'),
    status: () => path('status/'),
    statusIn: (id) => path(`status/${id}/`),
    search: (query) => {
      const qs = query ? new URLSearchParams(query).toString() : '';
      return path(`search/${qs ? `?${qs}` : ''}`);
    },
  };
}
