import type { SendParts } from '../operations.js';
import type { CheckContext } from '../types.js';
import { bearer, body, defineChecks, dig, expectStatus, objects, status } from './helpers.js';
import { raceCheck } from './race.js';

type Ctx = CheckContext<'mycreditapp'>;
type Role = 'guest' | 'host' | 'unconnected' | 'invitee';

const org = (ctx: Ctx, role: Role) => ctx.need(ctx.profile.organizations[role], `organizations.${role}`);
/** The headers of `role` acting on `target` (itself by default). */
export const orgHeaders = (ctx: Ctx, role: Role, target?: string) => {
  const o = org(ctx, role);
  return {
    Authorization: bearer(o.access_token),
    'Requester-Organization-ID': o.id,
    'Target-Organization-ID': target ?? o.id,
  };
};
type HostsQuery = SendParts<'mycreditapp', 'getHostConnections'>['query'];
const both = (): HostsQuery['statuses'] => ['connected', 'disconnected'];
const hosts = (ctx: Ctx, query: Partial<HostsQuery>, role: Role = 'guest', target?: string) =>
  ctx.send('getHostConnections', {
    headers: orgHeaders(ctx, role, target),
    query: { statuses: both(), limit: 100, offset: 0, ...query },
  });
/** A page of the host list, as the spec describes it. */
const page = async (ctx: Ctx, what: string, query: Partial<HostsQuery> = {}) => {
  const ex = await hosts(ctx, query);
  return { ex, ...ctx.expectAnswer(ex, 200, what) };
};

/** A live invitation of host and an organization that may accept it: minted fresh, else the profile's invitee and next unused invitation. */
function pendingInvitation(ctx: Ctx, host: string) {
  return ctx.fixture('pending invitation', { host_organization_id: host }, () => {
    const invitee = ctx.consume(
      'organizations.invitee',
      ctx.profile.organizations.invitee ? [ctx.profile.organizations.invitee] : undefined,
    );
    return {
      invitation_token: ctx.consume('invitations.sent', ctx.profile.invitations?.sent),
      host_organization_id: host,
      invitee,
    };
  });
}

export const mycreditappChecks = defineChecks('mycreditapp', [
  {
    name: 'mca_required_params',
    sharing: 'read',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description: 'Without statuses, limit and offset the list answers 422 with one detail item naming each.',
    async run(ctx) {
      // Without the query the spec requires: only the untyped door sends that.
      const ex = await ctx.sendRaw('getHostConnections', { headers: orgHeaders(ctx, 'guest') });
      ctx.expect(status(ex) === 422, `expected 422, got ${status(ex)}`, ex);
      const named = objects(body(ex), 'detail').map((d) => (Array.isArray(d.loc) ? d.loc : []).join('.'));
      for (const field of ['statuses', 'limit', 'offset'])
        ctx.expect(
          named.some((l: string) => l.endsWith(field)),
          `no detail item names ${field}`,
          ex,
        );
    },
  },
  {
    name: 'mca_filters',
    sharing: 'read',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description: 'statuses, archived and active_action_types filter; archived true + false = all.',
    async run(ctx) {
      const all = await page(ctx, 'the unfiltered list');
      const connected = await page(ctx, 'statuses=connected', { statuses: ['connected'] });
      ctx.expect(
        connected.items.every((i) => i.status === 'connected'),
        'statuses=connected returned another status',
        connected.ex,
      );
      const [yes, no] = [
        await page(ctx, 'archived=true', { archived: true }),
        await page(ctx, 'archived=false', { archived: false }),
      ];
      ctx.expect(
        yes.items.every((i) => i.archived === true) && no.items.every((i) => i.archived === false),
        'the archived filter let the other kind through',
        yes.ex,
      );
      ctx.expect(yes.total_items + no.total_items === all.total_items, 'archived true + false ≠ all', all.ex);
      const actions = await page(ctx, 'active_action_types=analytics_request', {
        active_action_types: ['analytics_request'],
      });
      ctx.expect(
        actions.items.every((i) => i.active_action_type === 'analytics_request'),
        'active_action_types let another action through',
        actions.ex,
      );
    },
  },
  {
    name: 'mca_search',
    sharing: 'read',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description: 'search_text matches search_field case-insensitively and finds the record it was taken from.',
    async run(ctx) {
      const all = await page(ctx, 'the unfiltered list');
      const name = ctx.need(
        all.items.find((i) => i.host_name.length >= 4),
        'a host with a name of 4+ letters',
      ).host_name;
      const needle = name.slice(1, 4).toUpperCase();
      const found = await page(ctx, `searching ${needle}`, { search_field: 'host_name', search_text: needle });
      ctx.expect(
        found.items.some((i) => i.host_name === name),
        `searching ${needle} did not find ${name}`,
        found.ex,
      );
      ctx.expect(
        found.items.every((i) => i.host_name.toLowerCase().includes(needle.toLowerCase())),
        `a result does not contain ${needle}`,
        found.ex,
      );
    },
  },
  {
    name: 'mca_sort_order',
    sharing: 'read',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description: 'order_by / order_dir sort the list (host_name ascending case-insensitively, created_at descending).',
    async run(ctx) {
      const byName = (await page(ctx, 'host_name asc', { order_by: 'host_name', order_dir: 'asc' })).items.map((i) =>
        i.host_name.toLowerCase(),
      );
      // The collation is not published: code-point order and the locale's order both conform.
      const sorted = (cmp: (a: string, b: string) => number) =>
        byName.every((n, i) => i === 0 || cmp(byName[i - 1], n) <= 0);
      ctx.expect(
        sorted((a, b) => (a < b ? -1 : a > b ? 1 : 0)) || sorted((a, b) => a.localeCompare(b)),
        `host_name asc is not sorted: ${byName.slice(0, 5).join(' | ')}`,
      );
      const byDate = (await page(ctx, 'created_at desc', { order_by: 'created_at', order_dir: 'desc' })).items.map(
        (i) => Date.parse(i.created_at),
      );
      ctx.expect(
        byDate.every((d, i) => i === 0 || byDate[i - 1] >= d),
        'created_at desc is not sorted',
      );
    },
  },
  {
    name: 'mca_total_items',
    sharing: 'read',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description: 'total_items counts the filtered records before paging; pages of limit 3 hold each record once.',
    async run(ctx) {
      const all = await page(ctx, 'the unfiltered list');
      const total = all.total_items;
      ctx.expect(
        total === all.items.length || all.items.length === 100,
        `total_items ${total} but ${all.items.length} items came`,
        all.ex,
      );
      const seen: string[] = [];
      for (let offset = 0; offset < Math.min(total, 30); offset += 3) {
        const part = await page(ctx, `offset ${offset}`, { limit: 3, offset });
        ctx.expect(
          part.total_items === total,
          `total_items changed with offset ${offset}: ${part.total_items}`,
          part.ex,
        );
        ctx.expect(part.items.length <= 3, `limit 3 answered ${part.items.length} items`, part.ex);
        seen.push(...part.items.map((i) => i.host_organization_id));
      }
      ctx.expect(
        seen.join() ===
          all.items
            .slice(0, seen.length)
            .map((i) => i.host_organization_id)
            .join(),
        'pages do not follow the full list in order',
      );
    },
  },
  {
    name: 'mca_access_rules',
    sharing: 'read',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description:
      'An unconnected requester is refused (403); a host reading its guest sees only its own connection; Self-only operations refuse the Host scenario.',
    async run(ctx) {
      const guest = org(ctx, 'guest').id;
      const stranger = await hosts(ctx, {}, 'unconnected', guest);
      expectStatus(ctx, stranger, 403, 'unconnected requester');
      const host = org(ctx, 'host').id;
      const hostView = await hosts(ctx, {}, 'host', guest);
      ctx.expect(
        ctx.expectAnswer(hostView, 200, 'host reading its guest').items.every((i) => i.host_organization_id === host),
        "a host sees its guest's connections to other hosts",
        hostView,
      );
      const patch = await ctx.send('patchHostConnection', {
        headers: orgHeaders(ctx, 'host', guest),
        path: { host_org_id: host },
        body: { status: 'connected' },
      });
      expectStatus(ctx, patch, 403, 'PATCH in the Host scenario (Self only)');
      const spoof = await ctx.send('getHostConnections', {
        headers: {
          ...orgHeaders(ctx, 'unconnected'),
          'Requester-Organization-ID': guest,
          'Target-Organization-ID': guest,
        },
        query: { statuses: both(), limit: 1, offset: 0 },
      });
      expectStatus(ctx, spoof, 403, "a requester that is not the client's organization");
    },
  },
  {
    name: 'mca_status_and_archive',
    sharing: 'exclusive',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description:
      'The guest disconnects (status and updated_at move) and reconnects; the host archives (archived_at set, seen from both sides) and unarchives (archived_at cleared).',
    async run(ctx) {
      const host = org(ctx, 'host').id;
      const guest = org(ctx, 'guest').id;
      type Status = SendParts<'mycreditapp', 'patchHostConnection'>['body']['status'];
      const patchHost = (status: Status) =>
        ctx.send('patchHostConnection', {
          headers: orgHeaders(ctx, 'guest'),
          path: { host_org_id: host },
          body: { status },
        });
      const patchGuest = (archived: boolean) =>
        ctx.send('patchGuestConnection', {
          headers: orgHeaders(ctx, 'host'),
          path: { guest_org_id: guest },
          body: { archived },
        });
      const getHost = () =>
        ctx.send('getHostConnection', { headers: orgHeaders(ctx, 'guest'), path: { host_org_id: host } });
      const before = ctx.expectAnswer(await getHost(), 200, "the guest's connection to its host");
      const flipped = before.status === 'connected' ? 'disconnected' : 'connected';
      const changedEx = await patchHost(flipped);
      const changed = ctx.expectAnswer(changedEx, 200, `PATCH status ${flipped}`);
      ctx.expect(
        changed.status === flipped,
        `PATCH status ${flipped}: the answer has status ${changed.status}`,
        changedEx,
      );
      ctx.expect(
        Date.parse(changed.updated_at) > Date.parse(before.updated_at),
        'updated_at did not move with the status',
        changedEx,
      );
      ctx.expect(status(await patchHost(before.status)) === 200, 'restoring the status failed');
      if (before.status !== 'connected') return;
      const archivedEx = await patchGuest(true);
      const archived = ctx.expectAnswer(archivedEx, 200, 'archiving');
      ctx.expect(
        archived.archived === true && archived.archived_at !== null,
        'archiving did not set archived and archived_at',
        archivedEx,
      );
      const seenEx = await getHost();
      ctx.expect(
        ctx.expectAnswer(seenEx, 200, "the guest's view after the archive").archived === true,
        "the guest's view does not show the archive",
        seenEx,
      );
      const restoredEx = await patchGuest(false);
      const restored = ctx.expectAnswer(restoredEx, 200, 'unarchiving');
      ctx.expect(
        restored.archived === false && restored.archived_at === null,
        'unarchiving did not clear archived_at',
        restoredEx,
      );
    },
  },
  {
    name: 'mca_unknown_connection',
    sharing: 'read',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description: 'A connection that does not exist answers 404, to get and to patch, on both sides.',
    async run(ctx) {
      const nobody = '00000000-0000-4000-8000-00000000c0de';
      const cases = [
        ctx.send('getHostConnection', { headers: orgHeaders(ctx, 'guest'), path: { host_org_id: nobody } }),
        ctx.send('patchHostConnection', {
          headers: orgHeaders(ctx, 'guest'),
          path: { host_org_id: nobody },
          body: { status: 'connected' },
        }),
        ctx.send('getGuestConnection', { headers: orgHeaders(ctx, 'host'), path: { guest_org_id: nobody } }),
        ctx.send('patchGuestConnection', {
          headers: orgHeaders(ctx, 'host'),
          path: { guest_org_id: nobody },
          body: { archived: false },
        }),
      ];
      for (const ex of await Promise.all(cases))
        ctx.expect(
          status(ex) === 404,
          `${ex.operationId} of an unknown organization: expected 404, got ${status(ex)}`,
          ex,
        );
    },
  },
  {
    name: 'mca_invitation_created',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description:
      "A host's invitation is created sent (200, with a token) and listed first; one that expires in the past answers 422.",
    async run(ctx) {
      const host = orgHeaders(ctx, 'host');
      const madeEx = await ctx.send('createGuestInvitation', {
        headers: host,
        body: { email: `verify-${Date.now()}@connkit.test`, expired_at: '2099-01-01T00:00:00Z' },
      });
      const made = ctx.expectAnswer(madeEx, 200, 'create');
      ctx.expect(
        made.status === 'sent' && made.expired === false,
        `create: expected a sent invitation, got ${made.status}`,
        madeEx,
      );
      const listed = await ctx.send('getGuestInvitations', { headers: host, query: { limit: 100, offset: 0 } });
      ctx.expect(
        ctx.expectAnswer(listed, 200, 'the invitations').items.some((i) => i.id === made.id),
        'the new invitation is not listed',
        listed,
      );
      const past = await ctx.send('createGuestInvitation', {
        headers: host,
        body: { email: 'late@connkit.test', expired_at: '2001-01-01T00:00:00Z' },
      });
      expectStatus(ctx, past, 422, 'an invitation expiring in the past');
    },
  },
  {
    name: 'mca_unconnected_target_refused',
    sharing: 'read',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description: 'Every operation refuses (403) a requester with no connection to the target organization.',
    run: (ctx) =>
      ctx.eachOperation(async (op) => {
        const base = ctx.need(ctx.baseline(op.id), `a baseline request for ${op.id}`);
        const stranger = org(ctx, 'unconnected');
        const target = base.headers?.['Target-Organization-ID'] ?? org(ctx, 'guest').id;
        const ex = await ctx.sendRaw(op.id, {
          ...base,
          headers: {
            ...base.headers,
            Authorization: bearer(stranger.access_token),
            'Requester-Organization-ID': stranger.id,
            'Target-Organization-ID': target,
          },
        });
        ctx.expect(status(ex) === 403, `a stranger acting on ${target}: expected 403, got ${status(ex)}`, ex, op.id);
      }),
  },
  {
    name: 'mca_invitation_single_use',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['mycreditapp'],
    description:
      'An invitation token connects its guest once (200 connected); a second use answers 409, an unknown token 404.',
    async run(ctx) {
      const host = org(ctx, 'host').id;
      const { invitation_token: token, invitee } = await pendingInvitation(ctx, host);
      const headers = {
        Authorization: bearer(invitee.access_token),
        'Requester-Organization-ID': invitee.id,
        'Target-Organization-ID': invitee.id,
      };
      const accept = () =>
        ctx.send('createHostConnection', { headers, body: { host_organization_id: host, invitation_token: token } });
      const first = await accept();
      ctx.expect(
        ctx.expectAnswer(first, 200, 'accepting the invitation').status === 'connected',
        'accepting the invitation: the connection is not connected',
        first,
      );
      const second = await accept();
      expectStatus(ctx, second, 409, 'second use of the invitation');
      const unknown = await ctx.send('createHostConnection', {
        headers,
        body: { host_organization_id: host, invitation_token: 'inv_connkit_unknown_token' },
      });
      expectStatus(ctx, unknown, 404, 'an unknown invitation token');
    },
  },
  raceCheck({
    api: 'mycreditapp',
    name: 'mca_invitation_race',
    copies: 'acceptances of one invitation',
    async setup(ctx) {
      const host = org(ctx, 'host').id;
      return { host, ...(await pendingInvitation(ctx, host)) };
    },
    operationId: 'createHostConnection',
    request: (_ctx, { host, invitation_token, invitee }) => ({
      headers: {
        Authorization: bearer(invitee.access_token),
        'Requester-Organization-ID': invitee.id,
        'Target-Organization-ID': invitee.id,
      },
      body: { host_organization_id: host, invitation_token },
    }),
    won: 200,
    async after(ctx, { host, invitee }, connection) {
      ctx.expect(
        connection.status === 'connected' && connection.host_organization_id === host,
        'the winning acceptance is not a connection to the host',
      );
      const seen = await ctx.send('getHostConnection', {
        headers: {
          Authorization: bearer(invitee.access_token),
          'Requester-Organization-ID': invitee.id,
          'Target-Organization-ID': invitee.id,
        },
        path: { host_org_id: host },
      });
      ctx.expect(
        ctx.expectAnswer(seen, 200, 'the connection after the race').status === 'connected',
        'the guest is not connected to the host after the race',
        seen,
      );
    },
  }),
  {
    name: 'mca_maintenance',
    sharing: 'exclusive',
    tier: 'fault',
    apis: ['mycreditapp'],
    needsControl: true,
    description: 'Under maintenance every request answers 503 with code service_under_maintenance.',
    async run(ctx) {
      await ctx.need(ctx.control, 'the control API').scenario('maintenance', true);
      for (const op of ctx.index.operations) {
        const base = ctx.baseline(op.id);
        if (!base) continue;
        const ex = await ctx.sendRaw(op.id, base, { expectFault: true });
        ctx.expect(status(ex) === 503, `${op.id}: expected 503, got ${status(ex)}`, ex);
        ctx.expect(
          dig(body(ex), 'detail', 0, 'code') === 'service_under_maintenance',
          `${op.id}: the 503 does not carry code service_under_maintenance`,
          ex,
        );
      }
      await ctx.need(ctx.control, 'the control API').scenario('maintenance', false);
    },
  },
]);
