import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { vendorModules } from '../../src/sim/vendors/index.js';
import type { VendorName } from '../../src/contract/names.js';

/** sha256 of an API's state export (what `GET /__control/state` holds for it), keys sorted. */
export function stateDigest(api: VendorName, seed: number, size: number): string {
  const mod = vendorModules[api];
  const json = stringify(mod.state.toJSON(mod.state.create({ seed, size })));
  return createHash('sha256')
    .update(json ?? '')
    .digest('hex');
}
