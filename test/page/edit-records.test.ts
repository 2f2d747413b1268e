import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';
import { specIndex } from '../../src/contract/registry.js';
import { vendorNames } from '../../src/contract/names.js';
import { vendorModules } from '../../src/sim/vendors/index.js';

const recordEdits = Object.fromEntries(Object.entries(vendorModules).map(([api, m]) => [api, m.edits ?? {}]));

// The page's record editor and presets through the control API (in-process: the same pipeline).
const fresh = () => createSimulator({ validateResponses: true });
type Sim = ReturnType<typeof fresh>;
type Item = { id: string; record: Record<string, unknown> };
/** The fields of the control answers these tests read (each answer has some of them). */
interface Answer {
  error: { code: string; message: string };
  record: { status?: string; expires_at?: string } | null;
  items: Item[];
  collections: { name: string; total: number; editable: boolean; presets: { name: string }[] }[];
  apis: { leadconduit: { credentials?: Record<string, string> } };
}
async function call(sim: Sim, method: string, path: string, body?: unknown, session?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) headers['x-connkit-session'] = session;
  const res = await sim.handle(
    new Request(`http://127.0.0.1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: res.status, json: (await res.json()) as Answer };
}
const first = async (sim: Sim, api: string, collection: string) => {
  const page = await call(sim, 'GET', `/__control/state/${api}/${collection}?limit=1`);
  const item = page.json.items[0];
  if (!item) throw new Error(`no ${api} ${collection}`);
  return item;
};
const url = (api: string, collection: string, id: string) =>
  `/__control/state/${api}/${collection}/${encodeURIComponent(id)}`;

describe('editable collections', () => {
  it('each one has a schema in its spec (x-connkit.state) and vendor edit code, and GET /state/{api} says so', async () => {
    const sim = fresh();
    for (const api of vendorNames) {
      const schemas = Object.keys((specIndex(api).doc['x-connkit'] as { state?: object }).state ?? {});
      expect(Object.keys(recordEdits[api]).sort(), api).toEqual(schemas.sort());
      const listed = await call(sim, 'GET', `/__control/state/${api}`);
      for (const c of listed.json.collections) expect(c.editable, `${api} ${c.name}`).toBe(schemas.includes(c.name));
    }
  });

  it('the stored records follow their schema as built, for every editable collection', async () => {
    const sim = fresh();
    for (const api of vendorNames)
      for (const collection of Object.keys(recordEdits[api])) {
        const page = await call(sim, 'GET', `/__control/state/${api}/${collection}?limit=500`);
        const validate = specIndex(api).schemaValidator(`/x-connkit/state/${collection}`);
        for (const item of page.json.items)
          expect(validate(item.record), `${api} ${collection} ${item.id}: ${JSON.stringify(validate.errors)}`).toBe(
            true,
          );
      }
  });
});

describe('PUT /__control/state/{api}/{collection}/{id}', () => {
  it('saves a changed record, and the API answers with it', async () => {
    const sim = fresh();
    const { id, record } = await first(sim, 'wingfield', 'relations');
    const saved = await call(sim, 'PUT', url('wingfield', 'relations', id), {
      ...record,
      externalOrganizationId: 'renamed-club',
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      api: 'wingfield',
      collection: 'relations',
      session: 'default',
      id,
      record: { externalOrganizationId: 'renamed-club' },
    });
    expect((await first(sim, 'wingfield', 'relations')).record.externalOrganizationId).toBe('renamed-club');
  });

  it('changes what the vendor API answers (an Auth0 link disabled by edit)', async () => {
    const sim = fresh();
    const { id, record } = await first(sim, 'auth0', 'links');
    expect(
      (
        await call(sim, 'PUT', url('auth0', 'links', id), {
          ...record,
          show_as_button: false,
          organization_connection_name: 'Edited',
        })
      ).status,
    ).toBe(200);
    const after = await first(sim, 'auth0', 'links');
    expect(after.record).toMatchObject({
      show_as_button: false,
      organization_connection_name: 'Edited',
      organization_id: record.organization_id,
    });
  });

  it.each([
    ['mycreditapp', 'connections', { status: 'paused' }, /body\.status must be one of connected, disconnected/],
    ['leadconduit', 'connections', { relationship_type: 7 }, /body\.relationship_type/],
    ['wingfield', 'connect-tokens', { surprise: true }, /body\.surprise is not allowed/],
    ['auth0', 'links', { is_enabled: 'yes' }, /body\.is_enabled must be boolean/],
  ])(
    'refuses a %s %s record that breaks its schema with 422 naming the field, changing nothing',
    async (api, collection, change, message) => {
      const sim = fresh();
      const before = await call(sim, 'GET', '/__control/state');
      const { id, record } = await first(sim, api, collection);
      const r = await call(sim, 'PUT', url(api, collection, id), { ...record, ...change });
      expect(r.status).toBe(422);
      expect(r.json.error.code).toBe('invalid_record');
      expect(r.json.error.message).toMatch(message);
      expect((await call(sim, 'GET', '/__control/state')).json).toEqual(before.json);
    },
  );

  it('refuses a required field removed, and an id field changed', async () => {
    const sim = fresh();
    const { id, record } = await first(sim, 'wingfield', 'relations');
    const { createdAt: _gone, ...missing } = record;
    const r1 = await call(sim, 'PUT', url('wingfield', 'relations', id), missing);
    expect(r1.status).toBe(422);
    expect(r1.json.error.message).toMatch(/body\.createdAt is required/);
    const r2 = await call(sim, 'PUT', url('wingfield', 'relations', id), {
      ...record,
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(r2.status).toBe(422);
    expect(r2.json.error.code).toBe('id_changed');
  });

  it('answers 404 for an unknown record or a collection that is not editable', async () => {
    const sim = fresh();
    expect((await call(sim, 'PUT', url('wingfield', 'relations', 'nope'), {})).json.error.code).toBe(
      'record_not_found',
    );
    const r = await call(sim, 'PUT', url('wingfield', 'users', 'x'), {});
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(
      /wingfield users cannot be edited \(editable: relations, connect-tokens, organizations, memberships\)/,
    );
  });

  it('acts on the session it names only', async () => {
    const sim = fresh();
    const { id, record } = await first(sim, 'wingfield', 'relations');
    await call(sim, 'PUT', url('wingfield', 'relations', id), { ...record, externalOrganizationId: 'only-in-a' }, 'a');
    expect((await first(sim, 'wingfield', 'relations')).record.externalOrganizationId).toBe(
      record.externalOrganizationId,
    );
  });
});

describe('presets', () => {
  it('lists what the vendor module declares, per collection', async () => {
    const sim = fresh();
    const lc = await call(sim, 'GET', '/__control/state/leadconduit');
    expect(lc.json.collections.find((c) => c.name === 'connections')?.presets.map((p) => p.name)).toEqual([
      'sso-only',
      'disconnect',
    ]);
  });

  it('makes a LeadConduit connection SSO-only: the list shows it sso_only', async () => {
    const sim = fresh();
    const fixtures = (await call(sim, 'GET', '/__control/fixtures')).json.apis.leadconduit;
    const key = fixtures.credentials?.primary ?? Object.values(fixtures.credentials ?? {})[0];
    const { id, record } = await first(sim, 'leadconduit', 'connections');
    const r = await call(sim, 'POST', `${url('leadconduit', 'connections', id)}/presets/sso-only`);
    expect(r.status).toBe(200);
    expect(r.json.record).toBeNull();
    const list = await sim.handle(
      new Request('http://127.0.0.1/leadconduit/connections', {
        headers: { authorization: `Basic ${btoa(`API:${String(key)}`)}` },
      }),
    );
    const body = (await list.json()) as { id: string; status?: string; state?: string }[];
    const entry = body.find((e) => e.id === record.external_id);
    expect(JSON.stringify(entry)).toMatch(/sso_only/);
  });

  it('expires a Wingfield connect token: the claim answers 410', async () => {
    const sim = fresh();
    const tokens = await call(sim, 'GET', '/__control/state/wingfield/connect-tokens?limit=50');
    const open = tokens.json.items.find((i) => i.record.state === 'open' && String(i.record.expires_at) > '2090');
    if (!open) throw new Error('no open token');
    const r = await call(sim, 'POST', `${url('wingfield', 'connect-tokens', open.id)}/presets/expire`);
    expect(r.status).toBe(200);
    expect(new Date(String(r.json.record?.expires_at)).getTime()).toBeLessThan(Date.now());
    const again = await call(sim, 'POST', `${url('wingfield', 'connect-tokens', open.id)}/presets/expire`);
    expect(again.status).toBe(200);
    const cancelled = await call(sim, 'POST', `${url('wingfield', 'connect-tokens', open.id)}/presets/cancel`);
    expect(cancelled.status).toBe(200);
    expect((await call(sim, 'POST', `${url('wingfield', 'connect-tokens', open.id)}/presets/cancel`)).status).toBe(422);
  });

  it('disconnects a MyCreditApp connection and unlinks an Auth0 one', async () => {
    const sim = fresh();
    const mca = await first(sim, 'mycreditapp', 'connections');
    const r = await call(sim, 'POST', `${url('mycreditapp', 'connections', mca.id)}/presets/disconnect`);
    expect(r.json.record?.status).toBe('disconnected');
    const link = await first(sim, 'auth0', 'links');
    const before = (await call(sim, 'GET', '/__control/state/auth0')).json.collections.find(
      (c) => c.name === 'links',
    )?.total;
    expect((await call(sim, 'POST', `${url('auth0', 'links', link.id)}/presets/unlink`)).json.record).toBeNull();
    expect(
      (await call(sim, 'GET', '/__control/state/auth0')).json.collections.find((c) => c.name === 'links')?.total,
    ).toBe((before ?? 0) - 1);
  });

  it('expires a MyCreditApp invitation, and refuses to expire an accepted one', async () => {
    const sim = fresh();
    const all = (await call(sim, 'GET', '/__control/state/mycreditapp/invitations?limit=100')).json.items;
    const pending = all.find(
      (i) => i.record.status !== 'accepted' && String(i.record.expired_at) > new Date().toISOString(),
    );
    const accepted = all.find((i) => i.record.status === 'accepted');
    if (!pending || !accepted) throw new Error('the seeded world has a pending and an accepted invitation');
    const r = await call(sim, 'POST', `${url('mycreditapp', 'invitations', pending.id)}/presets/expire`);
    expect(r.status).toBe(200);
    expect(new Date(String((r.json.record as { expired_at?: string } | null)?.expired_at)).getTime()).toBeLessThan(
      Date.now(),
    );
    const refused = await call(sim, 'POST', `${url('mycreditapp', 'invitations', accepted.id)}/presets/expire`);
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('preset_not_applicable');
  });

  it('answers 404 naming the presets there are', async () => {
    const sim = fresh();
    const { id } = await first(sim, 'wingfield', 'relations');
    const r = await call(sim, 'POST', `${url('wingfield', 'relations', id)}/presets/explode`);
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(/one of disconnect/);
  });
});
