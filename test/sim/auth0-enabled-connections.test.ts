import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { reasons } from '../../src/sim/vendors/auth0/errors.js';
import { a0 } from '../helpers/fixtures.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let f: ReturnType<typeof a0>;
useSimulator((sim, fixtures) => {
  t = sim;
  f = a0(fixtures);
});

// The two views of one set of links: EA (`connections`) and GA (`enabled_connections`).
const ea = (org: string, rest = '') => `/auth0/api/v2/organizations/${org}/connections${rest}`;
const ga = (org: string, rest = '') => `/auth0/api/v2/organizations/${org}/enabled_connections${rest}`;
const gaMembers = ['assign_membership_on_login', 'connection', 'connection_id', 'is_signup_enabled', 'show_as_button'];

describe('Auth0 GA enabled connections: a second view of the same links', () => {
  it('a link added through GA is read, patched and deleted through EA, each view with its own members', async () => {
    const s = freshSession();
    const cid = f.unlinked[0];
    const added = await t.call({
      method: 'POST',
      path: ga(f.empty.id),
      headers: f.full,
      session: s,
      body: { connection_id: cid, show_as_button: false },
    });
    expect(added.status).toBe(201);
    expect(Object.keys(added.body).sort()).toEqual(gaMembers);
    expect(added.body).toMatchObject({
      connection_id: cid,
      show_as_button: false,
      assign_membership_on_login: false,
      is_signup_enabled: false,
    });

    const seen = await t.call({ path: ea(f.empty.id, `/${cid}`), headers: f.full, session: s });
    expect(seen.status).toBe(200);
    // The EA-only members take their defaults.
    expect(seen.body).toEqual({
      ...added.body,
      organization_connection_name: added.body.connection.name,
      organization_access_level: 'none',
      is_enabled: true,
    });

    const patched = await t.call({
      method: 'PATCH',
      path: ea(f.empty.id, `/${cid}`),
      headers: f.full,
      session: s,
      body: { assign_membership_on_login: true, organization_access_level: 'full' },
    });
    expect(patched.body).toMatchObject({
      assign_membership_on_login: true,
      organization_access_level: 'full',
      show_as_button: false,
    });
    const again = await t.call({ path: ga(f.empty.id, `/${cid}`), headers: f.readOnly, session: s });
    expect(again.body).toEqual({ ...added.body, assign_membership_on_login: true });

    const deleted = await t.call({ method: 'DELETE', path: ea(f.empty.id, `/${cid}`), headers: f.full, session: s });
    expect(deleted.status).toBe(204);
    const gone = await t.call({ path: ga(f.empty.id, `/${cid}`), headers: f.full, session: s });
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'The organization connection does not exist.',
      errorCode: 'inexistent_organization_connection',
    });
  });

  it('a link added through EA is read, patched and deleted through GA, EA-only members left alone', async () => {
    const s = freshSession();
    const cid = f.unlinked[1];
    const added = await t.call({
      method: 'POST',
      path: ea(f.empty.id),
      headers: f.full,
      session: s,
      body: { connection_id: cid, organization_connection_name: 'Partner SSO', organization_access_level: 'readonly' },
    });
    expect(added.status).toBe(201);
    const listed = await t.call({ path: ga(f.empty.id), headers: f.full, session: s });
    expect(listed.body.map((l: any) => l.connection_id)).toContain(cid);

    const patched = await t.call({
      method: 'PATCH',
      path: ga(f.empty.id, `/${cid}`),
      headers: f.full,
      session: s,
      body: { is_signup_enabled: true, show_as_button: false },
    });
    expect(patched.status).toBe(200);
    expect(Object.keys(patched.body).sort()).toEqual(gaMembers);
    expect(patched.body).toMatchObject({ is_signup_enabled: true, show_as_button: false });
    const seen = await t.call({ path: ea(f.empty.id, `/${cid}`), headers: f.full, session: s });
    expect(seen.body).toMatchObject({
      is_signup_enabled: true,
      show_as_button: false,
      organization_connection_name: 'Partner SSO',
      organization_access_level: 'readonly',
      is_enabled: true,
    });

    expect(
      (await t.call({ method: 'DELETE', path: ga(f.empty.id, `/${cid}`), headers: f.full, session: s })).status,
    ).toBe(204);
    expect((await t.call({ path: ea(f.empty.id, `/${cid}`), headers: f.full, session: s })).status).toBe(404);
    expect(
      (await t.call({ method: 'DELETE', path: ga(f.empty.id, `/${cid}`), headers: f.full, session: s })).status,
    ).toBe(404);
  });

  it('shows only enabled links; adding a disabled one through GA enables it again and keeps its EA members', async () => {
    const s = freshSession();
    const cid = f.main.connection_ids[0];
    await t.call({
      method: 'PATCH',
      path: ea(f.main.id, `/${cid}`),
      headers: f.full,
      session: s,
      body: { is_enabled: false, organization_connection_name: 'Kept', organization_access_level: 'limited' },
    });
    expect((await t.call({ path: ga(f.main.id, `/${cid}`), headers: f.full, session: s })).status).toBe(404);
    expect(
      (await t.call({ method: 'PATCH', path: ga(f.main.id, `/${cid}`), headers: f.full, session: s, body: {} })).status,
    ).toBe(404);
    const list = await t.call({ path: ga(f.main.id, '?per_page=100'), headers: f.full, session: s });
    expect(list.body.map((l: any) => l.connection_id)).not.toContain(cid);

    const enabled = await t.call({
      method: 'POST',
      path: ga(f.main.id),
      headers: f.full,
      session: s,
      body: { connection_id: cid, assign_membership_on_login: true },
    });
    expect(enabled.status).toBe(201);
    expect(enabled.body.assign_membership_on_login).toBe(true);
    const seen = await t.call({ path: ea(f.main.id, `/${cid}`), headers: f.full, session: s });
    expect(seen.body).toMatchObject({
      is_enabled: true,
      organization_connection_name: 'Kept',
      organization_access_level: 'limited',
      assign_membership_on_login: true,
    });
    const total = await t.call({ path: ea(f.main.id, '?include_totals=true'), headers: f.full, session: s });
    expect(total.body.total).toBe(f.main.connection_ids.length);
  });

  it('pages cover every enabled link exactly once, with exact totals; the default is a bare array', async () => {
    const s = freshSession();
    const enabled = await t.call({
      path: ea(f.main.id, '?is_enabled=true&per_page=100'),
      headers: f.readOnly,
      session: s,
    });
    const expected = enabled.body.map((l: any) => l.connection_id);
    expect(expected).toHaveLength(f.main.enabled_count);
    const seen: string[] = [];
    for (let page = 0; ; page++) {
      const res = await t.call({
        path: ga(f.main.id, `?include_totals=true&per_page=4&page=${page}`),
        headers: f.readOnly,
        session: s,
      });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['enabled_connections', 'limit', 'start', 'total']);
      expect(res.body).toMatchObject({ start: page * 4, limit: 4, total: f.main.enabled_count });
      if (!res.body.enabled_connections.length) break;
      seen.push(...res.body.enabled_connections.map((c: any) => c.connection_id));
    }
    expect(seen).toEqual(expected);
    const plain = await t.call({ path: ga(f.main.id, '?per_page=3&page=1'), headers: f.readOnly, session: s });
    expect(plain.body.map((c: any) => c.connection_id)).toEqual(expected.slice(3, 6));
    const byDefault = await t.call({ path: ga(f.main.id), headers: f.readOnly, session: s });
    expect(byDefault.body.map((c: any) => c.connection_id)).toEqual(expected.slice(0, 50));
    const empty = await t.call({ path: ga(f.empty.id, '?include_totals=true'), headers: f.readOnly, session: s });
    expect(empty.body).toEqual({ start: 0, limit: 50, total: 0, enabled_connections: [] });
  });

  it('refuses what the GA view does not document: is_enabled filter, EA-only members, bad paging', async () => {
    const s = freshSession();
    const filter = await t.call({ path: ga(f.main.id, '?is_enabled=true'), headers: f.full, session: s });
    expect(filter.status).toBe(400);
    expect(filter.body.errorCode).toBe('invalid_query_string');
    const perPage = await t.call({ path: ga(f.main.id, '?per_page=101'), headers: f.full, session: s });
    expect(perPage.status).toBe(400);
    expect(perPage.body.message).toMatch(/per_page/);
    const addEa = await t.call({
      method: 'POST',
      path: ga(f.empty.id),
      headers: f.full,
      session: s,
      body: { connection_id: f.unlinked[2], organization_access_level: 'full' },
    });
    expect(addEa.status).toBe(400);
    expect(addEa.body).toMatchObject({
      errorCode: 'invalid_body',
      message: expect.stringMatching(/organization_access_level/),
    });
    const patchEa = await t.call({
      method: 'PATCH',
      path: ga(f.main.id, `/${f.main.connection_ids[1]}`),
      headers: f.full,
      session: s,
      body: { is_enabled: false },
    });
    expect(patchEa.status).toBe(400);
    const longId = await t.call({ path: ga(f.main.id, `/${'c'.repeat(51)}`), headers: f.full, session: s });
    expect(longId.status).toBe(400);
    expect(longId.body.errorCode).toBe('invalid_uri');
  });

  it('answers 409 for a connection already enabled and 404 for unknown organizations and connections', async () => {
    const s = freshSession();
    const dup = await t.call({
      method: 'POST',
      path: ga(f.main.id),
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
    const unknownConn = await t.call({
      method: 'POST',
      path: ga(f.main.id),
      headers: f.full,
      session: s,
      body: { connection_id: 'con_doesnotexist' },
    });
    expect(unknownConn.status).toBe(404);
    expect(unknownConn.body.errorCode).toBe('inexistent_connection');
    for (const path of [ga(f.otherOrg.id), ga('org_doesnotexist', `/${f.main.connection_ids[1]}`)]) {
      const res = await t.call({ path, headers: f.full, session: s });
      expect(res.status).toBe(404);
      expect(res.body.errorCode).toBe('inexistent_organization');
    }
    // Another tenant's token does not see this tenant's organization either.
    expect((await t.call({ path: ga(f.main.id), headers: f.otherTenant, session: s })).status).toBe(404);
  });

  it("needs each operation's own scope and names it; expired tokens answer 401", async () => {
    const s = freshSession();
    const link = ga(f.main.id, `/${f.main.connection_ids[1]}`);
    const cases: [string, string, string, unknown?][] = [
      ['GET', ga(f.main.id), 'read'],
      ['GET', link, 'read'],
      ['POST', ga(f.empty.id), 'create', { connection_id: f.unlinked[0] }],
      ['PATCH', link, 'update', {}],
      ['DELETE', link, 'delete'],
    ];
    for (const [method, path, verb, body] of cases) {
      const res = await t.call({ method, path, headers: verb === 'read' ? f.noScope : f.readOnly, session: s, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: `Insufficient scope, expected any of: ${verb}:organization_connections`,
        errorCode: 'insufficient_scope',
      });
      const expired = await t.call({ method, path, headers: f.expired, session: s, body });
      expect(expired.status).toBe(401);
      expect(expired.body.errorCode).toBe('token_expired');
    }
    expect((await t.call({ path: link, headers: f.readOnly, session: s })).status).toBe(200);
  });

  it('names every status it answers with the reason phrase HTTP gives it', () => {
    for (const [status, phrase] of Object.entries(reasons)) expect(phrase, status).toBe(STATUS_CODES[Number(status)]);
  });
});
