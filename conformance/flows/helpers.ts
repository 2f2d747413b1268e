import type { VendorName } from '../../src/contract/names.js';
import type { Check, CheckContext, Exchange } from '../types.js';

export const basic = (key: string) => `Basic ${Buffer.from(`API:${key}`).toString('base64')}`;
export const bearer = (token: string) => `Bearer ${token}`;
/** The same JWT with its signature bytes changed: well-formed, wrongly signed. */
export const tamper = (jwt: string) => jwt.slice(0, -4) + (jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA');

/** A vendor's check, run with that vendor's context (its profile typed). */
export type VendorCheck<A extends VendorName> = Omit<Check, 'run'> & { run(ctx: CheckContext<A>): Promise<void> };

const isFor = <A extends VendorName>(ctx: CheckContext, api: A): ctx is CheckContext<A> => ctx.api === api;

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
export function take<T>(ctx: CheckContext, list: T[] | undefined, what: string): T {
  return ctx.need(list?.shift(), what);
}

export type Json = Record<string, unknown>;
export const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const status = (ex: Exchange) => ex.response?.status ?? 0;
/** The answer's body as parsed; read it with `dig` and `list`, which check the shape on the way. */
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
/** The body's fields (empty when the body is not an object). */
export const fields = (ex: Exchange): Json => {
  const b = body(ex);
  return isJson(b) ? b : {};
};
/** The objects of an array (an array body unless `path` says where); empty when there is none. */
export const objects = (v: unknown, ...path: (string | number)[]): Json[] => {
  const a = dig(v, ...path);
  return Array.isArray(a) ? a.map((x: unknown) => (isJson(x) ? x : {})) : [];
};
/** Numbers and strings as arithmetic and Date.parse take them: NaN and '' where the body has none, as undefined gave. */
export const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
export const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** N copies of a request sent at once; the statuses, counted. */
export async function race(
  ctx: CheckContext,
  n: number,
  operationId: string,
  parts: Parameters<CheckContext['send']>[1],
) {
  const answers = await Promise.all(Array.from({ length: n }, () => ctx.send(operationId, parts)));
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(status(a), (counts.get(status(a)) ?? 0) + 1);
  return { answers, counts, summary: [...counts].map(([s, c]) => `${c}×${s || 'no answer'}`).join(', ') };
}

export const raceSize = 10;

/** The one status check every flow step makes, worded the same everywhere. */
export const expectStatus = (ctx: CheckContext, ex: Exchange, want: number, what: string) =>
  ctx.expect(status(ex) === want, `${what}: expected ${want}, got ${status(ex)}`, ex);

/** A race's verdict: exactly one copy wins, every other loses with `lost` (409: the state moved under it). */
export const expectOneWinner = (ctx: CheckContext, r: Awaited<ReturnType<typeof race>>, won: number, lost = 409) =>
  ctx.expect(
    r.counts.get(won) === 1 && r.counts.get(lost) === raceSize - 1,
    `expected 1×${won} and ${raceSize - 1}×${lost}, got ${r.summary}`,
    r.answers[0],
  );
