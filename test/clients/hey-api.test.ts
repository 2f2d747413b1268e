import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendorNames, type VendorName } from '../../src/contract/names.js';
import { createSimulator } from '../../src/sim/core.js';
import { compileClients, generateClients, type Compiled } from './hey-api-build.js';

// A consumer's view: hey-api generates a client from each vendor spec, tsc compiles it
// strictly, and the compiled client calls the simulator in-process (`fetch: sim.handle`).
// Its answers must be the ones a plain request gets, success and vendor error alike.

interface SdkResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
interface SdkOptions {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
}
type SdkCall = (options: SdkOptions & { client: unknown }) => Promise<SdkResult>;
type MakeConfig = (config: Record<string, unknown>) => unknown;
type MakeClient = (config: unknown) => unknown;

const isFunction = <F>(value: unknown): value is F => typeof value === 'function';

async function exported<F>(file: string, name: string): Promise<F> {
  const mod: unknown = await import(pathToFileURL(file).href);
  const value: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, name) : undefined;
  if (!isFunction<F>(value)) throw new Error(`${file} exports no function ${name}`);
  return value;
}

const sim = createSimulator({ seed: 11 });
const fixtures = (await sim.control.fixtures()).apis;
const basic = (key: string) => `Basic ${btoa(`API:${key}`)}`;

/** Per vendor: one list operation (the SDK's function and the spec's operationId), its options for the generated SDK, and the same request by hand. */
const calls: Record<
  VendorName,
  {
    operation: string;
    operationId: string;
    options: SdkOptions;
    path: string;
    headers: Record<string, string>;
    bad: Record<string, string>;
  }
> = {
  leadconduit: {
    operation: 'listConnections',
    operationId: 'listConnections',
    options: {},
    path: '/connections',
    headers: { Authorization: basic(fixtures.leadconduit.credentials.user) },
    bad: { Authorization: basic('not-a-key') },
  },
  auth0: {
    operation: 'getOrganizationConnections',
    operationId: 'get_organization_connections',
    options: { path: { id: fixtures.auth0.organizations.main.id }, query: { per_page: 5 } },
    path: `/organizations/${fixtures.auth0.organizations.main.id}/connections?per_page=5`,
    headers: { Authorization: `Bearer ${fixtures.auth0.tokens.full}` },
    bad: { Authorization: `Bearer ${fixtures.auth0.tokens.expired}` },
  },
  mycreditapp: {
    operation: 'getHostConnections',
    operationId: 'getHostConnections',
    options: {
      headers: {
        'Requester-Organization-ID': fixtures.mycreditapp.organizations.guest.id,
        'Target-Organization-ID': fixtures.mycreditapp.organizations.guest.id,
      },
      query: { statuses: ['connected', 'disconnected'], limit: 10, offset: 0 },
    },
    path: '/host-connections?statuses=connected&statuses=disconnected&limit=10&offset=0',
    headers: {
      Authorization: `Bearer ${fixtures.mycreditapp.organizations.guest.access_token}`,
      'Requester-Organization-ID': fixtures.mycreditapp.organizations.guest.id,
      'Target-Organization-ID': fixtures.mycreditapp.organizations.guest.id,
    },
    bad: { Authorization: 'Bearer not-a-token' },
  },
  wingfield: {
    operation: 'listExternalServiceOrganizations',
    operationId: 'listExternalServiceOrganizations',
    options: { path: { externalServiceId: fixtures.wingfield.external_service_id }, query: { limit: 3 } },
    path: `/external-services/${fixtures.wingfield.external_service_id}/organizations?limit=3`,
    headers: { Authorization: `Bearer ${fixtures.wingfield.tokens.read}` },
    bad: { Authorization: 'Bearer tok_ext_v1_nope' },
  },
};

let dir = '';
let compiled: Compiled;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'connkit-hey-api-'));
  await generateClients(join(dir, 'src'));
  compiled = await compileClients(join(dir, 'src'), join(dir, 'js'));
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function direct(api: VendorName, headers: Record<string, string>) {
  const res = await sim.handle(new Request(`${fixtures[api].base_url}${calls[api].path}`, { headers }));
  return { status: res.status, body: await res.json() };
}

async function generated(api: VendorName, headers: Record<string, string>) {
  const js = join(dir, 'js', api);
  const createConfig = await exported<MakeConfig>(join(js, 'client', 'index.js'), 'createConfig');
  const createClient = await exported<MakeClient>(join(js, 'client', 'index.js'), 'createClient');
  const call = await exported<SdkCall>(join(js, 'sdk.gen.js'), calls[api].operation);
  const client = createClient(
    createConfig({ baseUrl: fixtures[api].base_url, fetch: (r: Request) => sim.handle(r), headers }),
  );
  const options = calls[api].options;
  const merged = { ...options, client, headers: { ...headers, ...(options.headers ?? {}) } };
  return call(merged);
}

describe('a hey-api client generated from each spec', () => {
  it('compiles under strict tsc', () => {
    expect(compiled.diagnostics).toEqual([]);
    expect([...compiled.declared.keys()].filter((f) => f.endsWith('sdk.gen.ts')).length).toBe(vendorNames.length);
  });

  it('declares no type or const named like a JavaScript global', () => {
    // Whatever a runtime puts on globalThis (Error, Response, URL…) must stay reachable in the generated code.
    const globals = new Set(Object.getOwnPropertyNames(globalThis));
    const shadowing = [...compiled.declared].flatMap(([file, names]) =>
      names.filter((n) => globals.has(n)).map((n) => `${file}: ${n}`),
    );
    expect(shadowing).toEqual([]);
    // The error envelopes are there, under their API's name.
    const types = (api: VendorName) => compiled.declared.get(join(api, 'types.gen.ts')) ?? [];
    expect(types('wingfield')).toContain('WingfieldError');
    expect(types('leadconduit')).toContain('LeadConduitError');
  });

  it.each(vendorNames)('%s: answers the generated call as it answers the same request by hand', async (api) => {
    const expected = await direct(api, calls[api].headers);
    expect(expected.status).toBe(200);
    const { data, response } = await generated(api, calls[api].headers);
    expect(response.status).toBe(200);
    expect(data).toEqual(expected.body);
    const listed = Array.isArray(data) ? data : Reflect.get(Object(data), 'items');
    expect(Array.isArray(listed) && listed.length > 0).toBe(true);
    const journaled = sim.journal.find({ api, status: 200 }).filter((e) => e.operationId === calls[api].operationId);
    expect(journaled.length).toBe(2);
  });

  it.each(vendorNames)(
    '%s: a rejected call gives the vendor error envelope through the generated client',
    async (api) => {
      const expected = await direct(api, { ...calls[api].headers, ...calls[api].bad });
      expect(expected.status).toBe(401);
      const { error, response } = await generated(api, { ...calls[api].headers, ...calls[api].bad });
      expect(response.status).toBe(401);
      expect(error).toEqual(expected.body);
    },
  );
});
