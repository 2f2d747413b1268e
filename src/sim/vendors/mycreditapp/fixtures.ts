import { progressTicker, type BuildInput } from '../../build-progress.js';
import { farFuture, longAgo, maxLengthOf, pastDate, seededFor, specSchema, type Seeded } from '../../seeded.js';
import { MyCreditAppState, type Connection, type McaCore } from './state.js';
import { McaTables } from './tables.js';

// pastDate's range (seeded.ts), drawn as epoch ms.
const pastFrom = Date.parse('2019-01-01T00:00:00Z');
const pastTo = Date.parse('2025-05-31T00:00:00Z');

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
const poolSize = 1000;
/** The draws one pool entry takes: a company (a coin, two words), a domain (two words), an owner (one). */
export const drawsPerPoolEntry = 6;
export const drawPoolEntry = (f: Seeded) => ({ name: f.company(), domain: f.domainWord(), owner: f.firstName() });

export function createMyCreditApp({ seed, size, onProgress }: BuildInput): MyCreditAppState {
  const f = seededFor(seed, 'mycreditapp');
  const sc = schemas();
  const t = new McaTables();
  // Past the first thousand organizations, names and domains come from a pool with a
  // counter: large datasets (--size mycreditapp=1000000) build in seconds, not minutes.
  // Drawn as they are first used, from a copy of the generator where the pool begins, while
  // the builder's own carries on past it as if the pool were drawn (a default world uses a
  // few dozen of the thousand): the same names and the same draws after.
  const poolDraws = f.fork();
  f.skip(poolSize * drawsPerPoolEntry);
  const pool: { name: string; domain: string; owner: string }[] = [];
  const poolEntry = (i: number) => {
    while (pool.length <= i) pool.push(drawPoolEntry(poolDraws));
    return pool[i];
  };
  // Each value is also told to the tables as a stem and a suffix (see PartedText), coded
  // once per pool entry and per counter.
  const parts = t.parts;
  const stemCodes: { name: number; email: number; owner: number }[] = [];
  const stemsOf = (i: number, p: { name: string; domain: string; owner: string }) =>
    (stemCodes[i] ??= {
      name: parts.name.stem(p.name),
      email: parts.email.stem(flat('credit@', p.domain)),
      owner: parts.owner_email.stem(flat(p.owner, '@', p.domain)),
    });
  let suffixAt = -1;
  let suffix = '';
  let nameSuffix = '';
  let suffixCodes = { name: 0, email: 0, owner: 0 };
  let made = 0;
  const tick = progressTicker(2 * size, onProgress);
  const org = (name?: string, parent: number | null = null): number => {
    const n = made++;
    tick(n);
    const p = poolEntry(n % poolSize);
    const k = Math.floor(n / poolSize);
    if (k !== suffixAt) {
      suffixAt = k;
      suffix = k === 0 ? '' : `-${k}`;
      nameSuffix = k === 0 ? '' : ` ${k}`;
      const domainEnd = flat(suffix, '.example');
      suffixCodes = {
        name: parts.name.suffix(nameSuffix),
        email: parts.email.suffix(domainEnd),
        owner: parts.owner_email.suffix(domainEnd),
      };
    }
    const stems = stemsOf(n % poolSize, p);
    const shown = (name ?? (nameSuffix ? flat(p.name, nameSuffix) : p.name)).slice(0, sc.name);
    // A given name, or one cut short, is a stem of its own.
    if (name !== undefined || shown.length !== p.name.length + nameSuffix.length)
      parts.name.push(parts.name.stem(shown), parts.name.suffix(''));
    else parts.name.push(stems.name, suffixCodes.name);
    parts.email.push(stems.email, suffixCodes.email);
    parts.owner_email.push(stems.owner, suffixCodes.owner);
    return t.addOrg(
      f.uuid(),
      shown,
      flat('credit@', p.domain, suffix, '.example'),
      flat(p.owner, '@', p.domain, suffix, '.example'),
      parent,
    );
  };
  const link = (host: number, guest: number, i: number) => {
    // Epoch ms drawn as pastDate draws them: no timestamp string per connection.
    const created = f.int(pastFrom, pastTo);
    const archived = i % 4 === 3;
    const action = i % 3 === 0 ? null : (f.ofSchema(sc.action) as Connection['active_action_type']);
    const scored = f.bool();
    t.addConnection(
      host,
      guest,
      i % 5 === 4 ? 'disconnected' : 'connected',
      archived,
      action,
      scored ? f.float(0, 100, 1) : null,
      {
        created_at: created,
        updated_at: created,
        archived_at: archived ? created : null,
        active_action_updated_at: action ? created : null,
        score_updated_at: scored ? created : null,
      },
    );
  };

  const guestAt = org('Contoso Builders');
  const hostAt = org('Northwind Lending');
  link(hostAt, guestAt, 0);
  for (let i = 1; i < size; i++) link(org(), guestAt, i);
  const parentAt = org('Contoso Holdings');
  for (let i = 1; i < size; i++) link(hostAt, org(undefined, i % 6 === 0 ? parentAt : null), i);
  const [guest, host, unconnected, invitee] = [guestAt, hostAt, org('Unconnected Org'), org('Invitee Org')].map((i) =>
    t.org(i),
  );

  const data: McaCore = { seed, counter: 0, invitations: {}, clients: [] };
  const state = new MyCreditAppState(data, t.finish());
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
