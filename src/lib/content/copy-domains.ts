/**
 * Hosts that must never appear in a source's URL. Research found the texts of several sources
 * only on these hosts: scrapers and aggregators that copy news articles, document-sharing sites,
 * a third-party mirror of parliamentary records, publishers' raw CDN and staging hosts, and a
 * low-quality aggregator. A copy can be altered, can vanish, and does not credit the original,
 * so a reader who follows it cannot trust what they find. The site cites the original by
 * publisher, title, author and date instead, with no URL, and names the copy in the source's
 * `via` (and any detail in its note).
 *
 * This differs from a licensed republisher (MarketScreener or a newspaper carrying a Reuters
 * story): such a copy is named in `via` and its address may be the source's `url`. Either way
 * the `publisher` is the original; syndicators may never be named there
 * (`src/content/syndicators.yaml`).
 *
 * A host listed here also covers its sub-domains (`www.parallelparliament.co.uk`).
 * Official hosts that look similar stay allowed, e.g. `login.acquisition.gov`.
 */
export const COPY_DOMAINS: readonly string[] = [
  // Scrapers and aggregators of news articles.
  'rosyroyville.com',
  'knoxvilletimes.com',
  'sasastunts.com',
  'shtf.tv',
  'surtymar-engineering.com',
  'techregister.co.uk',
  'newsformal.com',
  'businessnation.co.in',
  'chof360.com',
  'redcensor.com',
  'bactf.com',
  'qccglobal.com',
  'pipedot.org',
  'freevacy.com',
  'squidsite02.com',
  // Document-sharing sites.
  'docslib.org',
  'vdocument.in',
  // Personal portfolios and blogs that reproduce other publishers' work.
  'jakehurfurt.com',
  'dovydas.com',
  'davidalton.net',
  // Third-party mirrors of official records (cite UK Parliament, CRS or the ICO instead).
  'parallelparliament.co.uk',
  'search-prototype.herokuapp.com',
  'everycrsreport.com',
  'wired-gov.net',
  'cctvusergroup.com',
  // Publishers' raw CDN, hosting and staging hosts, not their public addresses.
  'irishtimes-irishtimes-prod.cdn.arcpublishing.com',
  'thenational-the-national-prod.web.arc-cdn.net',
  'www-ukauthority-com.azurewebsites.net',
  'stage.exportcompliancedaily.com',
  // A low-quality aggregator.
  'thebl.com',
];

/**
 * The listed copy host that a URL points at, or `undefined` when it points elsewhere or is not
 * a URL. Matches the host itself and its sub-domains, never a host that merely ends in the same
 * letters.
 * @example copyDomainOf('https://www.parallelparliament.co.uk/x') // 'parallelparliament.co.uk'
 * @example copyDomainOf('https://exportcompliancedaily.com/article') // undefined
 */
export function copyDomainOf(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
  return COPY_DOMAINS.find((domain) => host === domain || host.endsWith(`.${domain}`));
}
