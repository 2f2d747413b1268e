import type { SendParts } from '../operations.js';
import type { CheckContext } from '../types.js';
import { basic, defineChecks, expectStatus, status } from './helpers.js';
import { raceCheck } from './race.js';

type Ctx = CheckContext<'leadconduit'>;
const user = (ctx: Ctx) => ({ Authorization: basic(ctx.profile.credentials.user) });
const superuser = (ctx: Ctx) => ({
  Authorization: basic(ctx.need(ctx.profile.credentials.superuser, 'credentials.superuser')),
});
const list = (ctx: Ctx, query: SendParts<'leadconduit', 'listConnections'>['query'] = {}, headers = user(ctx)) =>
  ctx.send('listConnections', { headers, query });
/** The list's entries, once the answer is a list as the spec describes it. */
const entries = async (ctx: Ctx, what: string, query: SendParts<'leadconduit', 'listConnections'>['query'] = {}) => {
  const ex = await list(ctx, query);
  return { ex, entries: ctx.expectAnswer(ex, 200, what) };
};
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

const entry = <T extends { id: string }>(entries: T[], id: string) => entries.find((c) => c.id === id);

export const leadconduitChecks = defineChecks('leadconduit', [
  {
    name: 'lc_relationship_filter',
    sharing: 'read',
    tier: 'stateful',
    apis: ['leadconduit'],
    description:
      'relationship_type narrows the merged list to that type; seller + buyer = all; another value answers 400.',
    async run(ctx) {
      const all = await entries(ctx, 'the unfiltered list');
      const sellers = await entries(ctx, 'relationship_type=seller', { relationship_type: 'seller' });
      const buyers = await entries(ctx, 'relationship_type=buyer', { relationship_type: 'buyer' });
      ctx.expect(
        sellers.entries.every((x) => x.relationship_type === 'seller'),
        'relationship_type=seller returned a buyer',
        sellers.ex,
      );
      ctx.expect(
        buyers.entries.every((x) => x.relationship_type === 'buyer'),
        'relationship_type=buyer returned a seller',
        buyers.ex,
      );
      const ids = (list: { id: string }[]) =>
        list
          .map((x) => x.id)
          .sort()
          .join();
      ctx.expect(
        ids([...sellers.entries, ...buyers.entries]) === ids(all.entries),
        'sellers + buyers differ from the unfiltered list',
        all.ex,
      );
      // A value the spec's enum refuses: only the untyped door sends it.
      const bad = await ctx.sendRaw('listConnections', { headers: user(ctx), query: { relationship_type: 'partner' } });
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
        answers.push({ ex, record: ctx.expectAnswer(ex, 200, `GET /connections/${id}`) });
      }
      ctx.expect(
        new Set(answers.map((a) => JSON.stringify(a.record))).size === 1,
        'the three ids resolved to different records',
        answers[1].ex,
      );
      ctx.expect(
        answers[0].record.id === conn.id,
        `the record's id is ${answers[0].record.id}, not ${conn.id}`,
        answers[0].ex,
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
      const before = await entries(ctx, 'the list before the repair');
      ctx.expect(
        entry(before.entries, id)?.status === 'sso_only',
        `connection ${id} is not listed as sso_only before the repair`,
        before.ex,
      );
      const first = await repair(ctx, id);
      const repaired = ctx.expectAnswer(first, 201, 'repair');
      ctx.expect(repaired.id === id, `repair answered id ${repaired.id}, expected ${id}`, first);
      const after = await entries(ctx, 'the list after the repair');
      ctx.expect(
        entry(after.entries, id)?.status === 'completed',
        `connection ${id} is not completed after the repair`,
        after.ex,
      );
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
      const after = await entries(ctx, 'the list after the refused repair');
      ctx.expect(
        entry(after.entries, id)?.status === 'sso_only',
        'the refused repair changed the connection anyway',
        after.ex,
      );
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
      const synced = ctx.expectAnswer(sync, 200, 'sync');
      ctx.expect(synced.success === true, 'sync: expected success', sync);
      const all = await entries(ctx, 'the list');
      for (const type of ['buyer', 'seller'] as const) {
        const listed = all.entries
          .filter((x) => x.relationship_type === type)
          .map((x) => x.connected_account.id)
          .sort();
        const accounts = synced.account[`connected_${type}s`].map((x) => x.id).sort();
        ctx.expect(
          listed.join() === accounts.join(),
          `connected_${type}s (${accounts.length}) disagree with the ${type} connections listed (${listed.length})`,
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
      const mine = await entries(ctx, "this account's list");
      const listed = new Set(mine.entries.flatMap((x) => [x.id, x.invitation_id]));
      ctx.expect(
        !foreign.some((id) => listed.has(id)),
        "another account's connection is in this account's list",
        mine.ex,
      );
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
      const healthyEx = await list(ctx);
      const healthy = ctx.expectAnswer(healthyEx, 200, 'before the outage');
      ctx.expect(
        healthyEx.response?.headers['x-connections-degraded'] === undefined,
        'a healthy answer carries X-Connections-Degraded',
        healthyEx,
      );
      await ctx.need(ctx.control, 'the control API').scenario('sso-outage', true);
      const degradedEx = await list(ctx);
      const degraded = ctx.expectAnswer(degradedEx, 200, 'during the outage');
      ctx.expect(
        degradedEx.response?.headers['x-connections-degraded'] === 'true',
        'X-Connections-Degraded: true is missing during the outage',
        degradedEx,
      );
      ctx.expect(
        degraded.every((x) => x.status === 'completed'),
        'an sso_only entry was listed while SSO was down',
        degradedEx,
      );
      const ids = (list: { id: string }[]) =>
        list
          .map((x) => x.id)
          .sort()
          .join();
      ctx.expect(
        ids(degraded) === ids(healthy.filter((x) => x.status === 'completed')),
        'the degraded list is not the LC-resident rows',
        degradedEx,
      );
      // Without SSO nothing can be repaired or synced: 503, and nothing changes.
      const pending = healthy.find((x) => x.status === 'sso_only');
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
          entry((await entries(ctx, 'the list after the outage')).entries, pending.id)?.status === 'sso_only',
          'a repair refused during the outage changed the connection',
          healthyEx,
        );
    },
  },
  raceCheck({
    api: 'leadconduit',
    name: 'lc_repair_race',
    copies: 'repairs of one connection',
    setup: (ctx) => ssoOnly(ctx),
    operationId: 'repairConnection',
    request: (ctx, id) => ({ headers: superuser(ctx), body: { connection_id: id } }),
    won: 201,
    async after(ctx, id, repaired) {
      ctx.expect(repaired.id === id, `the winning repair answered id ${repaired.id}, expected ${id}`);
      const after = await entries(ctx, 'the list after the race');
      ctx.expect(
        entry(after.entries, id)?.status === 'completed',
        `connection ${id} is not completed after the race`,
        after.ex,
      );
    },
  }),
]);
