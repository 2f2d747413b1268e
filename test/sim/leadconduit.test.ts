import { describe, expect, it } from 'vitest';
import { lc } from '../helpers/fixtures.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let f: ReturnType<typeof lc>;
useSimulator((sim, fixtures) => {
  t = sim;
  f = lc(fixtures);
});

const list = (session: string, headers = f.user, query = '', prefer?: string) =>
  t.call({ path: `/leadconduit/connections${query}`, headers, session, prefer });
const repair = (session: string, id: string, headers = f.superuser) =>
  t.call({ method: 'POST', path: '/leadconduit/connections/repair', headers, session, body: { connection_id: id } });
const sync = (session: string, headers = f.user) =>
  t.call({ method: 'POST', path: '/leadconduit/account_sso_sync', headers, session });

describe('LeadConduit connections', () => {
  it('merges LC rows and SSO connections: completed where both hold it, sso_only where only SSO does', async () => {
    const res = await list(freshSession());
    expect(res.status).toBe(200);
    expect(res.headers.get('x-connections-degraded')).toBeNull();
    const byStatus = (s: string) =>
      res.body
        .filter((c: any) => c.status === s)
        .map((c: any) => c.id)
        .sort();
    expect(byStatus('completed')).toEqual(f.completed.map((c) => c.id).sort());
    expect(byStatus('sso_only')).toEqual([...f.ssoOnly].sort());
    expect(f.ssoOnly.length).toBeGreaterThan(0);
  });

  it('filters by relationship_type after the merge and rejects other values naming the field', async () => {
    const s = freshSession();
    const all = (await list(s)).body;
    const sellers = (await list(s, f.user, '?relationship_type=seller')).body;
    const buyers = (await list(s, f.user, '?relationship_type=buyer')).body;
    expect(sellers.every((c: any) => c.relationship_type === 'seller')).toBe(true);
    expect(buyers.every((c: any) => c.relationship_type === 'buyer')).toBe(true);
    expect(sellers.length + buyers.length).toBe(all.length);
    expect(sellers.some((c: any) => c.status === 'sso_only') || buyers.some((c: any) => c.status === 'sso_only')).toBe(
      true,
    );
    const bad = await list(s, f.user, '?relationship_type=partner');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/relationship_type/);
  });

  it('fails open when SSO is unreachable: 200, LC rows only, X-Connections-Degraded: true', async () => {
    const res = await list(freshSession(), f.user, '', 'scenario=sso-outage');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-connections-degraded')).toBe('true');
    expect(res.body.map((c: any) => c.id).sort()).toEqual(f.completed.map((c) => c.id).sort());
    expect(res.body.every((c: any) => c.status === 'completed')).toBe(true);
  });

  it('resolves a connection by its id, SSO connection id and invitation id to the same record', async () => {
    const s = freshSession();
    const c = f.completed[0];
    const answers = await Promise.all(
      [c.id, c.external_id, c.invitation_id].map((id) =>
        t.call({ path: `/leadconduit/connections/${id}`, headers: f.user, session: s }),
      ),
    );
    for (const a of answers) expect(a.status).toBe(200);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0].body).toMatchObject({ id: c.id, external_id: c.external_id, invitation_id: c.invitation_id });
    const invitation = (await t.call({ path: '/__control/state', session: s })).body.apis.leadconduit
      .networkConnections[f.ssoOnly[0]].invitation_id;
    const ssoOnly = await t.call({ path: `/leadconduit/connections/${invitation}`, headers: f.user, session: s });
    expect(ssoOnly.body).toMatchObject({ id: f.ssoOnly[0], external_id: f.ssoOnly[0] });
    const foreign = await t.call({
      path: `/leadconduit/connections/${f.otherAccount[0]}`,
      headers: f.user,
      session: s,
    });
    expect(foreign.status).toBe(404);
  });

  it('repairs an SSO-only connection once: 201 {id}, then completed in the list, then 409', async () => {
    const s = freshSession();
    const target = { id: f.ssoOnly[0] };
    const first = await repair(s, target.id);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: target.id });
    const entry = (await list(s)).body.find((c: any) => c.id === target.id);
    expect(entry.status).toBe('completed');
    const degraded = await list(s, f.user, '', 'scenario=sso-outage');
    expect(degraded.body.some((c: any) => c.id === target.id)).toBe(true);
    const again = await repair(s, target.id);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/connection_id/);
  });

  it('refuses a repair from a non-superuser with 401 and the LeadConduit body', async () => {
    const res = await repair(freshSession(), f.ssoOnly[0], f.user);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'authentication failed' });
  });

  it('answers 422 for a connection SSO holds only for another account, or not at all, and 400 for a bad id', async () => {
    const s = freshSession();
    expect((await repair(s, f.otherSsoOnly[0])).status).toBe(422);
    expect((await repair(s, '0123456789abcdef01234567')).status).toBe(422);
    const bad = await repair(s, 'xyz');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/connection_id/);
    const missing = await t.call({
      method: 'POST',
      path: '/leadconduit/connections/repair',
      headers: f.superuser,
      session: s,
      body: {},
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/connection_id/);
  });

  it('changes nothing when a repair cannot reach SSO (503)', async () => {
    const s = freshSession();
    const before = (await list(s)).body;
    const res = await t.call({
      method: 'POST',
      path: '/leadconduit/connections/repair',
      headers: f.superuser,
      session: s,
      body: { connection_id: f.ssoOnly[0] },
      prefer: 'scenario=sso-outage',
    });
    expect(res.status).toBe(503);
    expect((await list(s)).body).toEqual(before);
  });

  it('ignores the Basic username, needs the key, and keeps each account to its own connections', async () => {
    const s = freshSession();
    const key = f.userKey;
    const anyName = await list(s, { Authorization: `Basic ${Buffer.from(`X:${key}`).toString('base64')}` });
    expect(anyName.status).toBe(200);
    for (const headers of [
      {},
      { Authorization: 'Basic ' + Buffer.from('API:wrong').toString('base64') },
      { Authorization: 'Bearer abc' },
    ]) {
      const res = await list(s, headers as never);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'authentication failed' });
    }
    const other = (await list(s, f.otherUser)).body.map((c: any) => c.id);
    const mine = new Set((await list(s)).body.map((c: any) => c.id));
    expect(other.length).toBeGreaterThan(0);
    expect(other.some((id: string) => mine.has(id))).toBe(false);
  });
});

describe('LeadConduit account sync', () => {
  it('copies SSO values into the account and agrees with the connection list', async () => {
    const s = freshSession();
    const res = await sync(s);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const account = res.body.account;
    expect(
      Object.keys((await t.call({ path: '/__control/state', session: s })).body.apis.leadconduit.accounts)[0],
    ).toBe(account.id);
    expect(account.name).not.toMatch(/before sync/);
    const connections = (await list(s)).body;
    const ids = (type: string) =>
      connections
        .filter((c: any) => c.relationship_type === type)
        .map((c: any) => c.connected_account.id)
        .sort();
    expect(account.connected_buyers.map((a: any) => a.id).sort()).toEqual(ids('buyer'));
    expect(account.connected_sellers.map((a: any) => a.id).sort()).toEqual(ids('seller'));
    const pending = [...account.pending_buyers, ...account.pending_sellers];
    expect(pending.length).toBe(3);
    for (const p of pending) expect(p.expired).toBe(new Date(p.invitation_expires_at) <= new Date());
    expect(pending.some((p: any) => p.expired)).toBe(true);
    if (account.billing_type !== 'contracted') expect(account).not.toHaveProperty('financial_state');
  });

  it('keeps agreeing after a new SSO-only connection and its repair', async () => {
    const s = freshSession();
    const created = await t.call({
      method: 'POST',
      path: '/__control/leadconduit/sso-only-connections',
      session: s,
      body: { relationship_type: 'buyer' },
    });
    expect(created.status).toBe(201);
    const entry = (await list(s)).body.find((c: any) => c.id === created.body.id);
    expect(entry.status).toBe('sso_only');
    const before = (await sync(s)).body.account.connected_buyers.map((a: any) => a.id);
    expect(before).toContain(entry.connected_account.id);
    expect((await repair(s, created.body.id)).status).toBe(201);
    const after = (await sync(s)).body.account.connected_buyers.map((a: any) => a.id);
    expect(after.sort()).toEqual(before.sort());
  });

  it('answers 503 during an SSO outage and leaves the account as it was', async () => {
    const s = freshSession();
    const res = await t.call({
      method: 'POST',
      path: '/leadconduit/account_sso_sync',
      headers: f.user,
      session: s,
      prefer: 'scenario=sso-outage',
    });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: 'SSO service unavailable' });
    const exported = (await t.call({ path: '/__control/state', session: s })).body;
    expect(Object.values<any>(exported.apis.leadconduit.accounts)[0].name).toMatch(/before sync/);
  });
});
