import { describe, expect, it } from 'vitest';
import { wf } from '../helpers/fixtures.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let f: ReturnType<typeof wf>;
useSimulator((sim, fixtures) => {
  t = sim;
  f = wf(fixtures);
});

const claimPath = () => `/wingfield/api/v1/external-services/${f.service}/organization-relations/claim`;
const claim = (s: string, connectToken: string, externalOrganizationId: string, headers = f.write) =>
  t.call({ method: 'POST', path: claimPath(), headers, session: s, body: { connectToken, externalOrganizationId } });
const orgs = (s: string) =>
  t.call({
    path: `/wingfield/api/v1/external-services/${f.service}/organizations?limit=100`,
    headers: f.read,
    session: s,
  });
const sub = (s: string, org: string, user: string, subscription: string) =>
  t.call({
    method: 'PUT',
    path: `/wingfield/api/v1/organizations/${org}/users/${user}/subscription`,
    headers: f.write,
    session: s,
    body: { subscription },
  });
const snapshot = async (s: string) => (await t.call({ path: '/__control/state', session: s })).body;

describe('Wingfield organization relations', () => {
  it('claims a connect token once: 200 and listed, then 409 connect_token_unusable', async () => {
    const s = freshSession();
    const before = (await orgs(s)).body.totalCount;
    const ct = {
      token: f.connect.open[0],
      organization_id: (await snapshot(s)).apis.wingfield.connectTokens[f.connect.open[0]].organization_id,
    };
    const first = await claim(s, ct.token, 'ext-claim-1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      externalServiceId: f.service,
      organizationId: ct.organization_id,
      externalOrganizationId: 'ext-claim-1',
    });
    const listed = (await orgs(s)).body;
    expect(listed.totalCount).toBe(before + 1);
    expect(listed.items.find((o: any) => o.id === ct.organization_id).relation).toEqual(first.body);
    const again = await claim(s, ct.token, 'ext-claim-1');
    expect(again.status).toBe(409);
    expect(again.body.error.type).toBe('connect_token_unusable');
  });

  it('answers every connect-token error with its own status and type, changing nothing', async () => {
    const s = freshSession();
    const before = await snapshot(s);
    const cases: [string, number, string][] = [
      [f.connect.expired[0], 410, 'expired_connect_token'],
      [f.connect.malformed, 422, 'malformed_connect_token'],
      [f.connect.unknown, 404, 'connect_token_not_found'],
      [f.connect.cancelled[0], 409, 'connect_token_unusable'],
      [f.connect.claimed[0], 409, 'connect_token_unusable'],
      [f.connect.other_service[0], 403, 'organization_access_denied'],
    ];
    for (const [token, status, type] of cases) {
      const res = await claim(s, token, 'ext-err');
      expect([res.status, res.body.error.type]).toEqual([status, type]);
      expect(typeof res.body.error.message).toBe('string');
    }
    expect(await snapshot(s)).toEqual(before);
  });

  it('confirms an existing relation with the same external id, refuses a different one or one in use', async () => {
    const s = freshSession();
    const ct = f.connect.confirm[0];
    const relations = Object.values<any>((await snapshot(s)).apis.wingfield.relations);
    const existing = relations.find(
      (r) => r.externalServiceId === f.service && r.externalOrganizationId === ct.external_organization_id,
    );
    const mismatch = await claim(s, ct.token, 'something-else');
    expect([mismatch.status, mismatch.body.error.type]).toEqual([409, 'external_organization_id_mismatch']);
    const confirmed = await claim(s, ct.token, existing.externalOrganizationId);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.id).toBe(existing.id);
    expect(confirmed.body.updatedAt > existing.updatedAt).toBe(true);
    const taken = f.related.find(
      (r) => r.external_organization_id !== ct.external_organization_id,
    )!.external_organization_id;
    const inUse = await claim(s, f.connect.open[0], taken);
    expect([inUse.status, inUse.body.error.type]).toEqual([409, 'external_organization_id_already_in_use']);
  });

  it('checks the token, its service and its scope before anything else', async () => {
    const s = freshSession();
    const wrongService = await t.call({
      method: 'POST',
      path: `/wingfield/api/v1/external-services/${f.otherServiceId}/organization-relations/claim`,
      headers: f.write,
      session: s,
      body: {},
    });
    expect([wrongService.status, wrongService.body.error.type]).toEqual([403, 'external_service_access_denied']);
    const readOnly = await claim(s, f.connect.open[0], 'x', f.read);
    expect([readOnly.status, readOnly.body.error.type]).toEqual([403, 'scope_permission_denied']);
    const none = await t.call({
      path: `/wingfield/api/v1/external-services/${f.service}/organizations`,
      headers: f.none,
      session: s,
    });
    expect([none.status, none.body.error.type]).toEqual([403, 'scope_permission_denied']);
    const missing = await claim(s, f.connect.open[0], 'x', {} as never);
    expect([missing.status, missing.body.error.type]).toEqual([401, 'missing_api_token']);
    const expired = await claim(s, f.connect.open[0], 'x', f.expired);
    expect([expired.status, expired.body.error.type]).toEqual([401, 'invalid_api_token']);
    const invalid = await t.call({
      method: 'POST',
      path: claimPath(),
      headers: f.write,
      session: s,
      body: { connectToken: 5, extra: true },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.type).toBe('invalid_schema');
    expect(invalid.body.error.issues.map((i: any) => i.path.join('.')).sort()).toEqual([
      'body',
      'body.connectToken',
      'body.externalOrganizationId',
    ]);
  });

  it('gives PRO seats up to the quota, frees them with FREE, and no-ops a repeat', async () => {
    const s = freshSession();
    const org = f.related[0].id;
    const [u0, u1, u2] = f.users.map((id) => ({ id }));
    expect((await sub(s, org, u0.id, 'PRO')).status).toBe(200);
    expect((await sub(s, org, u0.id, 'PRO')).status).toBe(200);
    const full = await sub(s, org, u1.id, 'PRO');
    expect([full.status, full.body.error.type]).toEqual([403, 'pro_user_quota_exceeded']);
    expect((await sub(s, org, u0.id, 'FREE')).status).toBe(200);
    expect((await sub(s, org, u1.id, 'PRO')).status).toBe(200);
    const m = (await snapshot(s)).apis.wingfield.memberships;
    expect(m[`${org}|${u1.id}`]).toMatchObject({ subscription: 'PRO', externally_managed_by: f.service });
    expect(m[`${org}|${u0.id}`]).toMatchObject({ subscription: 'FREE', externally_managed_by: null });
    const unknownUser = await sub(s, org, '00000000-0000-4000-8000-000000000000', 'FREE');
    expect([unknownUser.status, unknownUser.body.error.type]).toEqual([404, 'user_not_found']);
    const unknownOrg = await sub(s, '00000000-0000-4000-8000-000000000000', u2.id, 'FREE');
    expect([unknownOrg.status, unknownOrg.body.error.type]).toEqual([404, 'organization_not_found']);
  });

  it('unlinks: later organization-scoped calls get 403, a second unlink 404', async () => {
    const s = freshSession();
    const org = f.related[0].id;
    const path = `/wingfield/api/v1/external-services/${f.service}/organizations/${org}/relation`;
    const res = await t.call({ method: 'DELETE', path, headers: f.write, session: s });
    expect([res.status, res.body]).toEqual([200, {}]);
    const after = await sub(s, org, f.users[0], 'FREE');
    expect([after.status, after.body.error.type]).toEqual([403, 'organization_access_denied']);
    expect((await orgs(s)).body.items.some((o: any) => o.id === org)).toBe(false);
    const twice = await t.call({ method: 'DELETE', path, headers: f.write, session: s });
    expect([twice.status, twice.body.error.type]).toEqual([404, 'organization_relation_not_found']);
  });

  it('pages organizations with offset and limit', async () => {
    const s = freshSession();
    const all = (await orgs(s)).body;
    const page = (
      await t.call({
        path: `/wingfield/api/v1/external-services/${f.service}/organizations?offset=1&limit=2`,
        headers: f.read,
        session: s,
      })
    ).body;
    expect(page.totalCount).toBe(all.totalCount);
    expect(page.items).toEqual(all.items.slice(1, 3));
  });
});
