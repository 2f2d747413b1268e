import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../conformance/verify.js';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { startProxy } from '../helpers/mutating-proxy.js';
import { startPrismProxy, type PrismProcess } from '../helpers/prism.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

/**
 * An independent oracle: Stoplight Prism validates, against the same specs, every answer the
 * simulator gives while `connkit verify` drives all its checks through it. Prism rejects the
 * deliberately invalid requests itself (--errors), so verify's own verdicts do not count here:
 * what counts is that Prism finds nothing wrong with any answer that reached it.
 */
let t: TestSim;
const prisms = new Map<string, PrismProcess>();
const base = (api: string) => `${specIndex(api).prefix}${specIndex(api).basePath}`;

beforeAll(async () => {
  t = await testSimulator();
  await Promise.all(
    vendorNames.map(async (api) => prisms.set(api, await startPrismProxy(api, `${t.sim.url}${base(api)}`))),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all([...prisms.values()].map((p) => p.stop()));
  await t.close();
});

describe('Prism as an independent oracle', () => {
  it.each([...vendorNames])('finds no response violation in %s while verify runs through it', async (api) => {
    const prism = prisms.get(api)!;
    const result = await verify({
      api,
      target: prism.url,
      control: `${t.sim.url}/__control`,
      progress: null,
      reporters: [],
    });
    expect(result.report!.requests).toBeGreaterThan(30);
    expect(prism.log()).toMatch(/Received forward response/);
    expect(prism.responseViolations()).toEqual([]);
  });

  it('does report a violation when an answer breaks the spec (the oracle is not blind)', async () => {
    const fx = await t.fixtures();
    const broken = await startProxy(t.sim.url, {
      name: 'drop features',
      api: 'leadconduit',
      kills: [],
      response: (_r, res) =>
        res.body?.account ? { ...res, body: { ...res.body, account: { ...res.body.account, features: 'none' } } } : res,
    });
    const prism = await startPrismProxy('leadconduit', `${broken.url}/leadconduit`);
    try {
      const res = await fetch(`${prism.url}/account_sso_sync`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`API:${fx.leadconduit.credentials.user}`).toString('base64')}` },
      });
      const body = await res.json();
      expect(body.type).toMatch(/errors#VIOLATIONS/);
      expect(body.validation[0].location).toEqual(['response', 'body', 'account', 'features']);
      await new Promise((r) => setTimeout(r, 200));
      expect(prism.responseViolations().length).toBeGreaterThan(0);
    } finally {
      await prism.stop();
      await broken.close();
    }
  }, 60_000);
});
