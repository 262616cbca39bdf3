import { CATEGORY_IDS, type Category } from '../../schemas/category.ts';

/** How a category is shown: its label, a one-line description and a colour token. */
export interface CategoryInfo {
  id: Category;
  label: string;
  description: string;
  /** Index into the palette of `--cat-N` custom properties. */
  colour: number;
}

const INFO: Record<Category, Omit<CategoryInfo, 'id' | 'colour'>> = {
  'government-restriction': { label: 'Government restriction', description: 'A government instruction, rule or order that limits buying, installing or using equipment.' },
  legislation: { label: 'Legislation', description: 'A law passed or brought into force.' },
  'sanction-listing': { label: 'Sanction or listing', description: 'A company added to, or proposed for, an official list such as the US Entity List.' },
  warning: { label: 'Warning', description: 'A public warning by an official or regulator.' },
  report: { label: 'Report', description: 'Research, an investigation or survey findings.' },
  'parliamentary-action': { label: 'Parliamentary action', description: 'A vote, letter or campaign by members of a parliament.' },
  incident: { label: 'Incident', description: 'An event involving installed equipment, and its investigation.' },
  'company-response': { label: 'Company response', description: 'A statement by a company affected by a measure.' },
  'government-response': { label: 'Government response', description: 'A government’s answer to another government’s measure or to events.' },
  'reciprocal-restriction': { label: 'Reported counter-measure', description: 'A restriction described by analysts as a response in kind; the linkage is commentary, not official.' },
};

/** Every category in display order, with its label and colour. */
export const CATEGORIES: readonly CategoryInfo[] = CATEGORY_IDS.map((id, index) => ({ id, colour: index, ...INFO[id] }));

/**
 * The display information of one category.
 * @example categoryInfo('warning').label // 'Warning'
 */
export function categoryInfo(id: Category): CategoryInfo {
  const info = CATEGORIES.find((c) => c.id === id);
  if (!info) throw new Error(`unknown category: ${id}`);
  return info;
}
