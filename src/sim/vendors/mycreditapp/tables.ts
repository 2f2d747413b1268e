import { f64Column, groupOf, groupRows, i32Column, u32Column, u8Column, type Groups } from '../../index/columns.js';
import { PairIndex } from '../../index/pair-index.js';
import { PartedText } from '../../index/parted-text.js';
import { SearchText } from '../../index/search-text.js';
import { denseRanks, releaseScratch, sortStrings } from '../../index/text-sort.js';
import type { Connection, Org } from './state.js';

/** Connection fields kept as epoch milliseconds (NaN: null). */
export const timeFields = [
  'created_at',
  'updated_at',
  'archived_at',
  'active_action_updated_at',
  'score_updated_at',
] as const;
export type TimeField = (typeof timeFields)[number];
/** Organization text fields a list sorts and searches by. */
export const textFields = ['name', 'email', 'owner_email'] as const;
export type TextField = (typeof textFields)[number];

/** A code per enum value (the spec's values first); unknown values of a hand-made snapshot are added. */
class Codes {
  readonly values: (string | null)[];
  private readonly index = new Map<string | null, number>();
  constructor(values: (string | null)[]) {
    this.values = [...values];
    this.values.forEach((v, i) => this.index.set(v, i));
  }
  code(v: string | null): number {
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.values.push(v) - 1;
      this.index.set(v, c);
    }
    return c;
  }
}

/**
 * A canonical `toISOString` timestamp as epoch ms, read from its digits; NaN for any other
 * string (kept as it is, beside the column).
 */
export function isoMs(s: string): number {
  if (s.length !== 24 || s.charCodeAt(23) !== 90) return NaN;
  const d = (i: number) => {
    const c = s.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : NaN;
  };
  for (const [i, ch] of [
    [4, 45],
    [7, 45],
    [10, 84],
    [13, 58],
    [16, 58],
    [19, 46],
  ])
    if (s.charCodeAt(i) !== ch) return NaN;
  const y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const mo = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  const h = d(11) * 10 + d(12);
  const mi = d(14) * 10 + d(15);
  const sec = d(17) * 10 + d(18);
  const ms = d(20) * 100 + d(21) * 10 + d(22);
  // Years below 100 mean 19xx to Date.UTC; out-of-range parts would roll over: both kept raw.
  if (!(y >= 100) || mo < 1 || mo > 12 || day < 1 || h > 23 || mi > 59 || sec > 59 || !(ms >= 0)) return NaN;
  const t = Date.UTC(y, mo - 1, day, h, mi, sec, ms);
  return new Date(t).getUTCDate() === day ? t : NaN;
}

/** How a list's rows show an organization: the other side of each connection. */
export type Side = 'hosts' | 'guests';

/**
 * MyCreditApp's seeded world as columns: organizations (their strings once each), connections
 * (typed arrays: refs to organizations, enum codes, epoch ms), each organization's rows as
 * host and as guest, the pair index, and per text field the values' ranks and search text.
 * Built once and never written: sessions and writes keep their changes in an overlay.
 */
export class McaTables {
  readonly statuses = new Codes(['connected', 'disconnected']);
  readonly actions = new Codes([null, 'documents_update_request', 'analytics_request']);
  // organizations
  readonly orgIds: string[] = [];
  readonly orgText: Record<TextField, string[]> = { name: [], email: [], owner_email: [] };
  /**
   * The same values as stems and suffixes, when the builder made them so (a seeded world,
   * for every organization, in order): their ranks are then found without sorting the values.
   */
  readonly parts: Record<TextField, PartedText> = {
    name: new PartedText(),
    email: new PartedText(),
    owner_email: new PartedText(),
  };
  private readonly parentCol = i32Column();
  orgParent = new Int32Array(0);
  /** Organizations by id: a binary search over the ids in order (no Map entry per organization). */
  readonly orgIndex = {
    get: (id: string): number | undefined => {
      const ids = this.orgIds;
      const order = this.idOrder;
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[order[mid]] < id) lo = mid + 1;
        else hi = mid;
      }
      return lo < order.length && ids[order[lo]] === id ? order[lo] : undefined;
    },
  };
  private idOrder: Uint32Array = new Uint32Array(0);
  // connections
  private readonly cols = {
    host: u32Column(),
    guest: u32Column(),
    status: u8Column(),
    archived: u8Column(),
    action: u8Column(),
    score: f64Column(),
    created_at: f64Column(),
    updated_at: f64Column(),
    archived_at: f64Column(),
    active_action_updated_at: f64Column(),
    score_updated_at: f64Column(),
  };
  n = 0;
  host = new Uint32Array(0);
  guest = new Uint32Array(0);
  status = new Uint8Array(0);
  archived = new Uint8Array(0);
  action = new Uint8Array(0);
  score = new Float64Array(0);
  time = {} as Record<TimeField, Float64Array>;
  /** Timestamps not in toISOString's form (a hand-made snapshot), by field and row. */
  readonly rawTime = new Map<TimeField, Map<number, string>>();
  // derived, once built
  byHost!: Groups;
  byGuest!: Groups;
  pairs!: PairIndex;
  idRank!: Uint32Array;
  rank = {} as Record<TextField, Uint32Array>;
  search = {} as Record<TextField, SearchText>;

  /** Appends an organization; its parent by index, or by id (resolved when the build ends). */
  addOrg(id: string, name: string, email: string, owner: string, parent: number | string | null): number {
    const i = this.orgIds.push(id) - 1;
    this.orgText.name.push(name);
    this.orgText.email.push(email);
    this.orgText.owner_email.push(owner);
    // Parents are resolved once every organization is in (a snapshot may name one later).
    this.parentCol.push(typeof parent === 'number' ? parent : -1);
    if (typeof parent === 'string') this.pendingParents.push(i, parent);
    return i;
  }
  private pendingParents: (number | string)[] = [];

  /** Appends a connection (organizations by index); timestamps as epoch ms or strings. */
  addConnection(
    host: number,
    guest: number,
    status: string,
    archived: boolean,
    action: string | null,
    score: number | null,
    times: Record<TimeField, number | string | null>,
  ): void {
    const c = this.cols;
    const row = c.host.push(host);
    c.guest.push(guest);
    c.status.push(this.statuses.code(status));
    c.archived.push(archived ? 1 : 0);
    c.action.push(this.actions.code(action));
    c.score.push(score ?? NaN);
    for (const f of timeFields) {
      const v = times[f];
      let ms = typeof v === 'number' ? v : v === null ? NaN : isoMs(v);
      if (typeof v === 'string' && ms !== ms) {
        let raw = this.rawTime.get(f);
        if (!raw) this.rawTime.set(f, (raw = new Map<number, string>()));
        raw.set(row, v);
        // Sorted by the instant it names; one that names none sorts after every other value.
        const parsed = Date.parse(v);
        ms = parsed === parsed ? parsed : Number.POSITIVE_INFINITY;
      }
      c[f].push(ms);
    }
  }

  /** Ends the build: columns trimmed, rows grouped per organization, pairs, ranks and search text. */
  finish(): this {
    const c = this.cols;
    this.host = c.host.done();
    this.guest = c.guest.done();
    this.status = c.status.done();
    this.archived = c.archived.done();
    this.action = c.action.done();
    this.score = c.score.done();
    for (const f of timeFields) this.time[f] = c[f].done();
    this.n = this.host.length;
    this.orgParent = this.parentCol.done();
    this.idOrder = sortStrings(this.orgIds);
    this.idRank = new Uint32Array(this.idOrder.length);
    for (let p = 0; p < this.idOrder.length; p++) this.idRank[this.idOrder[p]] = p;
    for (let i = 0; i < this.pendingParents.length; i += 2) {
      const at = this.orgIndex.get(this.pendingParents[i + 1] as string);
      if (at !== undefined) this.orgParent[this.pendingParents[i] as number] = at;
      // A parent outside the organizations keeps its id: stored as -2 - its place among the unknown ones.
      else {
        this.unknownParents.push(this.pendingParents[i + 1] as string);
        this.orgParent[this.pendingParents[i] as number] = -1 - this.unknownParents.length;
      }
    }
    this.pendingParents = [];
    const orgs = this.orgIds.length;
    this.byHost = groupRows(this.host, orgs);
    this.byGuest = groupRows(this.guest, orgs);
    this.pairs = new PairIndex(this.host, this.guest);
    for (const f of textFields) {
      const lowered = this.orgText[f].map((s) => s.toLowerCase());
      const parts = this.parts[f];
      this.rank[f] = (parts.length === orgs ? parts.ranks() : undefined) ?? denseRanks(lowered);
      this.search[f] = new SearchText(lowered);
    }
    releaseScratch();
    return this;
  }
  readonly unknownParents: string[] = [];

  /** The rows of one organization's list: its hosts (rows where it is the guest) or its guests. */
  rowsOf(side: Side, org: number): Uint32Array {
    return groupOf(side === 'hosts' ? this.byGuest : this.byHost, org);
  }

  /** The organization a row of a list shows. */
  otherOf(side: Side): Uint32Array {
    return side === 'hosts' ? this.host : this.guest;
  }

  parentId(org: number): string | null {
    const p = this.orgParent[org];
    return p >= 0 ? this.orgIds[p] : p === -1 ? null : this.unknownParents[-2 - p];
  }

  org(i: number): Org {
    return {
      id: this.orgIds[i],
      name: this.orgText.name[i],
      email: this.orgText.email[i],
      owner_email: this.orgText.owner_email[i],
      parent_organization_id: this.parentId(i),
    };
  }

  timeOf(f: TimeField, row: number): string | null {
    const raw = this.rawTime.get(f)?.get(row);
    if (raw !== undefined) return raw;
    const ms = this.time[f][row];
    return ms === ms ? new Date(ms).toISOString() : null;
  }

  /** A connection made from its row (a fresh object: writes go through the state, never into it). */
  connection(row: number): Connection {
    const score = this.score[row];
    return {
      host_organization_id: this.orgIds[this.host[row]],
      guest_organization_id: this.orgIds[this.guest[row]],
      status: this.statuses.values[this.status[row]] as Connection['status'],
      archived: this.archived[row] === 1,
      created_at: this.timeOf('created_at', row) as string,
      updated_at: this.timeOf('updated_at', row) as string,
      archived_at: this.timeOf('archived_at', row),
      active_action_type: this.actions.values[this.action[row]] as Connection['active_action_type'],
      active_action_updated_at: this.timeOf('active_action_updated_at', row),
      total_score: score === score ? score : null,
      score_updated_at: this.timeOf('score_updated_at', row),
    };
  }
}
