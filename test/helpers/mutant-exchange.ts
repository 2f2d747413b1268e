import type { ProxyRequest, ProxyResponse } from './mutating-proxy.js';

// What the unlisted mutants read and rewrite of a proxied exchange (both sets share them).

export type Json = Record<string, unknown>;
export const isRecord = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
export const records = (x: unknown): Json[] => (Array.isArray(x) ? x.filter(isRecord) : []);
export const pathOf = (r: ProxyRequest) => r.url.split('?')[0];
export const queryOf = (r: ProxyRequest) => new URL(r.url, 'http://x').searchParams;
export const withQuery = (r: ProxyRequest, edit: (q: URLSearchParams) => void): ProxyRequest => {
  const u = new URL(r.url, 'http://x');
  edit(u.searchParams);
  return { ...r, url: u.pathname + u.search };
};
export const jsonBody = (r: ProxyRequest): Json | undefined => {
  try {
    const parsed: unknown = r.body ? JSON.parse(r.body) : undefined;
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};
export const withBody = (res: ProxyResponse, body: unknown): ProxyResponse => ({ ...res, body });
