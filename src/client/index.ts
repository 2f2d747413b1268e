// Typed clients for the four vendor APIs: openapi-fetch over the generated `paths`, so a call
// with a wrong path, parameter or body field is a compile error in the caller's test code.
import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { VendorName } from '../contract/names.js';
import type { paths as Auth0Paths } from '../generated/auth0.js';
import type { paths as LeadConduitPaths } from '../generated/leadconduit.js';
import type { paths as MyCreditAppPaths } from '../generated/mycreditapp.js';
import type { paths as WingfieldPaths } from '../generated/wingfield.js';

export interface VendorPaths {
  leadconduit: LeadConduitPaths;
  auth0: Auth0Paths;
  mycreditapp: MyCreditAppPaths;
  wingfield: WingfieldPaths;
}

/** The openapi-fetch client typed for one vendor's contract. */
export type VendorClient<V extends VendorName> = Client<VendorPaths[V], 'application/json'>;

export interface VendorClientOptions {
  /** The API's base URL, e.g. `https://dev.wingfield.systems/api/v1` or the simulator's `${url}/wingfield/api/v1`. */
  baseUrl: string;
  /** LeadConduit: the API key (sent as HTTP Basic, user `API`); the others: the bearer token. */
  token: string;
  /** Any fetch; `sim.handle` serves the calls in-process. Defaults to the global fetch at call time. */
  fetch?: (request: Request) => Promise<Response>;
  /** Sent with every call (MyCreditApp's `Requester-Organization-ID`, a session header…). */
  headers?: Record<string, string>;
  /** Anything else openapi-fetch accepts (querySerializer, middleware-free options…). */
  options?: Omit<ClientOptions, 'baseUrl' | 'fetch' | 'headers'>;
}

/** How each vendor reads its credential: LeadConduit's API key is the Basic password. */
export function authorization(vendor: VendorName, token: string): string {
  return vendor === 'leadconduit' ? `Basic ${btoa(`API:${token}`)}` : `Bearer ${token}`;
}

export function createClient<V extends VendorName>(vendor: V, options: VendorClientOptions): VendorClient<V> {
  const custom = options.fetch;
  return createFetchClient<VendorPaths[V], 'application/json'>({
    ...options.options,
    baseUrl: options.baseUrl,
    // Read the global fetch per call, not once here: MSW's setupServer replaces it when it
    // starts listening, which may be after the client was made.
    fetch: custom ?? ((request) => globalThis.fetch(request)),
    headers: { Authorization: authorization(vendor, options.token), ...options.headers },
  });
}
