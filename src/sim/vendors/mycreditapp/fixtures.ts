import { progressTicker, type BuildInput } from '../../build-progress.js';
import { farFuture, longAgo, maxLengthOf, pastDate, seededFor, specSchema, type Seeded } from '../../seeded.js';
import { MyCreditAppState, type Connection, type McaData, type Org } from './state.js';

// Names are cut to the spec's lengths; action types and scores follow its schemas.
const schemas = () => ({
  name: maxLengthOf(specSchema('mycreditapp', 'HostConnection', 'host_name'), 300),
  action: specSchema('mycreditapp', 'ActiveActionType'),
});

/**
 * A guest `guest` connected to `size` hosts and a host `host` connected to `size` guests
 * (`guest` among them); every fifth connection disconnected, every fourth archived, some with
 * an active action. `unconnected` has no connection; `invitee` has a live invitation from
 * `host`, beside an expired and an accepted one. A token per organization, plus an expired
 * one and one signed with a foreign key.
 */
export function createMyCreditApp({ seed, size, onProgress }: BuildInput): MyCreditAppState {
  const f = seededFor(seed, 'mycreditapp');
  const sc = schemas();
  const data: McaData = { seed, counter: 0, orgs: {}, connections: [], invitations: {}, clients: [] };
  // Past the first thousand organizations, names and domains come from a pool with a
  // counter: large datasets (--size mycreditapp=1000000) build in seconds, not minutes.
  const pool = Array.from({ length: 1000 }, () => ({
    name: f.company(),
    domain: f.domainWord(),
    owner: f.firstName(),
  }));
  let made = 0;
  const tick = progressTicker(2 * size, onProgress);
  const org = (name?: string): Org => {
    const n = made++;
    tick(n);
    const p = pool[n % pool.length];
    const suffix = n < pool.length ? '' : `-${Math.floor(n / pool.length)}`;
    const o = {
      id: f.uuid(),
      name: (name ?? (suffix ? flat(p.name, ' ', suffix.slice(1)) : p.name)).slice(0, sc.name),
      email: flat('credit@', p.domain, suffix, '.example'),
      owner_email: flat(p.owner, '@', p.domain, suffix, '.example'),
      parent_organization_id: null,
    };
    data.orgs[o.id] = o;
    return o;
  };
  const link = (host: Org, guest: Org, i: number): Connection => {
    const created = pastDate(f);
    const archived = i % 4 === 3;
    const action = i % 3 === 0 ? null : (f.ofSchema(sc.action) as Connection['active_action_type']);
    const scored = f.bool();
    const c: Connection = {
      host_organization_id: host.id,
      guest_organization_id: guest.id,
      status: i % 5 === 4 ? 'disconnected' : 'connected',
      archived,
      created_at: created,
      updated_at: created,
      archived_at: archived ? created : null,
      active_action_type: action,
      active_action_updated_at: action ? created : null,
      total_score: scored ? f.float(0, 100, 1) : null,
      score_updated_at: scored ? created : null,
    };
    data.connections.push(c);
    return c;
  };

  const guest = org('Contoso Builders');
  const host = org('Northwind Lending');
  link(host, guest, 0);
  for (let i = 1; i < size; i++) link(org(), guest, i);
  const parent = org('Contoso Holdings');
  for (let i = 1; i < size; i++) {
    const g = org();
    if (i % 6 === 0) g.parent_organization_id = parent.id;
    link(host, g, i);
  }
  const unconnected = org('Unconnected Org');
  const invitee = org('Invitee Org');

  const state = new MyCreditAppState(data);
  const sentAt = pastDate(f);
  const invite = (email: string, expired_at: string, status: 'sent' | 'accepted') =>
    state.addInvitation({
      host_organization_id: host.id,
      email,
      first_invitation_sent_at: sentAt,
      last_invitation_sent_at: sentAt,
      expired_at,
      status,
      archived: false,
      created_at: sentAt,
      updated_at: sentAt,
      accepted_at: status === 'accepted' ? sentAt : null,
      archived_at: null,
      parent_organization_id: null,
    });
  invite(invitee.email, farFuture(f), 'sent');
  invite(email(f), longAgo(f), 'sent');
  invite(guest.email, farFuture(f), 'accepted');

  for (const [label, o] of [
    ['guest', guest],
    ['host', host],
    ['unconnected', unconnected],
    ['invitee', invitee],
  ] as const)
    state.mintClient(label, o.id);
  state.mintClient('expired', guest.id, { expired: true });
  state.mintClient('bad-signature', guest.id, { secret: 'not-mycreditapp-signing-key' });
  return state;
}

const email = (f: Seeded) => f.email();

/** One flat string rather than a tree of concatenations: fewer objects on the heap for each of a million organizations. */
const flat = (...parts: string[]) => parts.join('');
