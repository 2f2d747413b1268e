import { describe, expect, it } from 'vitest';
import { a0 } from '../helpers/fixtures.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let f: ReturnType<typeof a0>;
useSimulator((sim, fixtures) => {
  t = sim;
  f = a0(fixtures);
});

const org = (id: string, rest = '') => `/auth0/api/v2/organizations/${id}/connections${rest}`;

describe('Auth0 organization connections', () => {
  it('adds, gets, patches, lists and deletes a link; then the link is gone', async () => {
    const s = freshSession();
    const cid = f.unlinked[0];
    const added = await t.call({
      method: 'POST',
      path: org(f.empty.id),
      headers: f.full,
      session: s,
      body: { connection_id: cid, organization_access_level: 'readonly' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      connection_id: cid,
      organization_access_level: 'readonly',
      is_enabled: true,
      show_as_button: true,
      is_signup_enabled: false,
      assign_membership_on_login: false,
    });
    expect(added.body.organization_connection_name).toBe(added.body.connection.name);
    const got = await t.call({ path: org(f.empty.id, `/${cid}`), headers: f.full, session: s });
    expect(got.body).toEqual(added.body);
    const patched = await t.call({
      method: 'PATCH',
      path: org(f.empty.id, `/${cid}`),
      headers: f.full,
      session: s,
      body: { is_enabled: false, organization_connection_name: 'Partner SSO' },
    });
    expect(patched.body).toMatchObject({
      is_enabled: false,
      organization_connection_name: 'Partner SSO',
      organization_access_level: 'readonly',
    });
    const listed = await t.call({ path: org(f.empty.id), headers: f.full, session: s });
    expect(listed.body.find((l: any) => l.connection_id === cid)).toEqual(patched.body);
    expect(listed.body.map((l: any) => l.connection_id)).toEqual(
      [...listed.body.map((l: any) => l.connection_id)].sort(),
    );
    const deleted = await t.call({ method: 'DELETE', path: org(f.empty.id, `/${cid}`), headers: f.full, session: s });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const gone = await t.call({ path: org(f.empty.id, `/${cid}`), headers: f.full, session: s });
    expect(gone.status).toBe(404);
    expect(gone.body.errorCode).toBe('inexistent_organization_connection');
    expect(
      (await t.call({ method: 'DELETE', path: org(f.empty.id, `/${cid}`), headers: f.full, session: s })).status,
    ).toBe(404);
  });

  it('refuses a second link of the same connection (409) and a connection the tenant does not have (404)', async () => {
    const s = freshSession();
    const dup = await t.call({
      method: 'POST',
      path: org(f.main.id),
      headers: f.full,
      session: s,
      body: { connection_id: f.main.connection_ids[1] },
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'The organization connection already exists.',
      errorCode: 'organization_connection_conflict',
    });
    const unknown = await t.call({
      method: 'POST',
      path: org(f.main.id),
      headers: f.full,
      session: s,
      body: { connection_id: 'con_nope' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe('inexistent_connection');
    const list = await t.call({ path: org(f.main.id, '?include_totals=true'), headers: f.full, session: s });
    expect(list.body.total).toBe(f.main.connection_ids.length);
  });

  it('pages cover every link exactly once, with exact totals and the is_enabled filter', async () => {
    const s = freshSession();
    const seen: string[] = [];
    for (let page = 0; ; page++) {
      const res = await t.call({
        path: org(f.main.id, `?include_totals=true&per_page=3&page=${page}`),
        headers: f.readOnly,
        session: s,
      });
      expect(res.body).toMatchObject({ start: page * 3, limit: 3, total: f.main.connection_ids.length });
      if (!res.body.connections.length) break;
      seen.push(...res.body.connections.map((c: any) => c.connection_id));
    }
    expect(seen).toEqual([...f.main.connection_ids].sort());
    const plain = await t.call({ path: org(f.main.id, '?per_page=2'), headers: f.readOnly, session: s });
    expect(Array.isArray(plain.body)).toBe(true);
    expect(plain.body).toHaveLength(2);
    const enabled = await t.call({
      path: org(f.main.id, '?include_totals=true&is_enabled=true&per_page=100'),
      headers: f.readOnly,
      session: s,
    });
    const disabled = await t.call({
      path: org(f.main.id, '?include_totals=true&is_enabled=false&per_page=100'),
      headers: f.readOnly,
      session: s,
    });
    expect(enabled.body.total).toBe(f.main.enabled_count);
    expect(enabled.body.connections.every((c: any) => c.is_enabled)).toBe(true);
    expect(disabled.body.connections.every((c: any) => !c.is_enabled)).toBe(true);
    expect(enabled.body.total + disabled.body.total).toBe(f.main.connection_ids.length);
  });

  it('resets nullable members to their defaults with null', async () => {
    const s = freshSession();
    const path = org(f.main.id, `/${f.main.connection_ids[0]}`);
    await t.call({
      method: 'PATCH',
      path,
      headers: f.full,
      session: s,
      body: { organization_connection_name: 'Custom', organization_access_level: 'full', is_enabled: false },
    });
    const reset = await t.call({
      method: 'PATCH',
      path,
      headers: f.full,
      session: s,
      body: { organization_connection_name: null, organization_access_level: null, is_enabled: null },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({
      organization_connection_name: reset.body.connection.name,
      organization_access_level: 'none',
      is_enabled: true,
    });
    const bad = await t.call({ method: 'PATCH', path, headers: f.full, session: s, body: { connection_id: 'con_x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errorCode).toBe('invalid_body');
    expect(bad.body.message).toMatch(/connection_id/);
  });

  it("needs each operation's own scope and names it", async () => {
    const s = freshSession();
    const cases: [string, string, string, unknown?][] = [
      ['GET', org(f.main.id), 'read'],
      ['POST', org(f.empty.id), 'create', { connection_id: f.unlinked[0] }],
      ['PATCH', org(f.main.id, `/${f.main.connection_ids[0]}`), 'update', {}],
      ['DELETE', org(f.main.id, `/${f.main.connection_ids[0]}`), 'delete'],
    ];
    for (const [method, path, verb, body] of cases) {
      const res = await t.call({ method, path, headers: f.noScope, session: s, body });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: `Insufficient scope, expected any of: ${verb}:organization_connections`,
        errorCode: 'insufficient_scope',
      });
    }
  });

  it("keeps tenants apart: another tenant's organization does not exist for this token", async () => {
    const s = freshSession();
    expect((await t.call({ path: org(f.otherOrg.id), headers: f.full, session: s })).status).toBe(404);
    expect((await t.call({ path: org(f.main.id), headers: f.otherTenant, session: s })).status).toBe(404);
    expect((await t.call({ path: org(f.otherOrg.id), headers: f.otherTenant, session: s })).status).toBe(200);
  });

  it('rejects expired, foreign-signed and malformed tokens with 401', async () => {
    const s = freshSession();
    const expect401 = async (headers: Record<string, string>, message: string) => {
      const res = await t.call({ path: org(f.main.id), headers, session: s });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe(message);
    };
    await expect401(f.expired, 'Expired token received for JSON Web Token validation');
    await expect401(f.badSignature, 'Invalid signature received for JSON Web Token validation');
    await expect401({ Authorization: 'Bearer abc.def.ghi' }, 'Invalid token');
  });

  it('rejects unknown query parameters like Auth0 does', async () => {
    const res = await t.call({ path: org(f.main.id, '?sort=name'), headers: f.full, session: freshSession() });
    expect(res.status).toBe(400);
    expect(res.body.errorCode).toBe('invalid_query_string');
    expect(res.body.message).toMatch(/sort/);
  });

  it('sends rate-limit headers on every answer and 429 past the limit, until the window resets', async () => {
    const s = freshSession();
    const ok = await t.call({ path: org(f.main.id), headers: f.full, session: s });
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'])
      expect(Number(ok.headers.get(h))).toBeGreaterThan(0);
    const on = await t.call({
      method: 'PUT',
      path: '/__control/scenarios/rate-limited',
      session: s,
      body: { params: { limit: 2, window_seconds: 60 } },
    });
    expect(on.status).toBe(200);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await t.call({ path: org(f.main.id), headers: f.full, session: s }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['1', '0', '0']);
    const reset = Number(answers[2].headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
    expect(answers[2].body.errorCode).toBe('too_many_requests');
    // Another token has a window of its own.
    expect((await t.call({ path: org(f.main.id), headers: f.readOnly, session: s })).status).toBe(200);
    await t.call({ method: 'DELETE', path: '/__control/scenarios/rate-limited', session: s });
    expect((await t.call({ path: org(f.main.id), headers: f.full, session: s })).status).toBe(200);
  });
});
