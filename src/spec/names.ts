/** The vendor APIs connkit serves, in the order they are listed to users. */
export const vendorNames = ['leadconduit', 'auth0', 'mycreditapp', 'wingfield'] as const;
export type VendorName = (typeof vendorNames)[number];

/** Every spec under specs/: the vendors plus connkit's own control API. */
export const specNames = [...vendorNames, 'control'] as const;
export type SpecName = (typeof specNames)[number];

export function isVendorName(name: string): name is VendorName {
  return (vendorNames as readonly string[]).includes(name);
}
