// The journal stream applies backpressure: clients that never read are dropped once their
// bound is reached, while requests with large bodies keep flowing and health keeps answering.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSimulator, type TestSim } from '../helpers/sim.js';

const cap = 64 * 1024;
/** A journaled request body: a few of them fill a stalled client's bound. */
const body = JSON.stringify({ filler: 'x'.repeat(30_000) });

/** Asks for the stream with the largest backlog, then never reads a byte. */
function stalledReader(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.pause();
      socket.write(`GET /__control/journal/stream?backlog=1000000 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, () =>
        resolve(socket),
      );
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

describe('journal stream backpressure', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await testSimulator({ journalSize: 200, journalStream: { maxBufferedBytes: cap, maxBacklog: 50 } });
  });
  afterAll(() => t?.close());

  it('drops readers that do not read, keeps what waits for them bounded, and stays healthy', async () => {
    // A backlog that alone is larger than the socket buffers: it must wait, not pile up.
    for (let i = 0; i < 60; i++) await t.call({ method: 'POST', path: '/leadconduit/account_sso_sync', raw: body });
    const readers = await Promise.all([1, 2, 3, 4, 5].map(() => stalledReader(t.sim.port)));
    await expect.poll(() => t.sim.app.journalStreams().open).toBe(5);
    let peak = 0;
    for (let i = 0; i < 150; i++) {
      await t.call({ method: 'POST', path: '/leadconduit/account_sso_sync', raw: body });
      peak = Math.max(peak, t.sim.app.journalStreams().buffered);
      if (i % 25 === 0) expect((await t.call({ path: '/__control/health' })).status).toBe(200);
    }
    // Each stalled client is held to its bound (plus the one event that crossed it).
    expect(peak).toBeLessThanOrEqual(5 * (cap + body.length + 2048));
    await expect.poll(() => t.sim.app.journalStreams().open).toBe(0);
    expect(t.sim.app.journalStreams().dropped).toBe(5);
    expect((await t.call({ path: '/__control/health' })).status).toBe(200);
    for (const r of readers) r.destroy();
  });

  it('keeps a reader that reads, however much flows, and sends at most maxBacklog first', async () => {
    const abort = new AbortController();
    const res = await fetch(`${t.sim.url}/__control/journal/stream?backlog=1000000`, { signal: abort.signal });
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    let text = '';
    const count = () => (text.match(/^event: entry$/gm) ?? []).length;
    while (count() < 50) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const flood = (async () => {
      for (let i = 0; i < 40; i++) await t.call({ method: 'POST', path: '/leadconduit/account_sso_sync', raw: body });
    })();
    while (count() < 90) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await flood;
    // 50 of the backlog (the bound, though 200 were asked for and held), then the 40 live ones.
    expect(count()).toBe(90);
    expect(t.sim.app.journalStreams().open).toBe(1);
    abort.abort();
    await expect.poll(() => t.sim.app.journalStreams().open).toBe(0);
  });
});
