import type { CheckContext, Exchange } from '../types.js';
import { bearer, defineChecks, expectStatus, status } from './helpers.js';
import { raceCheck } from './race.js';

type Ctx = CheckContext<'auth0'>;
const full = (ctx: Ctx) => ({ Authorization: bearer(ctx.profile.tokens.full) });
const main = (ctx: Ctx) => ctx.profile.organizations.main;
/** An organization links are added to (and removed from again). */
const scratch = (ctx: Ctx) => ctx.profile.organizations.empty ?? ctx.profile.organizations.main;
const unlinked = (ctx: Ctx, i: number) =>
  ctx.need(ctx.profile.unlinked_connection_ids?.[i], `unlinked_connection_ids[${i}]`);
/** A connection the check links and unlinks again: minted fresh, else the profile's i-th unlinked one. */
const toLink = async (ctx: Ctx, i: number) =>
  (
    await ctx.fixture('unlinked auth0 connection', { organization_id: scratch(ctx).id }, () => ({
      connection_id: unlinked(ctx, i),
      organization_id: scratch(ctx).id,
    }))
  ).connection_id;

/** The two views of one link (GA `enabled_connections`, EA `connections`), each request typed by its own operation. */
const views = (ctx: Ctx, org: string, cid: string) => {
  const headers = full(ctx);
  return {
    ga: {
      add: () => ctx.send('post_enabled_connections', { headers, path: { id: org }, body: { connection_id: cid } }),
      get: () => ctx.send('get_enabled_connections_by_connectionId', { headers, path: { id: org, connectionId: cid } }),
      patch: () =>
        ctx.send('patch_enabled_connections_by_connectionId', {
          headers,
          path: { id: org, connectionId: cid },
          body: { show_as_button: false },
        }),
      del: () =>
        ctx.send('delete_enabled_connections_by_connectionId', { headers, path: { id: org, connectionId: cid } }),
    },
    ea: {
      add: () => ctx.send('post_organization_connection', { headers, path: { id: org }, body: { connection_id: cid } }),
      get: () => ctx.send('get_organization_connection', { headers, path: { id: org, connection_id: cid } }),
      patch: () =>
        ctx.send('patch_organization_connection', {
          headers,
          path: { id: org, connection_id: cid },
          body: { show_as_button: false, organization_access_level: 'limited' },
        }),
      del: () => ctx.send('delete_organization_connection', { headers, path: { id: org, connection_id: cid } }),
    },
  };
};
/** The totals envelope a list asked with include_totals=true answers. */
function totals(ctx: Ctx, ex: Exchange<'get_organization_connections'>, what: string) {
  const answer = ctx.expectAnswer(ex, 200, what);
  const envelope = Array.isArray(answer) ? undefined : answer;
  ctx.expect(envelope, `${what}: expected the totals envelope, got a bare array`, ex);
  // expect has stopped the check without one; need tells the compiler so.
  return ctx.need(envelope, 'the totals envelope');
}
/** Members both views of a link have. */
const shared = ['show_as_button', 'is_signup_enabled', 'assign_membership_on_login'] as const;

export const auth0Checks = defineChecks('auth0', [
  {
    name: 'auth0_link_lifecycle',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['auth0'],
    description: 'Add (201) → get (200, same) → patch (200, changed) → list (contains it) → delete (204) → get (404).',
    async run(ctx) {
      const org = scratch(ctx).id;
      const cid = await toLink(ctx, 0);
      const path = { id: org, connection_id: cid };
      const addEx = await ctx.send('post_organization_connection', {
        headers: full(ctx),
        path: { id: org },
        body: { connection_id: cid },
      });
      const added = ctx.expectAnswer(addEx, 201, 'add');
      const gotEx = await ctx.send('get_organization_connection', { headers: full(ctx), path });
      const got = ctx.expectAnswer(gotEx, 200, 'get after add');
      ctx.expect(JSON.stringify(got) === JSON.stringify(added), 'get after add: not the link the add returned', gotEx);
      const patchEx = await ctx.send('patch_organization_connection', {
        headers: full(ctx),
        path,
        body: { is_enabled: false, organization_access_level: 'limited' },
      });
      const patched = ctx.expectAnswer(patchEx, 200, 'patch');
      ctx.expect(
        patched.is_enabled === false && patched.organization_access_level === 'limited',
        'patch did not change is_enabled / organization_access_level',
        patchEx,
      );
      const listEx = await ctx.send('get_organization_connections', {
        headers: full(ctx),
        path: { id: org },
        query: { per_page: 100 },
      });
      const listed = ctx.expectAnswer(listEx, 200, 'list');
      ctx.expect(
        Array.isArray(listed) && listed.some((l) => l.connection_id === cid && l.is_enabled === false),
        'the patched link is not in the list as patched',
        listEx,
      );
      const deleted = await ctx.send('delete_organization_connection', { headers: full(ctx), path });
      expectStatus(ctx, deleted, 204, 'delete');
      const gone = await ctx.send('get_organization_connection', { headers: full(ctx), path });
      expectStatus(ctx, gone, 404, 'get after delete');
    },
  },
  {
    name: 'auth0_cross_view_link',
    tier: 'stateful',
    apis: ['auth0'],
    description:
      'The GA (enabled_connections) and EA (connections) views show the same links: added through one, a link is read, patched and deleted through the other, each view with its own members.',
    async run(ctx) {
      const org = scratch(ctx).id;
      const cid = unlinked(ctx, 3);
      const { ga, ea } = views(ctx, org, cid);
      for (const [from, to] of [
        [ga, ea],
        [ea, ga],
      ]) {
        const addEx = await from.add();
        const added = ctx.expectAnswer(addEx, 201, addEx.operationId);
        const gotEx = await to.get();
        const got = ctx.expectAnswer(gotEx, 200, `${gotEx.operationId} after ${addEx.operationId}`);
        ctx.expect(
          got.connection_id === cid,
          `${gotEx.operationId} after ${addEx.operationId}: the other view does not show the link`,
          gotEx,
        );
        ctx.expect(
          shared.every((k) => got[k] === added[k]),
          `${gotEx.operationId}: members both views share differ from what ${addEx.operationId} answered`,
          gotEx,
        );
        const patchEx = await to.patch();
        ctx.expect(
          ctx.expectAnswer(patchEx, 200, patchEx.operationId).show_as_button === false,
          `${patchEx.operationId}: expected show_as_button false`,
          patchEx,
        );
        const seenEx = await from.get();
        ctx.expect(
          ctx.expectAnswer(seenEx, 200, `${seenEx.operationId} after ${patchEx.operationId}`).show_as_button === false,
          `${seenEx.operationId} after ${patchEx.operationId}: the change is not seen`,
          seenEx,
        );
        const deleted = await to.del();
        expectStatus(ctx, deleted, 204, deleted.operationId);
        const gone = await from.get();
        expectStatus(ctx, gone, 404, `${gone.operationId} after ${deleted.operationId}`);
      }
    },
  },
  {
    name: 'auth0_duplicate_link',
    sharing: 'read',
    tier: 'stateful',
    apis: ['auth0'],
    description: 'Adding a connection the organization already has answers 409.',
    async run(ctx) {
      const cid = ctx.need(main(ctx).connection_ids[0], 'organizations.main with a connection');
      const ex = await ctx.send('post_organization_connection', {
        headers: full(ctx),
        path: { id: main(ctx).id },
        body: { connection_id: cid },
      });
      expectStatus(ctx, ex, 409, 'duplicate add');
    },
  },
  {
    name: 'auth0_paging',
    sharing: 'read',
    tier: 'stateful',
    apis: ['auth0'],
    description:
      'Pages of include_totals=true cover every link exactly once; start = page × per_page, limit = per_page, total exact.',
    async run(ctx) {
      const expected = [...main(ctx).connection_ids].sort();
      const seen: string[] = [];
      const perPage = 3;
      for (let page = 0; page <= expected.length / perPage + 1; page++) {
        const ex = await ctx.send('get_organization_connections', {
          headers: full(ctx),
          path: { id: main(ctx).id },
          query: { include_totals: true, per_page: perPage, page },
        });
        const b = totals(ctx, ex, `page ${page}`);
        ctx.expect(b.total === expected.length, `page ${page}: total ${b.total}, expected ${expected.length}`, ex);
        ctx.expect(
          b.start === page * perPage && b.limit === perPage,
          `page ${page}: start/limit ${b.start}/${b.limit}, expected ${page * perPage}/${perPage}`,
          ex,
        );
        seen.push(...b.connections.map((x) => x.connection_id));
      }
      ctx.expect(seen.length === new Set(seen).size, 'a link appeared on two pages');
      ctx.expect(
        [...seen].sort().join() === expected.join(),
        `pages hold ${seen.length} links, the organization has ${expected.length}`,
      );
      const plainEx = await ctx.send('get_organization_connections', {
        headers: full(ctx),
        path: { id: main(ctx).id },
        query: { per_page: 2 },
      });
      const plain = ctx.expectAnswer(plainEx, 200, 'include_totals=false');
      ctx.expect(
        Array.isArray(plain) && plain.length === Math.min(2, expected.length),
        'include_totals=false did not answer a bare array of per_page links',
        plainEx,
      );
    },
  },
  {
    name: 'auth0_enabled_filter',
    sharing: 'read',
    tier: 'stateful',
    apis: ['auth0'],
    description: 'is_enabled filters on the flag, and the totals of true and false add up to all.',
    async run(ctx) {
      const q = (v?: boolean) =>
        ctx.send('get_organization_connections', {
          headers: full(ctx),
          path: { id: main(ctx).id },
          query: { include_totals: true, per_page: 100, ...(v === undefined ? {} : { is_enabled: v }) },
        });
      const [allEx, onEx, offEx] = [await q(), await q(true), await q(false)];
      const [all, on, off] = [
        totals(ctx, allEx, 'all links'),
        totals(ctx, onEx, 'is_enabled=true'),
        totals(ctx, offEx, 'is_enabled=false'),
      ];
      ctx.expect(
        on.connections.every((x) => x.is_enabled === true),
        'is_enabled=true returned a disabled link',
        onEx,
      );
      ctx.expect(
        off.connections.every((x) => x.is_enabled === false),
        'is_enabled=false returned an enabled link',
        offEx,
      );
      ctx.expect(
        on.total + off.total === all.total,
        `enabled ${on.total} + disabled ${off.total} ≠ all ${all.total}`,
        allEx,
      );
      const count = main(ctx).enabled_count;
      if (count !== undefined)
        ctx.expect(on.total === count, `is_enabled=true total ${on.total}, the profile says ${count}`, onEx);
    },
  },
  {
    name: 'auth0_unknown_resources',
    sharing: 'read',
    tier: 'stateful',
    apis: ['auth0'],
    description:
      'A connection the tenant does not have cannot be added (404); a link that does not exist cannot be patched or deleted (404).',
    async run(ctx) {
      const org = scratch(ctx).id;
      const add = await ctx.send('post_organization_connection', {
        headers: full(ctx),
        path: { id: org },
        body: { connection_id: 'con_connkit_missing' },
      });
      expectStatus(ctx, add, 404, 'adding an unknown connection');
      const path = { id: org, connection_id: unlinked(ctx, 2) };
      const patch = await ctx.send('patch_organization_connection', {
        headers: full(ctx),
        path,
        body: { is_enabled: true },
      });
      expectStatus(ctx, patch, 404, 'patching a link that does not exist');
      const del = await ctx.send('delete_organization_connection', { headers: full(ctx), path });
      expectStatus(ctx, del, 404, 'deleting a link that does not exist');
    },
  },
  {
    name: 'auth0_tenant_isolation',
    sharing: 'read',
    tier: 'stateful',
    apis: ['auth0'],
    description: 'A token of one tenant finds no organization of another (404), both ways.',
    async run(ctx) {
      const other = ctx.need(ctx.profile.organizations.other_tenant, 'organizations.other_tenant');
      const a = await ctx.send('get_organization_connections', { headers: full(ctx), path: { id: other.id } });
      expectStatus(ctx, a, 404, "another tenant's organization");
      if (ctx.profile.tokens.other_tenant) {
        const b = await ctx.send('get_organization_connections', {
          headers: { Authorization: bearer(ctx.profile.tokens.other_tenant) },
          path: { id: main(ctx).id },
        });
        expectStatus(ctx, b, 404, "this tenant's organization with another tenant's token");
      }
    },
  },
  {
    name: 'auth0_rate_limit',
    sharing: 'exclusive',
    tier: 'fault',
    apis: ['auth0'],
    needsControl: true,
    description:
      'Past the limit the API answers 429 with X-RateLimit-Limit, -Remaining (0) and -Reset (epoch seconds, in the future).',
    async run(ctx) {
      const control = ctx.need(ctx.control, 'the control API');
      await control.scenario('rate-limited', true, { limit: 1, window_seconds: 60 });
      const q = () =>
        ctx.send(
          'get_organization_connections',
          { headers: full(ctx), path: { id: main(ctx).id } },
          { expectFault: true },
        );
      const first = await q();
      expectStatus(ctx, first, 200, 'first request within the limit');
      const limited = await q();
      expectStatus(ctx, limited, 429, 'past the limit');
      const h = ctx.need(limited.response, 'an answer past the limit').headers;
      for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'])
        ctx.expect(/^\d+$/.test(h[name] ?? ''), `429 without a numeric ${name}`, limited);
      ctx.expect(
        h['x-ratelimit-remaining'] === '0',
        `X-RateLimit-Remaining is ${String(h['x-ratelimit-remaining'])} on a 429`,
        limited,
      );
      ctx.expect(
        Number(h['x-ratelimit-reset']) >= Math.floor(Date.now() / 1000),
        'X-RateLimit-Reset lies in the past',
        limited,
      );
      // The window is the token's, whatever the operation.
      for (const op of ctx.index.operations.filter((o) => o.id !== 'get_organization_connections')) {
        const base = ctx.baseline(op.id);
        if (!base) continue;
        const ex = await ctx.sendRaw(op.id, base, { expectFault: true });
        ctx.expect(status(ex) === 429, `${op.id} past the limit: expected 429, got ${status(ex)}`, ex);
      }
      await control.scenario('rate-limited', false);
    },
  },
  raceCheck({
    api: 'auth0',
    name: 'auth0_add_race',
    copies: 'adds of one connection to one organization',
    setup: async (ctx) => ({ org: scratch(ctx).id, cid: await toLink(ctx, 1) }),
    operationId: 'post_organization_connection',
    request: (ctx, { org, cid }) => ({ headers: full(ctx), path: { id: org }, body: { connection_id: cid } }),
    won: 201,
    async after(ctx, { org, cid }, link) {
      ctx.expect(link.connection_id === cid, 'the winning add answers another connection');
      const got = await ctx.send('get_organization_connection', {
        headers: full(ctx),
        path: { id: org, connection_id: cid },
      });
      ctx.expect(
        JSON.stringify(ctx.expectAnswer(got, 200, 'the link after the race')) === JSON.stringify(link),
        'the link after the race is not the one the winning add answered',
        got,
      );
    },
    cleanup: (ctx, { org, cid }) =>
      ctx.send('delete_organization_connection', { headers: full(ctx), path: { id: org, connection_id: cid } }),
  }),
]);
