import type { VendorName } from '../../src/contract/names.js';
import type { Check, CheckContext, CheckCore, Exchange } from '../types.js';

export const basic = (key: string) => `Basic ${Buffer.from(`API:${key}`).toString('base64')}`;
export const bearer = (token: string) => `Bearer ${token}`;
/** The same JWT with its signature bytes changed: well-formed, wrongly signed. */
export const tamper = (jwt: string) => jwt.slice(0, -4) + (jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA');

/** A vendor's check, run with that vendor's context (its profile typed). */
export type VendorCheck<A extends VendorName> = Omit<Check, 'run'> & { run(ctx: CheckContext<A>): Promise<void> };

// The runner's context is the same object whatever the vendor; its `api` alone says which
// vendor's operations its typed `send` and `expectAnswer` take.
const isFor = <A extends VendorName>(ctx: CheckCore, api: A): ctx is CheckContext<A> => ctx.api === api;

/** The vendor's checks as the runner takes them; `apis` keeps the runner from handing them another vendor's context. */
export function defineChecks<A extends VendorName>(api: A, checks: VendorCheck<A>[]): Check[] {
  return checks.map((check) => ({
    ...check,
    run: (ctx: CheckContext) => {
      if (!isFor(ctx, api)) throw new Error(`${check.name} is a ${api} check, run against ${ctx.api}`);
      return check.run(ctx);
    },
  }));
}

/** Takes one entry of a profile list that checks use up (the profile is the run's own copy). */
export function take<T>(ctx: CheckCore, list: T[] | undefined, what: string): T {
  return ctx.need(list?.shift(), what);
}

export type Json = Record<string, unknown>;
export const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const status = (ex: Exchange) => ex.response?.status ?? 0;
/**
 * The answer's body as parsed, untrusted: error envelopes and malformed answers are read with
 * `dig` and `objects`, which check the shape on the way; a success is read through `expectAnswer`.
 */
export const body = (ex: Exchange): unknown => ex.response?.body;
/** The value at `path` inside `value` (a body, or an item of one), undefined where the shape differs. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof key === 'number') v = Array.isArray(v) ? (v[key] as unknown) : undefined;
    else v = isJson(v) ? v[key] : undefined;
  }
  return v;
}
/** The objects of an array (an array body unless `path` says where); empty when there is none. */
export const objects = (v: unknown, ...path: (string | number)[]): Json[] => {
  const a = dig(v, ...path);
  return Array.isArray(a) ? a.map((x: unknown) => (isJson(x) ? x : {})) : [];
};
/** A string of an untrusted body (an error envelope's type): '' where the body has none. */
export const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The one status check every flow step makes, worded the same everywhere. */
export const expectStatus = (ctx: CheckCore, ex: Exchange, want: number, what: string) =>
  ctx.expect(status(ex) === want, `${what}: expected ${want}, got ${status(ex)}`, ex);
