import type { CheckContext, Exchange } from '../types.js';

export const basic = (key: string) => `Basic ${Buffer.from(`API:${key}`).toString('base64')}`;
export const bearer = (token: string) => `Bearer ${token}`;
/** The same JWT with its signature bytes changed: well-formed, wrongly signed. */
export const tamper = (jwt: string) => jwt.slice(0, -4) + (jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA');

/** Takes one entry of a profile list that checks use up (the profile is the run's own copy). */
export function take<T>(ctx: CheckContext, list: T[] | undefined, what: string): T {
  return ctx.need(list?.shift(), what);
}

export const status = (ex: Exchange) => ex.response?.status ?? 0;
export const body = (ex: Exchange): any => ex.response?.body;

/** N copies of a request sent at once; the statuses, counted. */
export async function race(ctx: CheckContext, n: number, operationId: string, parts: Parameters<CheckContext['send']>[1]) {
  const answers = await Promise.all(Array.from({ length: n }, () => ctx.send(operationId, parts)));
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(status(a), (counts.get(status(a)) ?? 0) + 1);
  return { answers, counts, summary: [...counts].map(([s, c]) => `${c}×${s || 'no answer'}`).join(', ') };
}

export const raceSize = 10;
