import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSimulator, type TestSim } from '../helpers/sim.js';

// A foreign page may call the vendor APIs (open CORS) but may not pick a session: without
// X-Connkit-Session in the preflight's answer, a browser never sends the header.
describe('vendor CORS and sessions', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await testSimulator();
  });
  afterAll(() => t?.close());

  const preflight = (origin: string) =>
    fetch(`${t.sim.url}/leadconduit/connections`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization, x-connkit-session',
      },
    });

  it('lets a loopback origin send the session header', async () => {
    const r = await preflight('http://localhost:5173');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-connkit-session');
  });

  it('lets a foreign origin call the API, but not name a session', async () => {
    const r = await preflight('https://evil.example');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = r.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
    expect(allowed).toContain('authorization');
    expect(allowed).not.toContain('x-connkit-session');
  });
});
