import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../conformance/verify.js';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { startProxy, type Mutant, type ProxyRequest } from '../helpers/mutating-proxy.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

/**
 * A target that differs from connkit's simulator only where the spec leaves it open: another
 * seed and size (other data altogether), every id renamed, and lists whose order no operation
 * states (`x-connkit-order: none`) reversed. The model tier must find nothing.
 */

// Ids as the four vendors shape them; tokens (JWTs, `tok_ext_…`) and names are left alone.
const idShapes = [
  /^[0-9a-f]{24}$/,
  /^[0-9a-f]{40}$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /^(org|con|inv|wct)_[A-Za-z0-9]{6,}$/,
];
const hex = '0123456789abcdef';
/** Turns an id's last character, within its kind (hex stays hex): its own inverse, so one function renames both ways. */
function turnLast(c: string): string {
  if (hex.includes(c)) return hex[15 - hex.indexOf(c)];
  if (/[g-z]/.test(c)) return String.fromCharCode('g'.charCodeAt(0) + 'z'.charCodeAt(0) - c.charCodeAt(0));
  if (/[A-Z]/.test(c)) return String.fromCharCode(65 + 90 - c.charCodeAt(0));
  return c;
}
/**
 * Ids bound into a signed token (MyCreditApp's access tokens carry the organization) cannot be
 * renamed without reissuing the token: an implementation would keep them, so the proxy does too.
 */
const bound = new Set<string>();
function bind(v: unknown): void {
  if (typeof v === 'string' && /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(v)) {
    try {
      for (const claim of Object.values(
        JSON.parse(Buffer.from(v.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>,
      ))
        if (typeof claim === 'string') bound.add(claim);
    } catch {
      // not a JWT after all
    }
  } else if (Array.isArray(v)) v.forEach(bind);
  else if (v && typeof v === 'object') Object.values(v).forEach(bind);
}
const renameWhole = (s: string) =>
  !bound.has(s) && idShapes.some((r) => r.test(s)) ? s.slice(0, -1) + turnLast(s.slice(-1)) : s;
/** Whole ids, and ids inside sentences (an error message that names the id it was given). */
export const rename = (s: string) =>
  s
    .split(/([^A-Za-z0-9_-]+)/)
    .map(renameWhole)
    .join('');

function renameDeep(v: unknown): unknown {
  if (typeof v === 'string') return rename(v);
  if (Array.isArray(v)) return v.map(renameDeep);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [rename(k), renameDeep(x)]));
  return v;
}

const renameUrl = (url: string) => {
  const [path, query] = url.split('?');
  const p = path
    .split('/')
    .map((seg) => encodeURIComponent(rename(decodeURIComponent(seg))))
    .join('/');
  if (query === undefined) return p;
  const q = new URLSearchParams(query);
  const out = new URLSearchParams();
  for (const [k, v] of q) out.append(k, rename(v));
  return `${p}?${out}`;
};

function renameHeaders(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    const basic = /^Basic (.+)$/i.exec(v);
    if (k.toLowerCase() === 'authorization' && basic) {
      const [user, key] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      out[k] = `Basic ${Buffer.from(`${user}:${rename(key ?? '')}`).toString('base64')}`;
    } else out[k] = rename(v);
  }
  return out;
}

/** Operations whose lists come in an order the spec does not state, by method and path pattern. */
const unordered = vendorNames.flatMap((api) => {
  const index = specIndex(api);
  return index.operations
    .filter((op) => op.ext['x-connkit-order'] === 'none')
    .map((op) => ({
      method: op.method.toUpperCase(),
      path: new RegExp(`^(${index.prefix})?${index.basePath}${op.path.replace(/\{[^}]+\}/g, '[^/]+')}(\\?|$)`),
    }));
});

const variation: Mutant = {
  name: 'legal variation: renamed ids, unstated orders reversed',
  api: 'auth0',
  kills: [],
  request: (req: ProxyRequest) => ({
    ...req,
    url: renameUrl(req.url),
    headers: renameHeaders(req.headers),
    body: req.body && req.body.startsWith('{') ? JSON.stringify(renameDeep(JSON.parse(req.body))) : req.body,
  }),
  response(req, res) {
    bind(res.body);
    let body = renameDeep(res.body);
    if (Array.isArray(body) && unordered.some((u) => u.method === req.method && u.path.test(req.url)))
      body = [...body].reverse();
    return { ...res, body };
  },
};

/** Every API's vendor module rebuilds its state from what a target shows. */
const observable = vendorNames;

let t: TestSim;
let proxy: Awaited<ReturnType<typeof startProxy>>;
beforeAll(async () => {
  t = await testSimulator({ seed: 7, sizes: { leadconduit: 37, auth0: 37, mycreditapp: 37, wingfield: 37 } });
  proxy = await startProxy(t.sim.url, variation);
});
afterAll(async () => {
  await proxy.close();
  await t.close();
});

describe('the legal-variation target', () => {
  it('renames every id consistently, both ways', () => {
    for (const id of [
      'org_47Zns4ZczXoMtTsE',
      '8e77be91ddc4f211fd81fbda',
      '7118defe-7347-47ca-84b6-670a31055c68',
      'wct_885726c5',
    ]) {
      expect(rename(id)).not.toBe(id);
      expect(rename(rename(id))).toBe(id);
      expect(rename(id)).toHaveLength(id.length);
    }
  });

  it.each([...vendorNames])('%s: the model tier finds nothing', async (api) => {
    const index = specIndex(api);
    const fixtures = (await (await fetch(`${proxy.url}/__control/fixtures`)).json()) as {
      apis: Record<string, unknown>;
    };
    // The proxy really shows other ids than connkit's own simulator at its seed.
    expect(JSON.stringify(fixtures.apis[api])).not.toEqual(JSON.stringify(renameDeep(fixtures.apis[api])));
    for (const seed of [1, 2]) {
      const r = await verify({
        api,
        target: `${proxy.url}${index.prefix}${index.basePath}`,
        control: `${proxy.url}/__control`,
        progress: null,
        reporters: [],
        tiers: ['model'],
        modelRuns: 10,
        maxSteps: 10,
        seed,
      });
      expect(r.report!.outcomes.map((o) => `${o.status}: ${o.message}`)).toEqual([
        expect.stringMatching(/^passed: 10 runs/),
      ]);
    }
  });
});

describe('the legal-variation target, seen only through its own operations (no control API)', () => {
  it.each(observable)('%s: the model starts from what the target shows and finds nothing', async (api) => {
    const index = specIndex(api);
    const dir = await mkdtemp(join(tmpdir(), 'connkit-observed-'));
    const file = join(dir, `${api}.json`);
    try {
      for (const seed of [1, 2]) {
        // The test's own setup (not verify) starts each run from a fresh target and its profile.
        expect((await fetch(`${proxy.url}/__control/reset`, { method: 'POST' })).ok).toBe(true);
        const fixtures = (await (await fetch(`${proxy.url}/__control/fixtures`)).json()) as {
          apis: Record<string, unknown>;
        };
        await writeFile(file, JSON.stringify(fixtures.apis[api]));
        const r = await verify({
          api,
          target: `${proxy.url}${index.prefix}${index.basePath}`,
          profile: file,
          stateFile: null,
          progress: null,
          reporters: [],
          tiers: ['model'],
          // The test resets the target before each seed, so the tier may write.
          modelWrites: true,
          modelRuns: 10,
          maxSteps: 10,
          seed,
        });
        const messages = r.report?.outcomes.map((o) => `${o.status}: ${o.message}`);
        expect(messages).toEqual([expect.stringMatching(/^passed: 10 runs/)]);
        // The model really compared: steps were sent, not all skipped as unknown (10 runs send 37–50 here).
        const steps = Number(/, (\d+) steps/.exec(messages?.[0] ?? '')?.[1]);
        expect(steps).toBeGreaterThanOrEqual(25);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
