import { z } from 'astro/zod';
import { idSchema, MAX_ITEMS, recordOf } from './common.ts';

/**
 * Why an entry is linked to a vendor. Labels and explanations live in `src/lib/model/vendor-basis.ts`.
 * - `named`: the record itself (the law, the order, the statement, the letter) names the company;
 * - `reported`: only reporting ties the company to the event (the make of a camera in a photograph);
 * - `context`: the event concerns a criterion or a category the company is widely taken to meet,
 *   such as makers subject to China's National Intelligence Law, without naming it.
 */
export const VENDOR_BASIS_IDS = ['named', 'reported', 'context'] as const;

/** One of {@link VENDOR_BASIS_IDS}. */
export const vendorBasisSchema = z.enum(VENDOR_BASIS_IDS);

/** A vendor basis id. */
export type VendorBasis = z.output<typeof vendorBasisSchema>;

/**
 * An entry's link to one vendor, with the basis it rests on. `basis` is absent only in versions
 * kept from before the basis was recorded, which listed vendors by id alone.
 */
export interface VendorLink {
  /** The vendor's id. */
  id: string;
  /** Why the entry is linked to the vendor. */
  basis?: VendorBasis;
}

/**
 * An entry's vendors as written: a map from vendor id to its basis, in the order written,
 * `vendors: { hikvision: named, dahua: context }` (or one per line). Read as a list of
 * {@link VendorLink}s.
 */
export const vendorLinksSchema = recordOf(idSchema, vendorBasisSchema, MAX_ITEMS.ids)
  .transform((map): VendorLink[] => Object.entries(map).map(([id, basis]) => ({ id, basis })));

/**
 * Vendors in a kept version: the map above, or, in versions kept before the basis was recorded,
 * a plain list of ids, read as links with no basis.
 */
export const snapshotVendorLinksSchema = z.union([
  vendorLinksSchema,
  z.array(idSchema).transform((ids): VendorLink[] => [...new Set(ids)].map((id) => ({ id }))),
]);
