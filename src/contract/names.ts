/** The vendor APIs connkit serves, in the order they are listed to users. */
export const vendorNames = ['leadconduit', 'auth0', 'mycreditapp', 'wingfield'] as const;
export type VendorName = (typeof vendorNames)[number];

/** Every spec under specs/: the vendors plus connkit's own control API. */
export const specNames = [...vendorNames, 'control'] as const;
export type SpecName = (typeof specNames)[number];

export function isVendorName(name: string): name is VendorName {
  return (vendorNames as readonly string[]).includes(name);
}

/**
 * Each spec's error envelope schema: named for its API, so a generated client's type or
 * const never shadows JavaScript's global `Error`.
 */
export const errorSchemaNames = {
  leadconduit: 'LeadConduitError',
  auth0: 'Auth0Error',
  mycreditapp: 'MyCreditAppError',
  wingfield: 'WingfieldError',
  control: 'ConnkitError',
} as const satisfies Record<SpecName, string>;

const errorSchemaByName = new Map<string, string>(Object.entries(errorSchemaNames));

/** The pointer of a spec's error envelope (`/components/schemas/WingfieldError`). */
export function errorSchemaPointer(name: string): string {
  const schema = errorSchemaByName.get(name);
  if (!schema) throw new Error(`no spec named ${name}`);
  return `/components/schemas/${schema}`;
}
