import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateProfile } from '../../conformance/profile.js';
import { verify } from '../../conformance/verify.js';
import { exampleProfiles } from '../../scripts/example-profiles.js';
import { packageRoot } from '../../src/paths.js';
import { vendorNames } from '../../src/spec/names.js';
import { specIndex } from '../../src/spec/registry.js';
import { testSimulator } from '../helpers/sim.js';

const file = (api: string) => join(packageRoot, 'fixtures', 'profiles', `${api}.yaml`);

describe.each([...vendorNames])('fixtures/profiles/%s.yaml', (api) => {
  it('is the simulator\'s own profile at the default seed and a valid profile', async () => {
    const text = await readFile(file(api), 'utf8');
    expect(text).toBe(exampleProfiles()[api]);
    expect(() => validateProfile(api, parse(text), file(api))).not.toThrow();
  });

  it('drives verify against a fresh simulator without a control API: no failure', async () => {
    const t = await testSimulator();
    try {
      const index = specIndex(api);
      const result = await verify({ api, target: `${t.sim.url}${index.prefix}${index.basePath}`, profile: file(api), progress: null, reporters: [] });
      expect(result.report!.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.check}: ${o.message}`)).toEqual([]);
      // Fault checks need the control API; a hand-written profile cannot switch SSO off.
      expect(result.report!.byTier.fault.passed).toBe(0);
      expect(result.report!.byTier.stateful.passed).toBeGreaterThan(3);
    } finally {
      await t.close();
    }
  });
});
