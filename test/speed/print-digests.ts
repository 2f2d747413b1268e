// Prints the digest table test/speed/digest.test.ts pins (after a meant change to the data).
import { vendorNames } from '../../src/contract/names.js';
import { stateDigest } from './digests.js';

for (const api of vendorNames) {
  console.log(`  ${api}: {`);
  for (const seed of [42, 7])
    for (const size of [1, 20, 1000]) console.log(`    '${seed}/${size}': '${stateDigest(api, seed, size)}',`);
  console.log('  },');
}
