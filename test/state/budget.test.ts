import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';
import { mca } from '../helpers/fixtures.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

// 100 k connections per side is the world; it builds in a few seconds here.
const bigSize = 100_000;
const sessions = 1000;

describe('1 000 sessions over a 100 k world', () => {
  let t: TestSim;
  let f: ReturnType<typeof mca>;
  beforeAll(async () => {
    t = await testSimulator({
      apis: ['mycreditapp'],
      sizes: { mycreditapp: bigSize },
      maxSessions: sessions,
      journalSize: 100,
    });
    f = mca(await t.fixtures());
  }, 120_000);
  afterAll(() => t?.close());

  it('each reading and writing, stay within the budget and leave the server answering', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const names = Array.from({ length: sessions }, (_, i) => `budget-${i}`);
    const run = async (s: string, i: number) => {
      const list = await t.call({
        path: `${f.base}/host-connections?statuses=connected&limit=${20 + (i % 30)}&offset=0`,
        headers: f.headers('guest'),
        session: s,
      });
      expect(list.status).toBe(200);
      const patch = await t.call({
        method: 'PATCH',
        path: `${f.base}/host-connections/${f.orgs.host.id}`,
        headers: f.headers('guest'),
        session: s,
        body: { status: 'disconnected' },
      });
      expect(patch.status).toBe(200);
    };
    for (let i = 0; i < names.length; i += 10) await Promise.all(names.slice(i, i + 10).map((s, j) => run(s, i + j)));

    const world = t.sim;
    expect(world.sessionNames()).toHaveLength(sessions + 1);
    const perSession = names.map((s) => world.session(s).bytes());
    expect(Math.max(...perSession)).toBeLessThan(1024 * 1024);
    expect(world.memory().bytes).toBeLessThanOrEqual(world.memory().limit);
    // A full copy was ~165 MB per session; copy-on-write keeps 1 000 of them well under one copy each.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(sessions * 1024 * 1024);
    expect((await t.call({ path: '/__control/health' })).status).toBe(200);
    // Each session kept its own write, the default session none.
    const mine = await t.call({
      path: `${f.base}/host-connections/${f.orgs.host.id}`,
      headers: f.headers('guest'),
      session: names[0],
    });
    expect(mine.body.status).toBe('disconnected');
    const seeded = await t.call({ path: `${f.base}/host-connections/${f.orgs.host.id}`, headers: f.headers('guest') });
    expect(seeded.body.status).toBe('connected');
  }, 120_000);
});

describe('past the budget', () => {
  it('drops the least recently used sessions, keeps the newest and its writes', async () => {
    const probe = createSimulator({ apis: ['mycreditapp'] });
    await probe.handle(new Request('http://x/__control/fixtures'));
    const held = probe.memory().bytes;
    const maxMemory = held + 64 * 1024;
    const t = await testSimulator({ apis: ['mycreditapp'], maxMemory, maxSessions: 1000, journalSize: 10 });
    try {
      const f = mca(await t.fixtures());
      for (let i = 0; i < 100; i++) {
        const res = await t.call({
          method: 'PATCH',
          path: `${f.base}/host-connections/${f.orgs.host.id}`,
          headers: f.headers('guest'),
          session: `lru-${i}`,
          body: { status: 'disconnected' },
        });
        expect(res.status).toBe(200);
      }
      const names = (await t.call({ path: '/__control/sessions' })).body.sessions.map((s: { name: string }) => s.name);
      expect(names).not.toContain('lru-0');
      expect(names).toContain('lru-99');
      expect(names.length).toBeLessThan(100);
      expect(t.sim.memory().bytes).toBeLessThanOrEqual(maxMemory);
      const kept = await t.call({
        path: `${f.base}/host-connections/${f.orgs.host.id}`,
        headers: f.headers('guest'),
        session: 'lru-99',
      });
      expect(kept.body.status).toBe('disconnected');
    } finally {
      await t.close();
    }
  });

  it("refuses a world that cannot fit with the vendor's own 503 naming the limit and the flag, and stays up", async () => {
    const t = await testSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: 5000 }, maxMemory: 1024 * 1024 });
    try {
      const res = await t.call({ path: '/mycreditapp/v1-beta/host-connections', session: 'too-big' });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      const [detail] = res.body.detail;
      expect(detail.msg).toContain('--max-memory');
      expect(detail.msg).toContain('1 MiB');
      expect(detail.code).toBe('memory_budget_exceeded');
      expect((await t.call({ path: '/__control/health' })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
