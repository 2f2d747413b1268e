import type { CheckContext, Exchange } from '../types.js';
import {
  basic,
  body,
  defineChecks,
  dig,
  expectOneWinner,
  expectStatus,
  fields,
  objects,
  race,
  raceSize,
  status,
} from './helpers.js';

type Ctx = CheckContext<'leadconduit'>;
const user = (ctx: Ctx) => ({ Authorization: basic(ctx.profile.credentials.user) });
const superuser = (ctx: Ctx) => ({
  Authorization: basic(ctx.need(ctx.profile.credentials.superuser, 'credentials.superuser')),
});
const list = (ctx: Ctx, query: Record<string, string> = {}, headers = user(ctx)) =>
  ctx.send('listConnections', { headers, query });
const repair = (ctx: Ctx, id: string, headers = superuser(ctx)) =>
  ctx.send('repairConnection', { headers, body: { connection_id: id } });

/** An SSO connection without its LC row: minted fresh, else the profile's next unused one (`keep`: this check repairs nothing). */
async function ssoOnly(ctx: Ctx, keep = false): Promise<string> {
  return (
    await ctx.fixture('sso-only connection', { relationship_type: 'seller' }, () => ({
      id: ctx.consume('connections.sso_only', ctx.profile.connections.sso_only, { keep }),
    }))
  ).id;
}

const entry = (ex: Exchange, id: unknown) => objects(body(ex)).find((c) => c.id === id);

export const leadconduitChecks = defineChecks('leadconduit', [
  {
    name: 'lc_relationship_filter',
    sharing: 'read',
    tier: 'stateful',
    apis: ['leadconduit'],
    description:
      'relationship_type narrows the merged list to that type; seller + buyer = all; another value answers 400.',
    async run(ctx) {
      const all = await list(ctx);
      const sellers = await list(ctx, { relationship_type: 'seller' });
      const buyers = await list(ctx, { relationship_type: 'buyer' });
      ctx.expect(
        status(all) === 200 && status(sellers) === 200 && status(buyers) === 200,
        'list answered non-200',
        all,
      );
      ctx.expect(
        objects(body(sellers)).every((x) => x.relationship_type === 'seller'),
        'relationship_type=seller returned a buyer',
        sellers,
      );
      ctx.expect(
        objects(body(buyers)).every((x) => x.relationship_type === 'buyer'),
        'relationship_type=buyer returned a seller',
        buyers,
      );
      const ids = (ex: Exchange) =>
        objects(body(ex))
          .map((x) => x.id)
          .sort()
          .join();
      ctx.expect(
        [...objects(body(sellers)), ...objects(body(buyers))]
          .map((x) => x.id)
          .sort()
          .join() === ids(all),
        'sellers + buyers differ from the unfiltered list',
        all,
      );
      const bad = await list(ctx, { relationship_type: 'partner' });
      expectStatus(ctx, bad, 400, 'relationship_type=partner');
    },
  },
  {
    name: 'lc_lookup_by_any_id',
    sharing: 'read',
    tier: 'stateful',
    apis: ['leadconduit'],
    description:
      'A connection is found by its id, its SSO connection id and its invitation id, all three the same record.',
    async run(ctx) {
      const conn = ctx.profile.connections.completed[0];
      const answers = [];
      for (const id of [conn.id, conn.external_id, conn.invitation_id]) {
        const ex = await ctx.send('getConnection', { headers: user(ctx), path: { id } });
        ctx.expect(status(ex) === 200, `GET /connections/${id}: expected 200, got ${status(ex)}`, ex);
        answers.push(ex);
      }
      ctx.expect(
        new Set(answers.map((a) => JSON.stringify(body(a)))).size === 1,
        'the three ids resolved to different records',
        answers[1],
      );
      ctx.expect(
        fields(answers[0]).id === conn.id,
        `the record's id is ${String(fields(answers[0]).id)}, not ${conn.id}`,
        answers[0],
      );
    },
  },
  {
    name: 'lc_repair_flow',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['leadconduit'],
    description:
      'Repairing an SSO-only connection answers 201 {id}; the list then shows it completed; a second repair answers 409.',
    async run(ctx) {
      const id = await ssoOnly(ctx);
      const before = await list(ctx);
      ctx.expect(
        entry(before, id)?.status === 'sso_only',
        `connection ${id} is not listed as sso_only before the repair`,
        before,
      );
      const first = await repair(ctx, id);
      expectStatus(ctx, first, 201, 'repair');
      ctx.expect(fields(first).id === id, `repair answered id ${String(fields(first).id)}, expected ${id}`, first);
      const after = await list(ctx);
      ctx.expect(entry(after, id)?.status === 'completed', `connection ${id} is not completed after the repair`, after);
      const again = await repair(ctx, id);
      expectStatus(ctx, again, 409, 'second repair');
    },
  },
  {
    name: 'lc_repair_requires_superuser',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['leadconduit'],
    description: 'A valid key of a non-superuser gets 401 from the repair endpoint, and nothing is repaired.',
    async run(ctx) {
      const id = await ssoOnly(ctx, true);
      const ex = await repair(ctx, id, user(ctx));
      expectStatus(ctx, ex, 401, 'non-superuser repair');
      const after = await list(ctx);
      ctx.expect(entry(after, id)?.status === 'sso_only', 'the refused repair changed the connection anyway', after);
    },
  },
  {
    name: 'lc_repair_other_account',
    sharing: 'read',
    tier: 'stateful',
    apis: ['leadconduit'],
    description: 'Repairing a connection SSO holds only for another account answers 422.',
    async run(ctx) {
      const id = ctx.need(ctx.profile.connections.other_account_sso_only?.[0], 'connections.other_account_sso_only');
      const ex = await repair(ctx, id);
      expectStatus(ctx, ex, 422, "repair of another account's connection");
    },
  },
  {
    name: 'lc_account_sync_consistency',
    sharing: 'read',
    tier: 'stateful',
    apis: ['leadconduit'],
    description:
      'POST /account_sso_sync lists as connected buyers and sellers exactly the accounts GET /connections lists.',
    async run(ctx) {
      const sync = await ctx.send('syncAccountFromSso', { headers: user(ctx) });
      ctx.expect(
        status(sync) === 200 && fields(sync).success === true,
        `sync: expected 200 success, got ${status(sync)}`,
        sync,
      );
      const all = await list(ctx);
      const account = fields(sync).account;
      for (const type of ['buyer', 'seller'] as const) {
        const listed = objects(body(all))
          .filter((x) => x.relationship_type === type)
          .map((x) => dig(x, 'connected_account', 'id'))
          .sort();
        const synced = objects(account, `connected_${type}s`)
          .map((x) => x.id)
          .sort();
        ctx.expect(
          listed.join() === synced.join(),
          `connected_${type}s (${synced.length}) disagree with the ${type} connections listed (${listed.length})`,
          sync,
        );
      }
    },
  },
  {
    name: 'lc_account_isolation',
    sharing: 'read',
    tier: 'stateful',
    apis: ['leadconduit'],
    description: "Another account's connections are neither listed nor found by id with this account's key.",
    async run(ctx) {
      const foreign = ctx.need(
        ctx.profile.connections.other_account?.length ? ctx.profile.connections.other_account : undefined,
        'connections.other_account',
      );
      const mine = await list(ctx);
      const listed = new Set(objects(body(mine)).flatMap((x) => [x.id, x.invitation_id]));
      ctx.expect(!foreign.some((id) => listed.has(id)), "another account's connection is in this account's list", mine);
      for (const id of foreign.slice(0, 5)) {
        const ex = await ctx.send('getConnection', { headers: user(ctx), path: { id } });
        ctx.expect(
          status(ex) === 404,
          `GET /connections/${id} of another account: expected 404, got ${status(ex)}`,
          ex,
        );
      }
    },
  },
  {
    name: 'lc_sso_outage_fail_open',
    sharing: 'exclusive',
    tier: 'fault',
    apis: ['leadconduit'],
    needsControl: true,
    description:
      'With SSO unreachable, GET /connections answers 200 with LC-resident rows only and X-Connections-Degraded: true (healthy answers carry no such header); repair and account sync answer 503 and change nothing.',
    async run(ctx) {
      const healthy = await list(ctx);
      ctx.expect(
        healthy.response?.headers['x-connections-degraded'] === undefined,
        'a healthy answer carries X-Connections-Degraded',
        healthy,
      );
      await ctx.need(ctx.control, 'the control API').scenario('sso-outage', true);
      const degraded = await list(ctx);
      expectStatus(ctx, degraded, 200, 'during the outage');
      ctx.expect(
        degraded.response?.headers['x-connections-degraded'] === 'true',
        'X-Connections-Degraded: true is missing during the outage',
        degraded,
      );
      ctx.expect(
        objects(body(degraded)).every((x) => x.status === 'completed'),
        'an sso_only entry was listed while SSO was down',
        degraded,
      );
      const completed = objects(body(healthy))
        .filter((x) => x.status === 'completed')
        .map((x) => x.id)
        .sort();
      ctx.expect(
        objects(body(degraded))
          .map((x) => x.id)
          .sort()
          .join() === completed.join(),
        'the degraded list is not the LC-resident rows',
        degraded,
      );
      // Without SSO nothing can be repaired or synced: 503, and nothing changes.
      const pending = objects(body(healthy)).find((x) => x.status === 'sso_only');
      if (pending && ctx.profile.credentials.superuser) {
        const refused = await ctx.send(
          'repairConnection',
          { headers: superuser(ctx), body: { connection_id: pending.id } },
          { expectFault: true },
        );
        expectStatus(ctx, refused, 503, 'repair during the outage');
      }
      const sync = await ctx.send('syncAccountFromSso', { headers: user(ctx) }, { expectFault: true });
      expectStatus(ctx, sync, 503, 'account sync during the outage');
      await ctx.need(ctx.control, 'the control API').scenario('sso-outage', false);
      if (pending)
        ctx.expect(
          entry(await list(ctx), pending.id)?.status === 'sso_only',
          'a repair refused during the outage changed the connection',
          healthy,
        );
    },
  },
  {
    name: 'lc_repair_race',
    sharing: 'disjoint',
    tier: 'race',
    apis: ['leadconduit'],
    description: `${raceSize} parallel repairs of one connection: exactly one 201, the rest 409.`,
    async run(ctx) {
      const id = await ssoOnly(ctx);
      const r = await race(ctx, raceSize, 'repairConnection', { headers: superuser(ctx), body: { connection_id: id } });
      expectOneWinner(ctx, r, 201);
    },
  },
]);
