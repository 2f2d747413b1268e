// GET /__control/journal/stream: the journal as server-sent events, what a reconnecting
// EventSource missed, and no listener left behind when the page goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSimulator, type TestSim } from '../helpers/sim.js';

/** Reads the stream until `count` entry events arrived; then closes it. */
async function entries(
  url: string,
  count: number,
  headers: Record<string, string> = {},
  during?: () => Promise<unknown>,
) {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const got: { id: number; url: string }[] = [];
  void during?.();
  while (got.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const events = text.split('\n\n');
    text = events.pop()!;
    for (const e of events) {
      const data = /^data: (.*)$/m.exec(e);
      if (/^event: entry$/m.test(e) && data)
        got.push({ id: Number(/^id: (\d+)$/m.exec(e)![1]), url: JSON.parse(data[1]).url });
    }
  }
  abort.abort();
  return got;
}

describe('the journal stream', () => {
  let t: TestSim;
  const listeners = () => (t.sim.journal as unknown as { listeners: Set<unknown> }).listeners.size;
  let base = 0;
  beforeAll(async () => {
    t = await testSimulator();
    base = listeners();
    for (const n of [1, 2, 3]) await t.call({ path: `/leadconduit/connections?n=${n}` });
  });
  afterAll(() => t?.close());

  it('sends the newest `backlog` entries, then each new one as it is answered', async () => {
    const got = await entries(`${t.sim.url}/__control/journal/stream?backlog=2`, 3, {}, () =>
      t.call({ path: '/leadconduit/connections?n=live' }),
    );
    expect(got.map((e) => e.url)).toEqual([
      '/leadconduit/connections?n=2',
      '/leadconduit/connections?n=3',
      '/leadconduit/connections?n=live',
    ]);
    expect(got[2].id).toBe(got[1].id + 1);
  });

  it('sends a reconnecting client what came after its Last-Event-ID', async () => {
    const all = (await t.call({ path: '/__control/journal?limit=1000' })).body.entries as {
      seq: number;
      url: string;
    }[];
    const from = all.find((e) => e.url === '/leadconduit/connections?n=1')!.seq;
    const got = await entries(`${t.sim.url}/__control/journal/stream`, 2, { 'Last-Event-ID': String(from) });
    expect(got.slice(0, 2).map((e) => e.url)).toEqual(['/leadconduit/connections?n=2', '/leadconduit/connections?n=3']);
  });

  it('stops listening to the journal when the client goes away', async () => {
    // Streams of the tests before have closed: only what was there before any stream remains.
    await expect.poll(listeners).toBe(base);
    const before = base;
    let during = 0;
    await entries(`${t.sim.url}/__control/journal/stream`, 1, {}, async () => {
      await expect.poll(listeners).toBe(before + 1);
      during = listeners();
      await t.call({ path: '/leadconduit/connections?n=wake' });
    });
    expect(during).toBe(before + 1);
    await expect.poll(listeners).toBe(before);
  });
});
