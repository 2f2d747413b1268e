import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSimulator, type TestSim } from '../helpers/sim.js';

/** Sends `raw` as is and reads until the server closes the connection. */
function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (got += chunk));
    socket.on('end', () => resolve(got));
    socket.on('error', reject);
    socket.setTimeout(5000, () => reject(new Error(`no close after: ${got}`)));
  });
}

function parse(answer: string) {
  const [head, body] = answer.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as unknown };
}

// What node:http cannot parse never reaches a route: it is answered in connkit's own envelope and closed.
describe('requests node:http cannot read', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await testSimulator();
  });
  afterAll(() => t?.close());

  it('answers a head over 16 KiB with 431 in the envelope, and closes', async () => {
    const raw = `GET /wingfield/api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`;
    const r = parse(await exchange(t.sim.port, raw));
    expect(r.status).toBe(431);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers.connection).toBe('close');
    expect(r.body).toEqual({ error: { code: 'header_too_large', message: expect.any(String) } });
  });

  it('answers a malformed request line with 400 in the envelope, and closes', async () => {
    const r = parse(await exchange(t.sim.port, 'NOT A REQUEST LINE\r\n\r\n'));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
  });

  it('still answers well-formed requests afterwards', async () => {
    expect((await t.call({ path: '/__control/health' })).status).toBe(200);
  });
});
