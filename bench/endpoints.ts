import createFetchClient from 'openapi-fetch';
import { authorization } from '../src/client/index.js';
import type { components, paths as ControlPaths } from '../src/generated/control.js';
import type { VendorName } from '../src/contract/names.js';
import { specIndex } from '../src/contract/registry.js';
import type { Request } from './load.js';

export type Fixtures = components['schemas']['Fixtures'];

/** One operation of one API, its path relative to the API's base (as in the spec's `paths`). */
export interface Endpoint extends Request {
  api: VendorName;
  operationId: string;
  label: string;
}

/**
 * Where an API's operations hang on each kind of server, from the spec index: connkit serves
 * them under its prefix and the server's base path, Mockoon under the base path of `servers[0]`,
 * Prism and the bare server at the spec's path itself.
 */
export const base = (api: VendorName, server: 'connkit' | 'mockoon' | 'root'): string => {
  const index = specIndex(api);
  return server === 'connkit' ? index.prefix + index.basePath : server === 'mockoon' ? index.basePath : '';
};

/** The spec's path of an operation with its path parameters filled in. */
function opPath(api: VendorName, operationId: string, params: Record<string, string>, query = ''): string {
  const op = specIndex(api).byId.get(operationId);
  if (!op) throw new Error(`${api} has no operation ${operationId}`);
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${operationId}: no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
  return query ? `${path}?${query}` : path;
}

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`the fixtures have no ${what}`);
  return value;
};

export const controlClient = (url: string) => createFetchClient<ControlPaths>({ baseUrl: `${url}/__control` });

export async function fixtures(url: string): Promise<Fixtures> {
  const { data, error } = await controlClient(url).GET('/fixtures');
  if (!data) throw new Error(`GET /__control/fixtures: ${JSON.stringify(error)}`);
  return data;
}

/** The four headline reads of issue 12 (those of the APIs the instance serves). */
export function headlineReads(fx: Fixtures): Endpoint[] {
  const { leadconduit: lc, auth0: a0, mycreditapp: mca, wingfield: wf } = fx.apis;
  const reads: Endpoint[] = [];
  if (lc)
    reads.push({
      api: 'leadconduit',
      operationId: 'listConnections',
      label: 'LeadConduit GET /connections',
      method: 'GET',
      path: opPath('leadconduit', 'listConnections', {}),
      headers: { authorization: authorization('leadconduit', lc.credentials.user) },
    });
  if (a0)
    reads.push({
      api: 'auth0',
      operationId: 'get_organization_connections',
      label: 'Auth0 organization connections, include_totals',
      method: 'GET',
      path: opPath('auth0', 'get_organization_connections', { id: a0.organizations.main.id }, 'include_totals=true'),
      headers: { authorization: authorization('auth0', a0.tokens.full) },
    });
  if (mca) {
    const guest = mca.organizations.guest;
    reads.push({
      api: 'mycreditapp',
      operationId: 'getHostConnections',
      label: 'MyCreditApp host-connections, filtered + sorted',
      method: 'GET',
      path: opPath(
        'mycreditapp',
        'getHostConnections',
        {},
        'statuses=connected&statuses=disconnected&archived=false&order_by=created_at&order_dir=desc&limit=50&offset=0',
      ),
      headers: {
        authorization: authorization('mycreditapp', guest.access_token),
        'requester-organization-id': guest.id,
        'target-organization-id': guest.id,
      },
    });
  }
  if (wf)
    reads.push({
      api: 'wingfield',
      operationId: 'listExternalServiceOrganizations',
      label: 'Wingfield organizations list',
      method: 'GET',
      path: opPath('wingfield', 'listExternalServiceOrganizations', { externalServiceId: wf.external_service_id }),
      headers: { authorization: authorization('wingfield', wf.tokens.read ?? wf.tokens.write) },
    });
  return reads;
}

/** The Wingfield claim: a write that uses up one connect token per request. */
export function claim(fx: Fixtures, tokens: string[]): Endpoint {
  const wf = need(fx.apis.wingfield, 'wingfield');
  return {
    api: 'wingfield',
    operationId: 'claimOrganizationRelation',
    label: 'Wingfield claim (fresh connect token each)',
    method: 'POST',
    path: opPath('wingfield', 'claimOrganizationRelation', { externalServiceId: wf.external_service_id }),
    headers: { authorization: authorization('wingfield', wf.tokens.write), 'content-type': 'application/json' },
    // The external id is the token's tail: unique per claim, as the vendor requires.
    body: (i) => {
      const connectToken = tokens[i % tokens.length];
      return JSON.stringify({ connectToken, externalOrganizationId: `bench-${connectToken.slice(-16)}` });
    },
  };
}

/** Connect tokens minted through the control API, 50 at a time, before any write is timed. */
export async function mintConnectTokens(url: string, n: number): Promise<string[]> {
  const client = controlClient(url);
  const tokens: string[] = [];
  while (tokens.length < n) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - tokens.length) }, async () => {
        const { data, error } = await client.POST('/wingfield/connect-tokens', { body: { state: 'open' } });
        if (!data) throw new Error(`POST /__control/wingfield/connect-tokens: ${JSON.stringify(error)}`);
        return data.connectToken;
      }),
    );
    tokens.push(...batch);
  }
  return tokens;
}
