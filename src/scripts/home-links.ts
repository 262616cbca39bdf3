/**
 * Addresses the home page answered when it held the whole timeline keep working: filters
 * (`/?vendor=hikvision&year=2022`) go to the search page, which filters every entry the same way,
 * and an entry's anchor (`/#2022-11-24-…`) that is no longer on the page goes to the entry's page.
 */
import { FILTER_KEYS } from '../lib/search/url-state.ts';

const home = new URL(document.querySelector<HTMLElement>('[data-home]')?.dataset['home'] ?? '/', location.href);

/** Goes to the entry's own page when the address names an entry that is not on this page. */
function followAnchor(): void {
  const anchor = decodeURIComponent(location.hash.slice(1));
  if (/^\d{4}(?:-\d{2}){0,2}-[a-z0-9-]+$/.test(anchor) && !document.getElementById(anchor)) location.replace(new URL(`entries/${anchor}/`, home).href);
}

if (FILTER_KEYS.some((key) => new URLSearchParams(location.search).has(key))) location.replace(new URL(`search/${location.search}`, home).href);
else followAnchor();
addEventListener('hashchange', followAnchor);
