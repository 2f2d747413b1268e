import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';

// In-process (the fetch doors: handle(), MSW) GET and PUT /__control/state stream their bodies:
// an export of 100 k records goes out in pieces, comes back in through an NDJSON PUT fed by
// that very stream, and exports again to the same bytes. Digests, so the test holds no whole copy.
const size = 100_000;
const ndjson = 'application/x-ndjson';
type Sim = ReturnType<typeof createSimulator>;

const exportOf = (sim: Sim, session: string, accept = ndjson) =>
  sim.handle(new Request('http://127.0.0.1/__control/state', { headers: { accept, 'x-connkit-session': session } }));

async function digest(res: Response): Promise<{ sha: string; bytes: number; pieces: number; largest: number }> {
  const body = res.body;
  if (!body) throw new Error('no body');
  const hash = createHash('sha256');
  const reader = body.getReader();
  let bytes = 0;
  let pieces = 0;
  let largest = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    bytes += value.byteLength;
    pieces++;
    largest = Math.max(largest, value.byteLength);
  }
  return { sha: hash.digest('hex'), bytes, pieces, largest };
}

describe(`a ${size / 1000} k snapshot in-process`, () => {
  it('export → import → export is byte-equal, streamed both ways in pieces', async () => {
    const sim = createSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: size } });
    const first = await exportOf(sim, 'default');
    expect(first.headers.get('content-type')).toContain(ndjson);
    const before = await digest(first);
    // Far past the 1 MB a request body may have, in pieces of about 64 KiB.
    expect(before.bytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(before.pieces).toBeGreaterThan(100);
    expect(before.largest).toBeLessThan(1024 * 1024);

    const source = await exportOf(sim, 'default');
    // A stream body needs `duplex: 'half'` (undici), which the DOM RequestInit type does not list yet.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'PUT',
      headers: { 'content-type': ndjson, 'x-connkit-session': 'copy' },
      body: source.body,
      duplex: 'half',
    };
    const put = await sim.handle(new Request('http://127.0.0.1/__control/state', init));
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ session: 'copy' });
    expect(await digest(await exportOf(sim, 'copy'))).toEqual(before);
  }, 240_000);

  it('the JSON export is streamed too, in pieces, the same bytes as JSON.stringify writes', async () => {
    const sim = createSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: 3000 } });
    const json = await digest(await exportOf(sim, 'default', 'application/json'));
    expect(json.pieces).toBeGreaterThan(10);
    const whole = JSON.stringify(sim.session('default').export());
    expect(json.sha).toBe(createHash('sha256').update(whole).digest('hex'));
  });

  it('a refused NDJSON import answers 422 naming the field, in-process as over HTTP', async () => {
    const sim = createSimulator({ apis: ['wingfield'] });
    const res = await sim.handle(
      new Request('http://127.0.0.1/__control/state', {
        method: 'PUT',
        headers: { 'content-type': ndjson },
        body: '{"connkit":1,"format":"ndjson","seed":1}\n{"api":"wingfield","path":[],"value":{}}\n{"api":"wingfield","path":["relations"],"value":5}\n',
      }),
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('apis.wingfield');
  });
});
