import { describe, expect, it } from 'vitest';
import { vendorNames } from '../../src/contract/names.js';
import { countRecords } from '../../src/sim/cow/cost.js';
import { forkState } from '../../src/sim/cow/fork.js';
import { vendorModules } from '../../src/sim/vendors/index.js';

// An API's countRecords hook stands in for walking its export (the memory budget's count of a
// base world): it must find what the walk finds, on a built world and on a fork that wrote.
describe("each API's countRecords counts what its export holds", () => {
  for (const api of vendorNames) {
    const mod = vendorModules[api];
    it.skipIf(!mod.countRecords)(
      `${api}: the export's objects and arrays, at seeds 42 and 7, sizes 1, 20 and 1000`,
      () => {
        for (const seed of [42, 7])
          for (const size of [1, 20, 1000]) {
            const state: unknown = mod.state.create({ seed, size });
            expect(mod.countRecords?.(state), `${seed}/${size}`).toBe(countRecords(mod.state.toJSON(state)));
            const fork = forkState(state as object).state;
            expect(mod.countRecords?.(fork), `fork ${seed}/${size}`).toBe(countRecords(mod.state.toJSON(fork)));
          }
      },
    );
  }
});
