/**
 * The basis of an entry's link to a vendor, in words: why the entry is listed on the vendor's page,
 * shown beside the vendor's name on the entry and grouping the vendor page's entries.
 */
import { VENDOR_BASIS_IDS, type VendorBasis, type VendorLink } from '../../schemas/vendor-link.ts';

/** How a basis reads on the page. */
export interface VendorBasisInfo {
  /** A short label, lower case to follow a name ("Hikvision (named)"). */
  label: string;
  /** The label as a term in a glossary ("Named"). */
  term: string;
  /** A heading for a vendor page's group of entries with this basis. */
  heading: string;
  /** One sentence for readers on what the basis means. */
  help: string;
}

/** Labels and explanations, in the order the vendor pages group by. */
export const VENDOR_BASIS: Readonly<Record<VendorBasis, VendorBasisInfo>> = {
  named: {
    label: 'named',
    term: 'Named',
    heading: 'The record names the company',
    help: 'The record itself (the law, order, list, statement or letter) names the company.',
  },
  reported: {
    label: 'reported',
    term: 'Reported',
    heading: 'Only reporting ties the company to the event',
    help: 'The record does not name the company; reports tie it to the event.',
  },
  context: {
    label: 'context',
    term: 'Context',
    heading: 'The event concerns a criterion the company is taken to meet',
    help: 'The record names no company; it sets a test or a category (such as makers subject to China\'s National Intelligence Law) that the company is widely taken to meet.',
  },
};

/** The bases in the order they are shown. */
export const VENDOR_BASIS_ORDER: readonly VendorBasis[] = VENDOR_BASIS_IDS;

/**
 * The vendor ids of an entry's links, in the order written.
 * @example vendorIds([{ id: 'hikvision', basis: 'named' }, { id: 'dahua', basis: 'context' }]) // ['hikvision', 'dahua']
 */
export function vendorIds(links: readonly VendorLink[]): string[] {
  return links.map((link) => link.id);
}

/**
 * The basis of an entry's link to one vendor, if it links to it.
 * @example basisOf([{ id: 'dahua', basis: 'context' }], 'dahua') // 'context'
 */
export function basisOf(links: readonly VendorLink[], vendorId: string): VendorBasis | undefined {
  return links.find((link) => link.id === vendorId)?.basis;
}
