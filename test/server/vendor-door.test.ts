import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSimulator, type TestSim } from '../helpers/sim.js';

// The listener answers vendor requests itself, with CORS headers it writes from one list;
// the Express app answers the same requests through the cors middleware. Both must agree.
describe('the vendor door', () => {
  let t: TestSim;
  let appOnly: Server;
  let appUrl: string;
  beforeAll(async () => {
    t = await testSimulator();
    appOnly = createServer(t.sim.app);
    await new Promise<void>((resolve) => appOnly.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(appOnly.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => appOnly?.close(() => resolve()));
    await t?.close();
  });

  const cors = (h: Headers) => [...h].filter(([name]) => name.startsWith('access-control-'));

  it('sends the CORS headers the middleware sends, on answers and on errors', async () => {
    const fx = await t.fixtures();
    const key = fx.leadconduit.credentials.user as string;
    const headers = {
      Authorization: `Basic ${Buffer.from(`X:${key}`).toString('base64')}`,
      Origin: 'https://app.example',
    };
    for (const path of ['/leadconduit/connections', '/leadconduit/nothing-here']) {
      const [direct, viaApp] = await Promise.all([
        fetch(t.sim.url + path, { headers }),
        fetch(appUrl + path, { headers }),
      ]);
      expect(direct.status).toBe(viaApp.status);
      expect(cors(direct.headers)).toEqual(cors(viaApp.headers));
      expect(cors(direct.headers).length).toBeGreaterThan(0);
      expect(await direct.text()).toBe(await viaApp.text());
    }
  });

  it('answers a kept read with the bytes of its first answer, its length exact', async () => {
    const fx = await t.fixtures();
    const headers = {
      Authorization: `Basic ${Buffer.from(`X:${fx.leadconduit.credentials.user as string}`).toString('base64')}`,
    };
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${t.sim.url}/leadconduit/connections`, { headers });
      const text = await r.text();
      expect(r.status).toBe(200);
      expect(r.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      answers.push(text);
    }
    expect(new Set(answers).size).toBe(1);
  });

  it('gives the body its length rather than chunking it', async () => {
    const r = await fetch(`${t.sim.url}/leadconduit/nothing-here`);
    const text = await r.text();
    expect(r.headers.get('transfer-encoding')).toBeNull();
    expect(r.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
  });
});
