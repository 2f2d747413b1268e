import type { components } from '../../../generated/mycreditapp.js';
import type { components as control } from '../../../generated/control.js';
import type { Observation, ObservedRead, Observer } from '../../module.js';
import { answersOf, isObject, itemsOf, numberOf, schemaGuard } from '../../observe.js';
import { MyCreditAppState, type Connection, type Invitation, type McaData, type Org } from './state.js';

type Profile = control['schemas']['MyCreditAppProfile'];
type S = components['schemas'];
type ProfileOrg = { id: string; name?: string; access_token: string };
const isHost = schemaGuard<S['HostConnection']>('mycreditapp', 'HostConnection');
const isGuest = schemaGuard<S['GuestConnection']>('mycreditapp', 'GuestConnection');
const isInvitation = schemaGuard<S['GuestInvitation']>('mycreditapp', 'GuestInvitation');
const limit = 100;
const statuses: S['ConnectionStatus'][] = ['connected', 'disconnected'];

const orgsOf = (p: Profile): ProfileOrg[] =>
  [p.organizations.guest, p.organizations.host, p.organizations.invitee, p.organizations.unconnected].filter(
    (o) => o !== undefined,
  );
const headers = (o: ProfileOrg, target = o.id) => ({
  Authorization: `Bearer ${o.access_token}`,
  'Requester-Organization-ID': o.id,
  'Target-Organization-ID': target,
});
const list = (operationId: string, o: ProfileOrg, target?: string): ObservedRead => ({
  operationId,
  query: operationId === 'getGuestInvitations' ? { limit, offset: 0 } : { statuses, limit, offset: 0 },
  headers: headers(o, target),
});

/**
 * MyCreditApp as a target shows it: each profile organization's hosts, guests and
 * invitations (its own lists, every page), then the lists of each organization it is
 * connected with, as the host and guest scenarios let it read them. An organization whose
 * name, e-mail or owner's e-mail no list shows is unknown, and so is a host whose score for
 * its guest no read shows.
 */
export const mycreditappObserver: Observer<MyCreditAppState, Profile> = {
  reads(p, seen) {
    const own = orgsOf(p);
    if (!seen.length)
      return own.flatMap((o) =>
        ['getHostConnections', 'getGuestConnections', 'getGuestInvitations'].map((id) => list(id, o)),
      );
    if (seen.some((s) => s.read.headers['Target-Organization-ID'] !== s.read.headers['Requester-Organization-ID']))
      return [];
    // A guest reads its hosts' guest lists; a host reads its guests' host lists.
    return own.flatMap((o) =>
      seen
        .filter((s) => s.status === 200 && s.read.headers['Requester-Organization-ID'] === o.id)
        .flatMap((s) =>
          itemsOf(s.body, 'items').flatMap((item): ObservedRead[] => {
            if (item.status !== 'connected') return [];
            if (s.read.operationId === 'getHostConnections' && isHost(item))
              return [list('getGuestConnections', o, item.host_organization_id)];
            if (s.read.operationId === 'getGuestConnections' && isGuest(item))
              return [list('getHostConnections', o, item.guest_organization_id)];
            return [];
          }),
        ),
    );
  },
  next(read, answer: Observation) {
    const offset = Number(read.query?.offset ?? 0);
    const total = isObject(answer.body) ? numberOf(answer.body.total_items) : undefined;
    if (answer.status !== 200 || total === undefined || offset + limit >= total) return undefined;
    return { ...read, query: { ...read.query, offset: offset + limit } };
  },
  fromObserved(seen, p) {
    const orgs = new Map<string, Partial<Org>>();
    const org = (id: string, fields: Partial<Org>) => orgs.set(id, { ...orgs.get(id), ...fields, id });
    const pairs = new Map<string, Connection>();
    const scored = new Set<string>();
    const pair = (host: string, guest: string, c: S['ConnectionCommon']): Connection => {
      const key = `${host}|${guest}`;
      const known = pairs.get(key);
      const next: Connection = {
        host_organization_id: host,
        guest_organization_id: guest,
        status: c.status,
        archived: c.archived,
        created_at: c.created_at,
        updated_at: c.updated_at,
        archived_at: c.archived_at,
        active_action_type: c.active_action_type,
        active_action_updated_at: c.active_action_updated_at,
        total_score: known?.total_score ?? null,
        score_updated_at: known?.score_updated_at ?? null,
      };
      pairs.set(key, next);
      return next;
    };
    for (const o of orgsOf(p)) org(o.id, o.name === undefined ? {} : { name: o.name });
    for (const s of answersOf(seen, 'getHostConnections')) {
      const guest = s.read.headers['Target-Organization-ID'];
      for (const item of itemsOf(s.body, 'items').filter(isHost)) {
        pair(item.host_organization_id, guest, item);
        org(item.host_organization_id, { name: item.host_name, email: item.host_email, owner_email: item.owner_email });
      }
    }
    for (const s of answersOf(seen, 'getGuestConnections')) {
      const host = s.read.headers['Target-Organization-ID'];
      for (const item of itemsOf(s.body, 'items').filter(isGuest)) {
        const c = pair(host, item.guest_organization_id, item);
        c.total_score = item.total_score;
        c.score_updated_at = item.score_updated_at;
        scored.add(`${host}|${item.guest_organization_id}`);
        org(item.guest_organization_id, {
          name: item.guest_name,
          email: item.guest_email,
          owner_email: item.owner_email,
          parent_organization_id: item.parent_organization_id,
        });
        if (item.parent_organization_id && item.parent_organization_name !== null)
          org(item.parent_organization_id, { name: item.parent_organization_name });
      }
    }
    const invitations: McaData['invitations'] = {};
    for (const s of answersOf(seen, 'getGuestInvitations'))
      for (const item of itemsOf(s.body, 'items').filter(isInvitation)) {
        const { expired, parent_organization_name, ...stored } = item;
        // The view says `expired` once the time has passed; what is stored is the status it was sent with.
        const invitation: Invitation = {
          ...stored,
          status: expired && item.status === 'expired' ? 'sent' : item.status,
        };
        invitations[invitation.id] = invitation;
        if (item.parent_organization_id && parent_organization_name !== null)
          org(item.parent_organization_id, { name: parent_organization_name });
      }
    const unknown: string[] = [];
    const data: McaData = { seed: 0, counter: 0, orgs: {}, connections: [...pairs.values()], invitations, clients: [] };
    let n = 0;
    for (const [id, o] of orgs) {
      if (o.name === undefined || o.email === undefined || o.owner_email === undefined) unknown.push(id);
      // What no read showed is a stand-in no answer compares (the organization is unknown).
      const stand = `unobserved-${n++}@connkit.invalid`;
      data.orgs[id] = {
        id,
        name: o.name ?? stand,
        email: o.email ?? stand,
        owner_email: o.owner_email ?? stand,
        parent_organization_id: o.parent_organization_id ?? null,
      };
    }
    for (const c of data.connections)
      if (!scored.has(`${c.host_organization_id}|${c.guest_organization_id}`)) unknown.push(c.host_organization_id);
    const seenTokens = new Set(Object.values(invitations).map((i) => i.invitation_token));
    const inv = p.invitations;
    for (const t of [...(inv?.sent ?? []), ...(inv?.accepted ?? []), ...(inv?.expired ?? [])])
      if (!seenTokens.has(t)) unknown.push(t);
    const state = MyCreditAppState.fromData(data, true);
    const credentials: Record<string, string> = {};
    for (const o of orgsOf(p)) credentials[o.access_token] = state.mintClient(`observed-${o.id}`, o.id).access_token;
    if (p.expired_access_token)
      credentials[p.expired_access_token] = state.mintClient('observed-expired', p.organizations.guest.id, {
        expired: true,
      }).access_token;
    return { state, credentials, unknown };
  },
};
