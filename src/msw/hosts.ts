import { readSpec, type Json } from '../contract/load.js';
import { vendorNames, type VendorName } from '../contract/names.js';

interface Server {
  url: string;
  /** Each server variable's default (`tenantDomain: connkit.auth0.com`). */
  defaults: Record<string, string>;
}

const isObject = (j: Json | undefined): j is { [key: string]: Json } =>
  typeof j === 'object' && j !== null && !Array.isArray(j);

const servers = new Map<VendorName, Server>();

/** The first of the spec's `servers`: the vendor's real base URL, as its docs give it. */
function serverOf(vendor: VendorName): Server {
  let server = servers.get(vendor);
  if (!server) servers.set(vendor, (server = readServer(vendor)));
  return server;
}

function readServer(vendor: VendorName): Server {
  const listed = readSpec(vendor).servers;
  const first = Array.isArray(listed) ? listed[0] : undefined;
  if (!isObject(first) || typeof first.url !== 'string') throw new Error(`connkit: spec ${vendor} names no server`);
  const defaults: Record<string, string> = {};
  const variables = first.variables;
  if (isObject(variables))
    for (const [name, v] of Object.entries(variables))
      if (isObject(v) && typeof v.default === 'string') defaults[name] = v.default;
  return { url: first.url, defaults };
}

/**
 * Each vendor's real base URL, as its spec's `servers` gives it (test/msw/node.test.ts holds
 * this table to the specs). A host that is a server variable (`https://{tenantDomain}/api/v2`)
 * stays a template: the caller's own domain goes there.
 */
export const vendorBaseUrls = Object.fromEntries(vendorNames.map((v) => [v, serverOf(v).url])) as Record<
  VendorName,
  string
>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A URL at or below `base` (origin and path prefix), nothing that merely starts like it. */
export function under(base: string): RegExp {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, '');
  return new RegExp(`^${escape(url.origin)}${escape(path)}(?:/|$)`, 'i');
}

/**
 * The URLs the vendor's real host answers at. Where the spec's host is a variable (a tenant's
 * domain), any host under the parent domain of the variable's default (`*.auth0.com` for
 * `connkit.auth0.com`), plus `hostValue` (a custom domain) when given.
 */
export function vendorPatterns(vendor: VendorName, hostValue?: string): RegExp[] {
  const { url, defaults } = serverOf(vendor);
  const variable = /^https:\/\/\{([^}]+)\}/.exec(url)?.[1];
  if (variable === undefined) return [under(url)];
  const path = new URL(url.replace(`{${variable}}`, 'x')).pathname;
  const parent = (defaults[variable] ?? '').split('.').slice(1).join('.');
  const anyHost = new RegExp(`^https://[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.${escape(parent)}${escape(path)}(?:/|$)`, 'i');
  return hostValue ? [anyHost, under(url.replace(`{${variable}}`, hostValue))] : [anyHost];
}
