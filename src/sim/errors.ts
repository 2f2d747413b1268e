import type { Issue } from '../contract/index.js';

/**
 * What went wrong, in vendor-neutral terms. Handlers and the shared pipeline throw it;
 * each API's `formatError` turns it into that vendor's status and envelope, in one place.
 */
export type ErrorKind =
  | 'validation' // the request breaks the spec (issues say where)
  | 'malformed_body' // not JSON
  | 'body_too_large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'route_not_found'
  | 'method_not_allowed' // a known path, a method its spec does not list
  | 'conflict'
  | 'gone'
  | 'unprocessable'
  | 'rate_limited'
  | 'maintenance'
  | 'unavailable'
  | 'internal';

export interface ApiErrorInit {
  kind: ErrorKind;
  message: string;
  /** The vendor's own error code or type (`connect_token_unusable`, `insufficient_scope`). */
  code?: string;
  /** A status the vendor's formatter cannot infer from the kind alone. */
  status?: number;
  /** Where the fault is: [location, ...path], e.g. ['body', 'connection_id']. */
  field?: (string | number)[];
  issues?: Issue[];
  headers?: Record<string, string>;
  /** Made by a fault scenario on purpose: its status may lie outside the contract. */
  injected?: boolean;
}

export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly code?: string;
  readonly status?: number;
  readonly field?: (string | number)[];
  readonly issues: Issue[];
  readonly headers: Record<string, string>;
  readonly injected: boolean;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.code = init.code;
    this.status = init.status;
    this.field = init.field;
    this.issues = init.issues ?? [];
    this.headers = init.headers ?? {};
    this.injected = init.injected ?? false;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A field path as people write it: `body.items[0].name`. */
export function fieldName(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}
