import { describe, expect, it } from 'vitest';
import { specIndex } from '../../src/contract/registry.js';
import { specNames } from '../../src/contract/names.js';
import { mca, wf } from '../helpers/fixtures.js';
import { useSimulator, freshSession, type TestSim } from '../helpers/sim.js';

// The gaps a third-party tester found between what the specs allow and what the simulator
// enforces: each input rule the simulator applies is stated in the spec, and a request the
// spec allows is never refused.

let t: TestSim;
let fx: any;
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

describe('query parameters', () => {
  it.each([...specNames])('%s: no query parameter admits null (a query string cannot carry it)', (name) => {
    const nullable = specIndex(name)
      .operations.flatMap((op) => op.params.filter((p) => p.in === 'query').map((p) => ({ op: op.id, p })))
      .filter(({ p }) => JSON.stringify(p.schema).includes('"null"'))
      .map(({ op, p }) => `${op} ${p.name}`);
    expect(nullable).toEqual([]);
  });

  const lists = [
    [
      'getHostConnections',
      '/mycreditapp/v1-beta/host-connections?statuses=connected&statuses=disconnected&limit=10&offset=0',
      'guest',
    ],
    [
      'getGuestConnections',
      '/mycreditapp/v1-beta/guest-connections?statuses=connected&statuses=disconnected&limit=10&offset=0',
      'host',
    ],
  ] as const;
  const allowed = [
    '',
    '&archived=true',
    '&archived=false',
    '&active_action_types=documents_update_request',
    '&active_action_types=analytics_request',
    '&active_action_types=analytics_request&active_action_types=documents_update_request&archived=false',
  ];

  it.each(lists)(
    'MyCreditApp %s: every archived / active_action_types value the spec allows is answered 200',
    async (opId, base, who) => {
      const op = specIndex('mycreditapp').byId.get(opId)!;
      for (const extra of allowed) {
        const query = Object.fromEntries(
          [...new URLSearchParams(base.split('?')[1] + extra)].reduce(
            (m, [k, v]) => m.set(k, [...(m.get(k) ?? []), v]),
            new Map<string, string[]>(),
          ),
        );
        expect(
          op.parseParams({ path: {}, query, header: {} }).issues.filter((i) => i.in === 'query'),
          extra,
        ).toEqual([]);
        const res = await t.call({ path: base + extra, headers: mca(fx).headers(who), session: freshSession() });
        expect(res.status, `${extra} ${res.text}`).toBe(200);
      }
    },
  );

  it.each(lists)(
    'MyCreditApp %s: `null` as text is refused by the spec and by the simulator alike (422)',
    async (opId, base, who) => {
      const op = specIndex('mycreditapp').byId.get(opId)!;
      for (const [name, extra] of [
        ['archived', '&archived=null'],
        ['active_action_types', '&active_action_types=null'],
      ]) {
        const query = {
          statuses: ['connected'],
          limit: '10',
          offset: '0',
          [name]: name === 'archived' ? 'null' : ['null'],
        };
        expect(
          op
            .parseParams({ path: {}, query, header: {} })
            .issues.filter((i) => i.in === 'query')
            .map((i) => i.path[0]),
        ).toEqual([name]);
        const res = await t.call({ path: base + extra, headers: mca(fx).headers(who), session: freshSession() });
        expect(res.status).toBe(422);
        expect(res.body.detail.map((d: any) => d.loc.slice(0, 2))).toEqual([['query', name]]);
      }
    },
  );
});

describe('Wingfield connectToken', () => {
  const claim = () => `/wingfield/api/v1/external-services/${wf(fx).service}/organization-relations/claim`;
  const schema = () => specIndex('wingfield').byId.get('claimOrganizationRelation')!.body!.schema as any;
  const alnum32 = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
  const tokens = [
    `wct_${alnum32}`,
    `wct_${alnum32.slice(1)}`,
    `wct_${alnum32}x`,
    `wcx_${alnum32}`,
    `WCT_${alnum32}`,
    `wct_${alnum32.slice(1)}-`,
    `wct_${alnum32.slice(1)}é`,
    '',
    'wct_',
    'x'.repeat(600),
  ];

  it('is stated as a pattern in the spec, and every fixture token keeps it', () => {
    expect(schema().properties.connectToken.pattern).toBe('^wct_[A-Za-z0-9]{32}$');
    const pattern = new RegExp(schema().properties.connectToken.pattern);
    const c = wf(fx).connect;
    const issued: string[] = [
      ...c.open,
      ...c.claimed,
      ...c.cancelled,
      ...c.expired,
      ...c.other_service,
      ...c.confirm.map((x: { token: string }) => x.token),
      c.unknown,
    ];
    expect(issued.length).toBeGreaterThan(5);
    for (const token of issued) expect(token).toMatch(pattern);
    expect(c.malformed).not.toMatch(pattern);
  });

  it("answers 422 malformed_connect_token exactly when the spec's pattern refuses the token", async () => {
    const op = specIndex('wingfield').byId.get('claimOrganizationRelation')!;
    for (const connectToken of tokens) {
      const body = { connectToken, externalOrganizationId: 'ext-rules-1' };
      const specRefuses = op.validateBody(body).length > 0;
      const res = await t.call({ method: 'POST', path: claim(), headers: wf(fx).write, body, session: freshSession() });
      if (specRefuses)
        expect([res.status, res.body], connectToken).toEqual([
          422,
          { error: { type: 'malformed_connect_token', message: 'Connect token format is invalid.' } },
        ]);
      // Well formed but unknown: the format passed, the token does not exist.
      else expect([res.status, res.body.error.type], connectToken).toEqual([404, 'connect_token_not_found']);
    }
  });

  it('checks the rest of the body first: other schema faults answer 400 invalid_schema', async () => {
    const res = await t.call({
      method: 'POST',
      path: claim(),
      headers: wf(fx).write,
      body: { connectToken: 'nope' },
      session: freshSession(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe('invalid_schema');
  });
});

describe('MyCreditApp POST /guest-invitations', () => {
  const op = () => specIndex('mycreditapp').byId.get('createGuestInvitation')!;
  const invite = (body: unknown) =>
    t.call({
      method: 'POST',
      path: '/mycreditapp/v1-beta/guest-invitations',
      headers: mca(fx).headers('host'),
      body,
      session: freshSession(),
    });
  const documented = (name: string) =>
    (op().responses.get('422') as any) &&
    (specIndex('mycreditapp').doc as any).components.responses.InvitationValidationError.content['application/json']
      .examples[name].value;

  it('states both rules in its description, its assumption and its documented 422', () => {
    const description = String((specIndex('mycreditapp').doc as any).paths['/guest-invitations'].post.description);
    expect(description).toMatch(/expired_at` must lie in the future/);
    expect(description).toMatch(/parent_organization_id`, when not null, must name an existing organization/);
    expect(op().ext['x-connkit-assumption']).toMatch(/expired_at must lie in the future and parent_organization_id/);
    expect(op().responses.get('422')!.description).toMatch(/expired_at.*parent_organization_id/s);
  });

  it('answers each broken rule with the 422 the spec documents for it, both at once with both items', async () => {
    const past = await invite({ email: 'rules@guest.example', expired_at: '2001-01-01T00:00:00Z' });
    expect([past.status, past.body]).toEqual([422, documented('pastExpiry')]);
    const unknown = await invite({
      email: 'rules@guest.example',
      expired_at: '2099-01-01T00:00:00Z',
      parent_organization_id: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.status, unknown.body]).toEqual([422, documented('unknownParent')]);
    const both = await invite({
      email: 'rules@guest.example',
      expired_at: '2001-01-01T00:00:00Z',
      parent_organization_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(both.body.detail).toEqual([...documented('pastExpiry').detail, ...documented('unknownParent').detail]);
  });

  it('accepts what the rules allow: a future expiry with no parent, a null parent, or an existing one', async () => {
    const parent = mca(fx).orgs.unconnected.id;
    for (const extra of [{}, { parent_organization_id: null }, { parent_organization_id: parent }]) {
      const body = { email: 'rules@guest.example', expired_at: '2099-01-01T00:00:00Z', ...extra };
      expect(op().validateBody(body)).toEqual([]);
      const res = await invite(body);
      expect(res.status, res.text).toBe(200);
      expect(res.body.parent_organization_id).toBe(extra.parent_organization_id ?? null);
    }
  });
});
