import { ApiError } from '../../errors.js';
import { num, type ScenarioDef } from '../../scenarios/types.js';

/** What Auth0's scenarios switch on: the rate-limit window as the rate-limited scenario counted it. */
export interface Auth0Faults {
  rateLimit?: { limit: number; remaining: number; reset: number };
}

export const scenarios: ScenarioDef<Auth0Faults>[] = [
  {
    name: 'rate-limited',
    description:
      'Auth0 counts requests per token in a fixed window; past `limit` it answers 429 with X-RateLimit-Limit/Remaining/Reset ' +
      '(Reset in epoch seconds). The default limit 0 limits every request.',
    apis: ['auth0'],
    params: {
      limit: { default: 0, description: 'requests allowed per window and token' },
      window_seconds: { default: 60, description: 'window length' },
    },
    apply(run) {
      const limit = num(run, 'limit');
      const windowMs = num(run, 'window_seconds') * 1000;
      const key = `rate-limited:${run.req.headers.authorization ?? ''}`;
      const now = Date.now();
      let c = run.session.counters.get(key);
      if (!c || now - c.windowStart >= windowMs) run.session.counters.set(key, (c = { windowStart: now, count: 0 }));
      c.count++;
      const reset = Math.ceil((c.windowStart + windowMs) / 1000);
      const faults = { rateLimit: { limit, remaining: Math.max(0, limit - c.count), reset } };
      if (c.count <= limit) return { faults };
      return {
        faults,
        fail: new ApiError({
          kind: 'rate_limited',
          message: 'Global limit has been reached',
          code: 'too_many_requests',
          injected: true,
        }),
      };
    },
  },
];
