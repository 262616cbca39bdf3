/**
 * What the pages that list measures show, so that their weight stays within Lighthouse's budget
 * of 1,400 elements a page as the record grows. Up to `MEASURES_IN_FULL` measures, `/status/` is
 * one table of every measure and `/measures/` describes each one; past it, `/status/` gives each
 * jurisdiction one row (how many measures, how many in force, the reach of the strongest) and
 * `/measures/` each jurisdiction one line of links. Every jurisdiction with a measure always has
 * its own table at `/status/<jurisdiction>/`, so that address does not depend on the record's size.
 */
import type { SiteData } from './index.ts';
import { withEntries } from '../lib/model/entities.ts';
import { sortMeasures } from '../lib/model/measures.ts';
import { wholeNumberSetting } from './settings.ts';

/**
 * The most measures the lists show one by one (a row of the status table is about 14 elements).
 * `MEASURES_IN_FULL` in the build's environment sets another number, so that tests can build the
 * summaries from the real content.
 */
export const MEASURES_IN_FULL = wholeNumberSetting('MEASURES_IN_FULL', 50, 0);

/** Whether `/status/` and `/measures/` list every measure one by one. */
export const listsEveryMeasure = (site: SiteData): boolean => site.measures.length <= MEASURES_IN_FULL;

/** One jurisdiction's measures, as the status tables show them. */
export interface MeasureGroup {
  id: string;
  name: string;
  measures: SiteData['measures'][number][];
}

/**
 * The jurisdictions that have a page (an entry names them) and at least one measure, by id, each
 * with its measures in the status table's order.
 */
export function statusGroups(site: SiteData): MeasureGroup[] {
  return [...withEntries(site.jurisdictions, site.entries, 'jurisdictions').keys()]
    .sort()
    .map((id) => ({ id, name: site.jurisdictions.get(id)!.name, measures: sortMeasures(site.measures.filter((m) => m.data.jurisdiction === id)) }))
    .filter((g) => g.measures.length > 0);
}
