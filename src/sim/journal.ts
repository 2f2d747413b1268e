import type { components } from '../generated/control.js';
import {
  JournalExpectation,
  matcher,
  type AnyJournalQuery,
  type JournalApi,
  type JournalQuery,
} from './journal-query.js';

export type { AnyJournalQuery, JournalQuery, JournalApi, OperationIds, StatusMatch } from './journal-query.js';
export { JournalExpectation, JournalExpectationError } from './journal-query.js';

/** One answered (or reset) request, as GET /__control/journal shows it. */
export type JournalEntry = components['schemas']['JournalEntry'];

/** 64 MiB: a thousand entries with bodies at the 64 KiB cut each stay well inside. */
export const defaultJournalBytes = 64 * 1024 * 1024;

/**
 * What an entry holds, in bytes, near enough to budget with (V8 keeps these strings one byte
 * per character unless they hold non-Latin-1 text): its strings plus a fixed cost per object.
 */
export function entryBytes(e: Omit<JournalEntry, 'seq'>): number {
  let n = 200 + e.url.length + e.method.length + e.session.length + (e.api?.length ?? 0) + (e.operationId?.length ?? 0);
  for (const s of e.scenarios ?? []) n += s.length + 16;
  for (const s of e.violations ?? []) n += s.length + 16;
  for (const m of [e.request, e.response]) {
    if (!m) continue;
    n += 64 + (m.body?.length ?? 0);
    // for…in, not Object.entries: every request is counted, and the pairs' arrays are garbage.
    for (const k in m.headers) n += k.length + m.headers[k].length + 32;
  }
  return n;
}

/**
 * The newest requests, bounded twice: at most `capacity` entries and at most `maxBytes`
 * (the oldest dropped first), so a long run with large bodies costs a fixed amount of memory.
 */
export class Journal {
  private readonly ring: (JournalEntry | undefined)[];
  private readonly sizes: number[];
  /** Index of the oldest entry kept. */
  private head = 0;
  private count = 0;
  private held = 0;
  private seq = 0;
  private readonly listeners = new Set<(entry: JournalEntry) => void>();

  constructor(
    readonly capacity: number,
    readonly maxBytes = defaultJournalBytes,
  ) {
    this.ring = new Array<JournalEntry | undefined>(Math.max(1, capacity));
    this.sizes = new Array<number>(this.ring.length).fill(0);
  }

  add(entry: Omit<JournalEntry, 'seq'>): void {
    const added = { seq: ++this.seq, ...entry };
    const size = entryBytes(entry);
    if (this.count === this.ring.length) this.dropOldest();
    const at = (this.head + this.count) % this.ring.length;
    this.ring[at] = added;
    this.sizes[at] = size;
    this.count++;
    this.held += size;
    // The newest entry stays even alone over the cap: the journal always shows the last request.
    while (this.held > this.maxBytes && this.count > 1) this.dropOldest();
    for (const listener of this.listeners) listener(added);
  }

  private dropOldest(): void {
    this.held -= this.sizes[this.head];
    this.ring[this.head] = undefined;
    this.sizes[this.head] = 0;
    this.head = (this.head + 1) % this.ring.length;
    this.count--;
  }

  /** Calls `listener` with every entry added from now on (the page's live journal). */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private *kept(): Generator<JournalEntry> {
    for (let i = 0; i < this.count; i++) {
      const e = this.ring[(this.head + i) % this.ring.length];
      if (e) yield e;
    }
  }

  /** Newest last; `limit` newest entries, optionally of one session. */
  list(limit = this.ring.length, session?: string): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (const e of this.kept()) if (session === undefined || e.session === session) out.push(e);
    return out.slice(-limit);
  }

  /**
   * The kept requests that match, oldest first: `find({ api: 'auth0', operationId:
   * 'create_connection', status: 409, session, since })`.
   */
  find<A extends JournalApi>(query: JournalQuery<A> = {}): JournalEntry[] {
    return this.match(query);
  }

  /** `find` untyped: for queries that arrive as data (the control API's GET /journal). */
  match(query: AnyJournalQuery): JournalEntry[] {
    const test = matcher(query);
    const out: JournalEntry[] = [];
    for (const e of this.kept()) if (test(e)) out.push(e);
    return out;
  }

  /** `expect({ api: 'wingfield', operationId: 'deleteOrganizationRelation' }).count(1)`: throws naming what was there. */
  expect<A extends JournalApi>(query: JournalQuery<A> = {}): JournalExpectation {
    return new JournalExpectation(query, this.find(query), () => this.list(10));
  }

  /** Bytes the kept entries hold (estimated as `entryBytes` does): the memory budget reads it. */
  bytes(): number {
    return this.held;
  }

  /** Entries kept now (at most `capacity`, fewer when `maxBytes` binds). */
  get size(): number {
    return this.count;
  }

  get total(): number {
    return this.seq;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.sizes.fill(0);
    this.head = 0;
    this.count = 0;
    this.held = 0;
  }
}
