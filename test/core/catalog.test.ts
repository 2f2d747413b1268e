// The scenario catalog is composed from the served modules inside createSimulator; a
// scenario returns what it does, and the pipeline applies it.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';
import { scenarioCatalog } from '../../src/sim/vendors/index.js';

describe('the scenario catalog', () => {
  it("holds the served APIs' scenarios and the generic ones, applying to the served APIs only", () => {
    const sim = createSimulator({ apis: ['auth0'] });
    const names = sim.scenarios.list.map((s) => s.name);
    expect(names).toContain('rate-limited');
    expect(names).toContain('latency');
    expect(names).not.toContain('sso-outage');
    expect(sim.scenarios.get('latency')?.apis).toEqual(['auth0']);
    expect(() => sim.scenarios.normalize({ name: 'latency', apis: ['wingfield'] })).toThrow(/unknown api 'wingfield'/);
  });

  it('of every registered API is what the CLI offers', () => {
    expect(scenarioCatalog.list.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'sso-outage',
        'rate-limited',
        'maintenance',
        'latency',
        'server-error',
        'connection-reset',
      ]),
    );
  });

  it('returns outcomes as values: a scenario writes nothing, the pipeline answers its error with its faults', async () => {
    const def = scenarioCatalog.get('rate-limited');
    const sim = createSimulator({ apis: ['auth0'] });
    const outcome = def?.apply({
      api: 'auth0',
      session: sim.session(),
      req: { method: 'GET', origin: 'http://x', target: '/', headers: {} },
      params: { limit: 0, window_seconds: 60 },
    });
    expect(outcome?.fail?.kind).toBe('rate_limited');
    expect(outcome?.faults).toMatchObject({ rateLimit: { limit: 0, remaining: 0 } });
    const res = await sim.handle(
      new Request('http://x/auth0/api/v2/organizations/org_x/connections', {
        headers: { Prefer: 'scenario=rate-limited' },
      }),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-limit')).toBe('0');
    expect(sim.journal.list(1)[0].scenarios).toEqual(['rate-limited']);
  });
});
