import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lc, wf } from '../helpers/fixtures.js';
import { freshSession, testSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let fx: any;
beforeAll(async () => {
  t = await testSimulator();
  fx = await t.fixtures();
});
afterAll(() => t.close());

const count = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('races', () => {
  it('100 parallel claims of one connect token: exactly one 200', async () => {
    const s = freshSession('race');
    const token = (
      await t.call({ method: 'POST', path: '/__control/wingfield/connect-tokens', session: s, body: { state: 'open' } })
    ).body.connectToken;
    const f = wf(fx);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.call({
          method: 'POST',
          path: `/wingfield/api/v1/external-services/${f.service}/organization-relations/claim`,
          headers: f.write,
          session: s,
          body: { connectToken: token, externalOrganizationId: `race-${i}` },
        }),
      ),
    );
    expect(count(answers.map((a) => a.status))).toEqual({ 200: 1, 409: 99 });
    const winner = answers.find((a) => a.status === 200)!.body;
    const listed = (
      await t.call({
        path: `/wingfield/api/v1/external-services/${f.service}/organizations?limit=100`,
        headers: f.read,
        session: s,
      })
    ).body.items;
    expect(listed.filter((o: any) => o.id === winner.organizationId)).toHaveLength(1);
  });

  it('50 parallel repairs of one connection: exactly one 201, one LC row', async () => {
    const s = freshSession('race');
    const f = lc(fx);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.call({
          method: 'POST',
          path: '/leadconduit/connections/repair',
          headers: f.superuser,
          session: s,
          body: { connection_id: f.ssoOnly[0] },
        }),
      ),
    );
    expect(count(answers.map((a) => a.status))).toEqual({ 201: 1, 409: 49 });
    const rows = Object.values<any>(
      (await t.call({ path: '/__control/state', session: s })).body.apis.leadconduit.rows,
    ).filter((r) => r.external_id === f.ssoOnly[0]);
    expect(rows).toHaveLength(1);
  });
});
