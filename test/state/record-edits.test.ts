import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';
import { vendorModules } from '../../src/sim/vendors/index.js';
import type { WingfieldState } from '../../src/sim/vendors/wingfield/state.js';
import type { MyCreditAppState } from '../../src/sim/vendors/mycreditapp/state.js';
import type { LeadConduitState } from '../../src/sim/vendors/leadconduit/state.js';

// An edit changes the one record in the session's own (copy-on-write) state: no export and
// rebuild of the API's state, the session's counters kept, every index of the state following.
type Sim = ReturnType<typeof createSimulator>;
type Item = { id: string; record: Record<string, unknown> };

async function call(sim: Sim, method: string, path: string, session: string, body?: unknown) {
  const headers: Record<string, string> = { 'x-connkit-session': session };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await sim.handle(
    new Request(`http://127.0.0.1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const json: unknown = await res.json();
  return { status: res.status, json };
}
const firstOf = async (sim: Sim, api: string, collection: string, session: string): Promise<Item> => {
  const { json } = await call(sim, 'GET', `/__control/state/${api}/${collection}?limit=1`, session);
  const [item] = (json as { items: Item[] }).items;
  if (!item) throw new Error(`no ${api} ${collection}`);
  return item;
};
const url = (api: string, collection: string, id: string) =>
  `/__control/state/${api}/${collection}/${encodeURIComponent(id)}`;

afterEach(() => vi.restoreAllMocks());

describe('a record edit', () => {
  it('neither exports nor rebuilds the API state, and keeps the session counters', async () => {
    const sim = createSimulator({ validateResponses: true, sizes: { wingfield: 200 } });
    const { id, record } = await firstOf(sim, 'wingfield', 'relations', 'a');
    const session = sim.session('a');
    session.counters.set('rate-limited:Bearer x', { windowStart: 1, count: 7 });
    const toJSON = vi.spyOn(vendorModules.wingfield.state, 'toJSON');
    const fromJSON = vi.spyOn(vendorModules.wingfield.state, 'fromJSON');
    const put = await call(sim, 'PUT', url('wingfield', 'relations', id), 'a', {
      ...record,
      updatedAt: '2030-01-01T00:00:00Z',
    });
    expect(put.status).toBe(200);
    const preset = await call(sim, 'POST', `${url('wingfield', 'relations', id)}/presets/disconnect`, 'a');
    expect(preset.status).toBe(200);
    expect(toJSON).not.toHaveBeenCalled();
    expect(fromJSON).not.toHaveBeenCalled();
    expect(session.counters.get('rate-limited:Bearer x')).toEqual({ windowStart: 1, count: 7 });
  });

  it('changes the session it names only: the shared seeded world and other sessions are as they were', async () => {
    const sim = createSimulator({ validateResponses: true });
    const { id, record } = await firstOf(sim, 'mycreditapp', 'connections', 'b');
    const before = await firstOf(sim, 'mycreditapp', 'connections', 'c');
    expect(
      (await call(sim, 'PUT', url('mycreditapp', 'connections', id), 'b', { ...record, total_score: 12 })).status,
    ).toBe(200);
    expect((await firstOf(sim, 'mycreditapp', 'connections', 'b')).record.total_score).toBe(12);
    expect(await firstOf(sim, 'mycreditapp', 'connections', 'c')).toEqual(before);
    expect(await firstOf(sim, 'mycreditapp', 'connections', 'fresh-after')).toEqual(before);
  });

  it('a refused edit changes nothing', async () => {
    const sim = createSimulator({ validateResponses: true });
    const { id, record } = await firstOf(sim, 'wingfield', 'connect-tokens', 'd');
    const bad = await call(sim, 'PUT', url('wingfield', 'connect-tokens', id), 'd', { ...record, expires_at: 12 });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain('expires_at');
    expect(await firstOf(sim, 'wingfield', 'connect-tokens', 'd')).toEqual({ id, record });
  });
});

describe('the state indexes follow an edit', () => {
  it('Wingfield finds a relation by its new external organization id, not the old one', async () => {
    const sim = createSimulator({ validateResponses: true });
    const { id, record } = await firstOf(sim, 'wingfield', 'relations', 'e');
    const service = String(record.externalServiceId);
    expect(
      (await call(sim, 'PUT', url('wingfield', 'relations', id), 'e', { ...record, externalOrganizationId: 'club-9' }))
        .status,
    ).toBe(200);
    const state = sim.session('e').state<WingfieldState>('wingfield');
    expect(state.relationByExternal(service, 'club-9')?.id).toBe(id);
    expect(state.relationByExternal(service, String(record.externalOrganizationId))).toBeUndefined();
  });

  it('MyCreditApp finds an invitation by its new token', async () => {
    const sim = createSimulator({ validateResponses: true });
    const { id, record } = await firstOf(sim, 'mycreditapp', 'invitations', 'f');
    const token = 'inv_0123456789abcdef0123456789abcdef';
    expect(
      (await call(sim, 'PUT', url('mycreditapp', 'invitations', id), 'f', { ...record, invitation_token: token }))
        .status,
    ).toBe(200);
    const state = sim.session('f').state<MyCreditAppState>('mycreditapp');
    expect(state.invitationByTokenValue(token)?.id).toBe(id);
    expect(state.invitationByTokenValue(String(record.invitation_token))).toBeUndefined();
  });

  it("LeadConduit lists a row under its new account, and Make SSO-only takes it out of the account's rows", async () => {
    const sim = createSimulator({ validateResponses: true });
    const { id, record } = await firstOf(sim, 'leadconduit', 'connections', 'g');
    const from = String(record.account_id);
    const state = () => sim.session('g').state<LeadConduitState>('leadconduit');
    const other = Object.keys(state().data.accounts).find((a) => a !== from);
    if (!other) throw new Error('one account only');
    expect(
      (await call(sim, 'PUT', url('leadconduit', 'connections', id), 'g', { ...record, account_id: other })).status,
    ).toBe(200);
    expect(
      state()
        .rows(other)
        .map((r) => r.id),
    ).toContain(id);
    expect(
      state()
        .rows(from)
        .map((r) => r.id),
    ).not.toContain(id);
    expect((await call(sim, 'POST', `${url('leadconduit', 'connections', id)}/presets/sso-only`, 'g')).status).toBe(
      200,
    );
    expect(
      state()
        .rows(other)
        .map((r) => r.id),
    ).not.toContain(id);
  });
});
