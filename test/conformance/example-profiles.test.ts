import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateProfile } from '../../conformance/profile.js';
import { verify } from '../../conformance/verify.js';
import { exampleProfiles } from '../../scripts/example-profiles.js';
import { packageRoot } from '../../src/paths.js';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { testSimulator } from '../helpers/sim.js';

const file = (api: string) => join(packageRoot, 'fixtures', 'profiles', `${api}.yaml`);

/** `shown` is part of `full`: every member it names has the same value there; a list is a prefix of the file's. */
function isPart(shown: unknown, full: unknown): boolean {
  if (Array.isArray(shown)) return Array.isArray(full) && shown.every((v, i) => isPart(v, full[i]));
  if (shown && typeof shown === 'object')
    return (
      Boolean(full) &&
      typeof full === 'object' &&
      Object.entries(shown).every(([k, v]) => isPart(v, (full as Record<string, unknown>)[k]))
    );
  return shown === full;
}

it("the README's profile example is the start of fixtures/profiles/wingfield.yaml", async () => {
  const readme = await readFile(join(packageRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The profile'));
  const example = parse(
    section.slice(section.indexOf('```yaml') + 7, section.indexOf('```', section.indexOf('```yaml') + 7)),
  );
  const shipped = parse(await readFile(file('wingfield'), 'utf8'));
  expect(example.connect_tokens.open.length).toBe(shipped.connect_tokens.open.length);
  expect(isPart(example, shipped)).toBe(true);
});

describe.each([...vendorNames])('fixtures/profiles/%s.yaml', (api) => {
  it("is the simulator's own profile at the default seed and a valid profile", async () => {
    const text = await readFile(file(api), 'utf8');
    expect(text).toBe(exampleProfiles()[api]);
    expect(() => validateProfile(api, parse(text), file(api))).not.toThrow();
  });

  it('drives verify against a fresh simulator without a control API: no failure', async () => {
    const t = await testSimulator();
    try {
      const index = specIndex(api);
      const result = await verify({
        api,
        target: `${t.sim.url}${index.prefix}${index.basePath}`,
        profile: file(api),
        progress: null,
        reporters: [],
        stateFile: null,
      });
      expect(
        result.report!.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.check}: ${o.message}`),
      ).toEqual([]);
      // Fault checks need the control API; a hand-written profile cannot switch SSO off.
      expect(result.report!.byTier.fault.passed).toBe(0);
      expect(result.report!.byTier.stateful.passed).toBeGreaterThan(3);
    } finally {
      await t.close();
    }
  });
});
