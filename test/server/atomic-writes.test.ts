import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/sim/errors.js';
import type { Handler } from '../../src/sim/module.js';
import { bearerH, testSimulator, type TestSim } from '../helpers/sim.js';

// A handler that fails half-way through its writes leaves the session as it was: its writes
// were made on the request's layer, which is dropped. The fault is injected by wrapping the
// Wingfield claim's own handler (it writes the connect token, the relation and two indexes).
describe('a request that throws after writing', () => {
  let t: TestSim;
  const op = 'claimOrganizationRelation';
  let original: Handler;
  beforeAll(async () => {
    t = await testSimulator();
  });
  afterAll(async () => {
    const handlers = t?.sim.modules.get('wingfield')?.handlers;
    if (handlers && original) handlers[op] = original;
    await t?.close();
  });

  const claim = async (path: string, token: string, connectToken: string) =>
    t.call({
      method: 'POST',
      path,
      headers: bearerH(token),
      body: { connectToken, externalOrganizationId: `ext-${connectToken.slice(-8)}` },
    });

  it('answers the vendor’s 500 and keeps none of its writes; the same request succeeds once the fault is gone', async () => {
    const wf = (await t.fixtures()).wingfield;
    const minted = await t.call({
      method: 'POST',
      path: '/__control/wingfield/connect-tokens',
      body: { state: 'open' },
    });
    expect(minted.status).toBe(201);
    const connectToken = minted.body.connectToken as string;
    const path = `/wingfield/api/v1/external-services/${wf.external_service_id}/organization-relations/claim`;

    const handlers = t.sim.modules.get('wingfield')?.handlers;
    if (!handlers) throw new Error('no Wingfield module');
    original = handlers[op];
    let wrote = false;
    handlers[op] = (ctx) => {
      const reply: unknown = original(ctx);
      wrote = true;
      throw new Error(`fault injected after ${JSON.stringify(reply).length} bytes of reply`);
    };
    const before = JSON.stringify(t.sim.session().export());
    const failed = await claim(path, wf.tokens.write, connectToken);
    expect(wrote).toBe(true);
    expect(failed.status).toBe(500);
    // The vendor's own envelope for an internal error, as its formatter writes it.
    const envelope = t.sim.modules
      .get('wingfield')
      ?.formatError(new ApiError({ kind: 'internal', message: 'Internal server error' }));
    expect(failed.body).toEqual(envelope?.body);
    expect(JSON.stringify(t.sim.session().export())).toBe(before);

    handlers[op] = original;
    const ok = await claim(path, wf.tokens.write, connectToken);
    expect(ok.status).toBe(200);
    expect(JSON.stringify(t.sim.session().export())).not.toBe(before);
    // Committed: the token is used up now.
    expect((await claim(path, wf.tokens.write, connectToken)).status).toBe(409);
  });
});
