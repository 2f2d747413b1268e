import { describe, expect, it } from 'vitest';
import { mca } from '../helpers/fixtures.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let f: ReturnType<typeof mca>;
useSimulator((sim, fixtures) => {
  t = sim;
  f = mca(fixtures);
});

const base = '/mycreditapp/v1-beta';
const both = 'statuses=connected&statuses=disconnected';
const hosts = (s: string, query: string, who = 'guest', target?: string) =>
  t.call({ path: `${base}/host-connections?${query}`, headers: f.headers(who, target), session: s });
const guests = (s: string, query: string, who = 'host', target?: string) =>
  t.call({ path: `${base}/guest-connections?${query}`, headers: f.headers(who, target), session: s });

describe('MyCreditApp connections', () => {
  it('shows one record per pair from both sides', async () => {
    const s = freshSession();
    const asGuest = await t.call({
      path: `${base}/host-connections/${f.orgs.host.id}`,
      headers: f.headers('guest'),
      session: s,
    });
    const asHost = await t.call({
      path: `${base}/guest-connections/${f.orgs.guest.id}`,
      headers: f.headers('host'),
      session: s,
    });
    expect(asGuest.status).toBe(200);
    for (const key of [
      'host_organization_id',
      'guest_organization_id',
      'status',
      'archived',
      'created_at',
      'updated_at',
      'archived_at',
      'active_action_type',
    ])
      expect(asGuest.body[key], key).toEqual(asHost.body[key]);
    expect(asHost.body.guest_name).toBe('Contoso Builders');
    expect(asGuest.body.host_name).toBe('Northwind Lending');
  });

  it('filters, searches case-insensitively, sorts and counts total_items before paging', async () => {
    const s = freshSession();
    const all = (await hosts(s, `${both}&limit=100&offset=0`)).body;
    expect(all.total_items).toBe(f.orgs.guest.host_ids.length);
    const connected = (await hosts(s, 'statuses=connected&limit=100&offset=0')).body;
    expect(connected.items.every((i: any) => i.status === 'connected')).toBe(true);
    const archived = (await hosts(s, `${both}&archived=true&limit=100&offset=0`)).body;
    expect(archived.items.every((i: any) => i.archived)).toBe(true);
    const notArchived = (await hosts(s, `${both}&archived=false&limit=100&offset=0`)).body;
    expect(archived.total_items + notArchived.total_items).toBe(all.total_items);
    const actions = (await hosts(s, `${both}&active_action_types=analytics_request&limit=100&offset=0`)).body;
    expect(actions.items.every((i: any) => i.active_action_type === 'analytics_request')).toBe(true);
    const name = all.items[3].host_name as string;
    const needle = name.slice(1, 5).toUpperCase();
    const found = (await hosts(s, `${both}&search_text=${encodeURIComponent(needle)}&limit=100&offset=0`)).body;
    expect(found.items.map((i: any) => i.host_name)).toContain(name);
    expect(found.items.every((i: any) => i.host_name.toLowerCase().includes(needle.toLowerCase()))).toBe(true);
    const byName = all.items.map((i: any) => i.host_name.toLowerCase());
    expect(byName).toEqual([...byName].sort());
    const desc = (await hosts(s, `${both}&order_by=created_at&order_dir=desc&limit=100&offset=0`)).body.items.map(
      (i: any) => i.created_at,
    );
    expect(desc).toEqual([...desc].sort().reverse());
    const pages = [];
    for (let offset = 0; offset < all.total_items; offset += 7) {
      const page = (await hosts(s, `${both}&limit=7&offset=${offset}`)).body;
      expect(page.total_items).toBe(all.total_items);
      pages.push(...page.items.map((i: any) => i.host_organization_id));
    }
    expect(pages).toEqual(all.items.map((i: any) => i.host_organization_id));
  });

  it('answers 422 with one item per problem, each naming its field', async () => {
    const res = await hosts(freshSession(), 'limit=500&offset=-1&order_dir=up');
    expect(res.status).toBe(422);
    const locs = res.body.detail.map((d: any) => d.loc.join('.')).sort();
    expect(locs).toEqual(['query.limit', 'query.offset', 'query.order_dir', 'query.statuses']);
    expect(res.body.detail.find((d: any) => d.loc[1] === 'statuses')).toMatchObject({
      msg: 'Field required',
      type: 'missing',
    });
    expect(res.body.detail.find((d: any) => d.loc[1] === 'limit')).toMatchObject({
      msg: 'Input should be less than or equal to 100',
      type: 'less_than_equal',
    });
    const noHeaders = await t.call({
      path: `${base}/host-connections?${both}&limit=1&offset=0`,
      headers: { Authorization: `Bearer ${f.token('guest')}` },
      session: freshSession(),
    });
    expect(noHeaders.status).toBe(422);
    expect(noHeaders.body.detail.map((d: any) => d.loc[1]).sort()).toEqual([
      'Requester-Organization-ID',
      'Target-Organization-ID',
    ]);
  });

  it('consumes an invitation once: the guest connects, the invitation is accepted, a second use is refused', async () => {
    const s = freshSession();
    const token = f.invitation('sent');
    const body = { host_organization_id: f.orgs.host.id, invitation_token: token };
    const first = await t.call({
      method: 'POST',
      path: `${base}/host-connections`,
      headers: f.headers('invitee'),
      session: s,
      body,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      host_organization_id: f.orgs.host.id,
      guest_organization_id: f.orgs.invitee.id,
      status: 'connected',
      archived: false,
    });
    const second = await t.call({
      method: 'POST',
      path: `${base}/host-connections`,
      headers: f.headers('invitee'),
      session: s,
      body,
    });
    expect(second.status).toBe(409);
    expect(second.body.detail[0].code).toBe('invitation_already_used');
    const invitations = (
      await t.call({ path: `${base}/guest-invitations?limit=100&offset=0`, headers: f.headers('host'), session: s })
    ).body.items;
    expect(invitations.find((i: any) => i.invitation_token === token)).toMatchObject({
      status: 'accepted',
      expired: false,
    });
    const hostSide = (await guests(s, 'statuses=connected&limit=100&offset=0')).body.items.map(
      (i: any) => i.guest_organization_id,
    );
    expect(hostSide).toContain(f.orgs.invitee.id);
  });

  it('refuses an expired invitation and an unknown one', async () => {
    const s = freshSession();
    const expired = await t.call({
      method: 'POST',
      path: '/__control/mycreditapp/invitations',
      session: s,
      body: { state: 'expired' },
    });
    const res = await t.call({
      method: 'POST',
      path: `${base}/host-connections`,
      headers: f.headers('invitee'),
      session: s,
      body: { host_organization_id: f.orgs.host.id, invitation_token: expired.body.invitation_token },
    });
    expect(res.status).toBe(409);
    expect(res.body.detail[0].code).toBe('invitation_expired');
    const unknown = await t.call({
      method: 'POST',
      path: `${base}/host-connections`,
      headers: f.headers('invitee'),
      session: s,
      body: { host_organization_id: f.orgs.host.id, invitation_token: 'inv_0000000000' },
    });
    expect(unknown.status).toBe(404);
  });

  it('moves updated_at on a status change and archived_at on archive; unarchive clears it', async () => {
    const s = freshSession();
    const path = `${base}/host-connections/${f.orgs.host.id}`;
    const before = (await t.call({ path, headers: f.headers('guest'), session: s })).body;
    const changed = (
      await t.call({ method: 'PATCH', path, headers: f.headers('guest'), session: s, body: { status: 'disconnected' } })
    ).body;
    expect(changed.status).toBe('disconnected');
    expect(changed.updated_at > before.updated_at).toBe(true);
    const same = (
      await t.call({ method: 'PATCH', path, headers: f.headers('guest'), session: s, body: { status: 'disconnected' } })
    ).body;
    expect(same.updated_at).toBe(changed.updated_at);
    const gpath = `${base}/guest-connections/${f.orgs.guest.id}`;
    const archived = (
      await t.call({ method: 'PATCH', path: gpath, headers: f.headers('host'), session: s, body: { archived: true } })
    ).body;
    expect(archived.archived).toBe(true);
    expect(archived.archived_at).toBe(archived.updated_at);
    expect((await t.call({ path, headers: f.headers('guest'), session: s })).body.archived).toBe(true);
    const unarchived = (
      await t.call({ method: 'PATCH', path: gpath, headers: f.headers('host'), session: s, body: { archived: false } })
    ).body;
    expect(unarchived).toMatchObject({ archived: false, archived_at: null });
  });

  it('applies the Self / Host / Guest rules', async () => {
    const s = freshSession();
    // The host reads its guest's host list: only its own connection shows.
    const hostView = await hosts(s, `${both}&limit=100&offset=0`, 'host', f.orgs.guest.id);
    expect(hostView.status).toBe(200);
    expect(hostView.body.items.map((i: any) => i.host_organization_id)).toEqual([f.orgs.host.id]);
    expect(hostView.body.total_items).toBe(1);
    // The guest reads its host's guest list: only itself.
    const guestView = await guests(s, `${both}&limit=100&offset=0`, 'guest', f.orgs.host.id);
    expect(guestView.body.items.map((i: any) => i.guest_organization_id)).toEqual([f.orgs.guest.id]);
    // No connection: refused. Scenario not allowed: refused.
    const stranger = await hosts(s, `${both}&limit=1&offset=0`, 'unconnected', f.orgs.guest.id);
    expect(stranger.status).toBe(403);
    expect(stranger.body.detail[0].code).toBe('organization_access_denied');
    const notAllowed = await t.call({
      method: 'PATCH',
      path: `${base}/host-connections/${f.orgs.host.id}`,
      headers: f.headers('host', f.orgs.guest.id),
      session: s,
      body: { status: 'disconnected' },
    });
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.detail[0].code).toBe('scenario_not_allowed');
    // The requester must be the client's own organization.
    const spoof = await t.call({
      path: `${base}/host-connections?${both}&limit=1&offset=0`,
      headers: {
        ...f.headers('unconnected'),
        'Requester-Organization-ID': f.orgs.guest.id,
        'Target-Organization-ID': f.orgs.guest.id,
      },
      session: s,
    });
    expect(spoof.status).toBe(403);
  });

  it('creates invitations only for the future and lists them newest first', async () => {
    const s = freshSession();
    const past = await t.call({
      method: 'POST',
      path: `${base}/guest-invitations`,
      headers: f.headers('host'),
      session: s,
      body: { email: 'x@y.example', expired_at: '2001-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(422);
    expect(past.body.detail[0].loc).toEqual(['body', 'expired_at']);
    const made = await t.call({
      method: 'POST',
      path: `${base}/guest-invitations`,
      headers: f.headers('host'),
      session: s,
      body: { email: 'new@guest.example', expired_at: '2099-01-01T00:00:00Z' },
    });
    expect(made.body).toMatchObject({ status: 'sent', expired: false, host_organization_id: f.orgs.host.id });
    const listed = (
      await t.call({ path: `${base}/guest-invitations?limit=1&offset=0`, headers: f.headers('host'), session: s })
    ).body;
    expect(listed.items[0].id).toBe(made.body.id);
    const sent = (
      await t.call({
        path: `${base}/guest-invitations?invitation_statuses=expired&limit=100&offset=0`,
        headers: f.headers('host'),
        session: s,
      })
    ).body;
    expect(sent.items.every((i: any) => i.status === 'expired' && i.expired)).toBe(true);
    expect(sent.total_items).toBeGreaterThan(0);
  });
});
