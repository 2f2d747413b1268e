import type { CheckContext } from '../types.js';
import {
  bearer,
  body,
  defineChecks,
  dig,
  expectOneWinner,
  expectStatus,
  fields,
  num,
  objects,
  race,
  raceSize,
  status,
} from './helpers.js';

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
      const added = await ctx.send('post_organization_connection', {
        headers: full(ctx),
        path: { id: org },
        body: { connection_id: cid },
      });
      expectStatus(ctx, added, 201, 'add');
      const got = await ctx.send('get_organization_connection', { headers: full(ctx), path });
      ctx.expect(
        status(got) === 200 && JSON.stringify(body(got)) === JSON.stringify(body(added)),
        'get after add: not the link the add returned',
        got,
      );
      const patched = await ctx.send('patch_organization_connection', {
        headers: full(ctx),
        path,
        body: { is_enabled: false, organization_access_level: 'limited' },
      });
      ctx.expect(
        status(patched) === 200 &&
          fields(patched).is_enabled === false &&
          fields(patched).organization_access_level === 'limited',
        'patch did not change is_enabled / organization_access_level',
        patched,
      );
      const listed = await ctx.send('get_organization_connections', {
        headers: full(ctx),
        path: { id: org },
        query: { per_page: 100 },
      });
      ctx.expect(
        objects(body(listed)).some((l) => l.connection_id === cid && l.is_enabled === false),
        'the patched link is not in the list as patched',
        listed,
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
      const views = {
        ga: {
          add: 'post_enabled_connections',
          get: 'get_enabled_connections_by_connectionId',
          patch: 'patch_enabled_connections_by_connectionId',
          del: 'delete_enabled_connections_by_connectionId',
          param: 'connectionId',
          change: { show_as_button: false },
        },
        ea: {
          add: 'post_organization_connection',
          get: 'get_organization_connection',
          patch: 'patch_organization_connection',
          del: 'delete_organization_connection',
          param: 'connection_id',
          change: { show_as_button: false, organization_access_level: 'limited' },
        },
      } as const;
      for (const [from, to] of [
        [views.ga, views.ea],
        [views.ea, views.ga],
      ]) {
        const path = (v: typeof from) => ({ id: org, [v.param]: cid });
        const added = await ctx.send(from.add, { headers: full(ctx), path: { id: org }, body: { connection_id: cid } });
        ctx.expect(status(added) === 201, `${from.add}: expected 201, got ${status(added)}`, added);
        const got = await ctx.send(to.get, { headers: full(ctx), path: path(to) });
        ctx.expect(
          status(got) === 200 && fields(got).connection_id === cid,
          `${to.get} after ${from.add}: the other view does not show the link`,
          got,
        );
        ctx.expect(
          ['show_as_button', 'is_signup_enabled', 'assign_membership_on_login'].every(
            (k) => dig(body(got), k) === dig(body(added), k),
          ),
          `${to.get}: members both views share differ from what ${from.add} answered`,
          got,
        );
        const patched = await ctx.send(to.patch, { headers: full(ctx), path: path(to), body: to.change });
        ctx.expect(
          status(patched) === 200 && fields(patched).show_as_button === false,
          `${to.patch}: expected 200 with show_as_button false, got ${status(patched)}`,
          patched,
        );
        const seen = await ctx.send(from.get, { headers: full(ctx), path: path(from) });
        ctx.expect(
          status(seen) === 200 && fields(seen).show_as_button === false,
          `${from.get} after ${to.patch}: the change is not seen`,
          seen,
        );
        const deleted = await ctx.send(to.del, { headers: full(ctx), path: path(to) });
        ctx.expect(status(deleted) === 204, `${to.del}: expected 204, got ${status(deleted)}`, deleted);
        const gone = await ctx.send(from.get, { headers: full(ctx), path: path(from) });
        ctx.expect(status(gone) === 404, `${from.get} after ${to.del}: expected 404, got ${status(gone)}`, gone);
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
        const b = fields(ex);
        ctx.expect(
          status(ex) === 200 && Array.isArray(b.connections),
          `page ${page}: expected the totals envelope, got ${status(ex)}`,
          ex,
        );
        ctx.expect(
          b.total === expected.length,
          `page ${page}: total ${String(b.total)}, expected ${expected.length}`,
          ex,
        );
        ctx.expect(
          b.start === page * perPage && b.limit === perPage,
          `page ${page}: start/limit ${String(b.start)}/${String(b.limit)}, expected ${page * perPage}/${perPage}`,
          ex,
        );
        seen.push(...objects(b.connections).map((x) => String(x.connection_id)));
      }
      ctx.expect(seen.length === new Set(seen).size, 'a link appeared on two pages');
      ctx.expect(
        [...seen].sort().join() === expected.join(),
        `pages hold ${seen.length} links, the organization has ${expected.length}`,
      );
      const plain = await ctx.send('get_organization_connections', {
        headers: full(ctx),
        path: { id: main(ctx).id },
        query: { per_page: 2 },
      });
      ctx.expect(
        Array.isArray(body(plain)) && objects(body(plain)).length === Math.min(2, expected.length),
        'include_totals=false did not answer a bare array of per_page links',
        plain,
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
      const [all, on, off] = [await q(), await q(true), await q(false)];
      const total = (ex: typeof all) => fields(ex).total;
      ctx.expect(
        objects(body(on), 'connections').every((x) => x.is_enabled === true),
        'is_enabled=true returned a disabled link',
        on,
      );
      ctx.expect(
        objects(body(off), 'connections').every((x) => x.is_enabled === false),
        'is_enabled=false returned an enabled link',
        off,
      );
      ctx.expect(
        num(total(on)) + num(total(off)) === total(all),
        `enabled ${String(total(on))} + disabled ${String(total(off))} ≠ all ${String(total(all))}`,
        all,
      );
      const count = main(ctx).enabled_count;
      if (count !== undefined)
        ctx.expect(total(on) === count, `is_enabled=true total ${String(total(on))}, the profile says ${count}`, on);
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
        const ex = await ctx.send(op.id, base, { expectFault: true });
        ctx.expect(status(ex) === 429, `${op.id} past the limit: expected 429, got ${status(ex)}`, ex);
      }
      await control.scenario('rate-limited', false);
    },
  },
  {
    name: 'auth0_add_race',
    sharing: 'disjoint',
    tier: 'race',
    apis: ['auth0'],
    description: `${raceSize} parallel adds of one connection to one organization: exactly one 201, the rest 409.`,
    async run(ctx) {
      const org = scratch(ctx).id;
      const cid = await toLink(ctx, 1);
      const r = await race(ctx, raceSize, 'post_organization_connection', {
        headers: full(ctx),
        path: { id: org },
        body: { connection_id: cid },
      });
      await ctx.send('delete_organization_connection', { headers: full(ctx), path: { id: org, connection_id: cid } });
      expectOneWinner(ctx, r, 201);
    },
  },
]);
