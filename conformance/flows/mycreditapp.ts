import type { CheckContext, Exchange } from '../types.js';
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
  str,
} from './helpers.js';

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
const both = ['connected', 'disconnected'];
const hosts = (ctx: Ctx, query: Record<string, unknown>, role: Role = 'guest', target?: string) =>
  ctx.send('getHostConnections', {
    headers: orgHeaders(ctx, role, target),
    query: { statuses: both, limit: 100, offset: 0, ...query },
  });
const items = (ex: Exchange) => objects(body(ex), 'items');

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
      const ex = await ctx.send('getHostConnections', { headers: orgHeaders(ctx, 'guest') });
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
      const all = await hosts(ctx, {});
      const connected = await hosts(ctx, { statuses: ['connected'] });
      ctx.expect(
        items(connected).every((i) => i.status === 'connected'),
        'statuses=connected returned another status',
        connected,
      );
      const [yes, no] = [await hosts(ctx, { archived: true }), await hosts(ctx, { archived: false })];
      ctx.expect(
        items(yes).every((i) => i.archived === true) && items(no).every((i) => i.archived === false),
        'the archived filter let the other kind through',
        yes,
      );
      ctx.expect(
        num(fields(yes).total_items) + num(fields(no).total_items) === fields(all).total_items,
        'archived true + false ≠ all',
        all,
      );
      const actions = await hosts(ctx, { active_action_types: ['analytics_request'] });
      ctx.expect(
        items(actions).every((i) => i.active_action_type === 'analytics_request'),
        'active_action_types let another action through',
        actions,
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
      const all = await hosts(ctx, {});
      const name = str(
        ctx.need(
          items(all).find((i) => str(i.host_name).length >= 4),
          'a host with a name of 4+ letters',
        ).host_name,
      );
      const needle = name.slice(1, 4).toUpperCase();
      const found = await hosts(ctx, { search_field: 'host_name', search_text: needle });
      ctx.expect(
        items(found).some((i) => i.host_name === name),
        `searching ${needle} did not find ${name}`,
        found,
      );
      ctx.expect(
        items(found).every((i) => str(i.host_name).toLowerCase().includes(needle.toLowerCase())),
        `a result does not contain ${needle}`,
        found,
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
      const byName = items(await hosts(ctx, { order_by: 'host_name', order_dir: 'asc' })).map((i) =>
        str(i.host_name).toLowerCase(),
      );
      // The collation is not published: code-point order and the locale's order both conform.
      const sorted = (cmp: (a: string, b: string) => number) =>
        byName.every((n, i) => i === 0 || cmp(byName[i - 1], n) <= 0);
      ctx.expect(
        sorted((a, b) => (a < b ? -1 : a > b ? 1 : 0)) || sorted((a, b) => a.localeCompare(b)),
        `host_name asc is not sorted: ${byName.slice(0, 5).join(' | ')}`,
      );
      const byDate = items(await hosts(ctx, { order_by: 'created_at', order_dir: 'desc' })).map((i) =>
        Date.parse(str(i.created_at)),
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
      const all = await hosts(ctx, {});
      const total = fields(all).total_items;
      ctx.expect(
        total === items(all).length || items(all).length === 100,
        `total_items ${String(total)} but ${items(all).length} items came`,
        all,
      );
      const seen: unknown[] = [];
      for (let offset = 0; offset < Math.min(num(total), 30); offset += 3) {
        const page = await hosts(ctx, { limit: 3, offset });
        ctx.expect(
          fields(page).total_items === total,
          `total_items changed with offset ${offset}: ${String(fields(page).total_items)}`,
          page,
        );
        ctx.expect(items(page).length <= 3, `limit 3 answered ${items(page).length} items`, page);
        seen.push(...items(page).map((i) => i.host_organization_id));
      }
      ctx.expect(
        seen.join() ===
          items(all)
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
      expectStatus(ctx, hostView, 200, 'host reading its guest');
      ctx.expect(
        items(hostView).every((i) => i.host_organization_id === host),
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
        query: { statuses: both, limit: 1, offset: 0 },
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
      const patchHost = (status: string) =>
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
      const before = await ctx.send('getHostConnection', {
        headers: orgHeaders(ctx, 'guest'),
        path: { host_org_id: host },
      });
      expectStatus(ctx, before, 200, "the guest's connection to its host");
      const flipped = fields(before).status === 'connected' ? 'disconnected' : 'connected';
      const changed = await patchHost(flipped);
      ctx.expect(
        status(changed) === 200 && fields(changed).status === flipped,
        `PATCH status ${flipped}: expected 200 with the new status, got ${status(changed)}`,
        changed,
      );
      ctx.expect(
        Date.parse(str(fields(changed).updated_at)) > Date.parse(str(fields(before).updated_at)),
        'updated_at did not move with the status',
        changed,
      );
      ctx.expect(status(await patchHost(str(fields(before).status))) === 200, 'restoring the status failed');
      if (fields(before).status !== 'connected') return;
      const archived = await patchGuest(true);
      ctx.expect(
        status(archived) === 200 && fields(archived).archived === true && fields(archived).archived_at !== null,
        'archiving did not set archived and archived_at',
        archived,
      );
      const seen = await ctx.send('getHostConnection', {
        headers: orgHeaders(ctx, 'guest'),
        path: { host_org_id: host },
      });
      ctx.expect(fields(seen).archived === true, "the guest's view does not show the archive", seen);
      const restored = await patchGuest(false);
      ctx.expect(
        status(restored) === 200 && fields(restored).archived === false && fields(restored).archived_at === null,
        'unarchiving did not clear archived_at',
        restored,
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
      const made = await ctx.send('createGuestInvitation', {
        headers: host,
        body: { email: `verify-${Date.now()}@connkit.test`, expired_at: '2099-01-01T00:00:00Z' },
      });
      ctx.expect(
        status(made) === 200 &&
          fields(made).status === 'sent' &&
          fields(made).expired === false &&
          typeof fields(made).invitation_token === 'string',
        `create: expected 200 sent with a token, got ${status(made)}`,
        made,
      );
      const listed = await ctx.send('getGuestInvitations', { headers: host, query: { limit: 100, offset: 0 } });
      ctx.expect(
        items(listed).some((i) => i.id === fields(made).id),
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
        const ex = await ctx.send(op.id, {
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
        status(first) === 200 && fields(first).status === 'connected',
        `accepting the invitation: expected 200 connected, got ${status(first)}`,
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
  {
    name: 'mca_invitation_race',
    sharing: 'disjoint',
    tier: 'race',
    apis: ['mycreditapp'],
    description: `${raceSize} parallel acceptances of one invitation: exactly one 200, the rest 409.`,
    async run(ctx) {
      const host = org(ctx, 'host').id;
      const { invitation_token: token, invitee: guest } = await pendingInvitation(ctx, host);
      const headers = {
        Authorization: bearer(guest.access_token),
        'Requester-Organization-ID': guest.id,
        'Target-Organization-ID': guest.id,
      };
      const r = await race(ctx, raceSize, 'createHostConnection', {
        headers,
        body: { host_organization_id: host, invitation_token: token },
      });
      expectOneWinner(ctx, r, 200);
    },
  },
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
        const ex = await ctx.send(op.id, base, { expectFault: true });
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
