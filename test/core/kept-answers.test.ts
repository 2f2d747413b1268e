import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';
import type { SimResponse } from '../../src/sim/request.js';
import { lc } from '../helpers/fixtures.js';

// A kept (cached) answer is handed to the doors with its UTF-8 bytes, encoded once: those bytes
// must be the body's, and a write must still make the next read a fresh answer.
describe('kept answers', () => {
  const sim = createSimulator();
  const fixtures = async () => lc((await sim.control.fixtures()).apis);
  const read = async (session: string, auth: { Authorization: string }) =>
    sim.dispatch({
      method: 'GET',
      origin: 'http://127.0.0.1',
      target: '/leadconduit/connections',
      headers: { authorization: auth.Authorization, 'x-connkit-session': session },
    });
  const decoded = (r: SimResponse) => new TextDecoder().decode(r.bytes);

  it('carry the bytes of the body they answer, from their first reuse on', async () => {
    const f = await fixtures();
    const first = await read('kept-a', f.user);
    expect(first.status).toBe(200);
    expect(first.bytes).toBeUndefined();
    const again = await read('kept-a', f.user);
    expect(again.bytes).toBeDefined();
    expect(decoded(again)).toBe(first.body);
    expect(again.body).toBe(first.body);
  });

  it('are not reused past a write, nor by another session or caller', async () => {
    const f = await fixtures();
    await read('kept-b', f.user);
    expect((await read('kept-b', f.user)).bytes).toBeDefined();
    // Another session, and another caller of this one, get answers of their own.
    expect((await read('kept-c', f.user)).bytes).toBeUndefined();
    expect((await read('kept-b', f.otherUser)).bytes).toBeUndefined();
    const before = (await read('kept-b', f.user)).body;
    const repaired = await sim.dispatch({
      method: 'POST',
      origin: 'http://127.0.0.1',
      target: '/leadconduit/connections/repair',
      headers: {
        authorization: f.superuser.Authorization,
        'x-connkit-session': 'kept-b',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ connection_id: f.ssoOnly[0] }),
    });
    expect(repaired.status).toBe(201);
    const after = await read('kept-b', f.user);
    expect(after.bytes).toBeUndefined();
    expect(after.body).not.toBe(before);
    const reused = await read('kept-b', f.user);
    expect(decoded(reused)).toBe(after.body);
  });

  it('keep each caller its own while callers alternate, and start over past 1 000 kept', async () => {
    const f = await fixtures();
    const mine = (await read('kept-d', f.user)).body;
    const theirs = (await read('kept-d', f.otherUser)).body;
    expect(theirs).not.toBe(mine);
    for (let i = 0; i < 3; i++) {
      expect((await read('kept-d', f.user)).body).toBe(mine);
      expect((await read('kept-d', f.otherUser)).body).toBe(theirs);
    }
    // Even URLs by one caller, odd by the other: each a new answer to keep.
    const at = (i: number) =>
      sim.dispatch({
        method: 'GET',
        origin: 'http://127.0.0.1',
        target: `/leadconduit/connections?n=${i}`,
        headers: { authorization: (i % 2 ? f.otherUser : f.user).Authorization, 'x-connkit-session': 'kept-e' },
      });
    expect((await at(0)).status).toBe(200);
    expect((await at(0)).bytes).toBeDefined();
    // Answers kept are counted over every caller and URL (500 each here): 1 000 are kept, the next
    // empties the cache. Counted per caller, neither would reach the bound.
    for (let i = 1; i < 1000; i++) await at(i);
    expect((await at(0)).bytes).toBeDefined();
    await at(1000);
    expect((await at(0)).bytes).toBeUndefined();
  });
});
