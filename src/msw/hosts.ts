import type { VendorName } from '../spec/names.js';

/**
 * Each vendor's real base URL, as its spec's `servers` gives it (test/msw/node.test.ts holds
 * this table to the specs). Auth0's host is the tenant's own domain: any `*.auth0.com`, plus the
 * custom domain a caller configures.
 */
export const vendorBaseUrls: Record<VendorName, string> = {
  leadconduit: 'https://app.leadconduit.com',
  auth0: 'https://{tenantDomain}/api/v2',
  mycreditapp: 'https://api.mycreditapp.ai/v1-beta',
  wingfield: 'https://dev.wingfield.systems/api/v1',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A URL at or below `base` (origin and path prefix), nothing that merely starts like it. */
export function under(base: string): RegExp {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, '');
  return new RegExp(`^${escape(url.origin)}${escape(path)}(?:/|$)`, 'i');
}

/** The URLs the vendor's real host answers at; Auth0's on any tenant of auth0.com. */
export function vendorPatterns(vendor: VendorName, tenantDomain?: string): RegExp[] {
  const base = vendorBaseUrls[vendor];
  if (vendor !== 'auth0') return [under(base)];
  const path = new URL(base.replace('{tenantDomain}', 'x')).pathname;
  const anyTenant = new RegExp(`^https://[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.auth0\\.com${escape(path)}(?:/|$)`, 'i');
  return tenantDomain ? [anyTenant, under(base.replace('{tenantDomain}', tenantDomain))] : [anyTenant];
}
