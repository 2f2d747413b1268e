import type { VendorName } from '../contract/names.js';

/**
 * The APIs a simulator is known, from its `apis` option's type, to serve: those a literal list
 * names, all four when the option is left out. A list known only as `VendorName[]` (or an
 * empty one, which serves all four at run time) promises none, so nothing is typed as present
 * that might not be.
 */
export type ChosenApis<L> = [L] extends [undefined]
  ? VendorName
  : [L] extends [readonly VendorName[]]
    ? number extends L['length']
      ? never
      : L[number]
    : never;
