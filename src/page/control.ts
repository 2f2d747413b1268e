import type { components } from '../generated/control.js';

export type Schemas = components['schemas'];
export type JournalEntry = Schemas['JournalEntry'];
export type Fixtures = Schemas['Fixtures'];

/** What /__page/examples answers: per API its base URLs, its spec for the docs and a ready curl. */
export interface ApiExample {
  name: string;
  title: string;
  base_url: string;
  vendor_url?: string;
  /** With TLS on: the same two over https. */
  https_url?: string;
  https_vendor_url?: string;
  spec_url: string;
  curl?: string;
  /** The credential the docs' "try it" signs in with, and values worth copying beside it. */
  sign_in?: { label: string; scheme: string; token: string; user?: string };
  extra?: [string, string][];
}
export interface Examples {
  session: string;
  apis: ApiExample[];
  control: { base_url: string; spec_url: string };
}

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A call to the control API (or the page's own endpoints) acting on `session`. */
export async function control<T>(method: string, path: string, session: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session !== 'default') headers['X-Connkit-Session'] = session;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ControlError(res.status, errorMessage(json) ?? `${res.status} ${res.statusText}`);
  return json as T;
}

/** The control API's `{ error: { message } }`, when that is what came back. */
function errorMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const { error } = json;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
    ? error.message
    : undefined;
}
