import type { components } from '../generated/control.js';

/** One answered (or reset) request, as GET /__control/journal shows it. */
export type JournalEntry = components['schemas']['JournalEntry'];

/**
 * The last `capacity` requests, oldest dropped first: a ring, so a long run costs a fixed
 * amount of memory however many requests it serves.
 */
export class Journal {
  private readonly ring: (JournalEntry | undefined)[];
  private next = 0;
  private seq = 0;
  private readonly listeners = new Set<(entry: JournalEntry) => void>();

  constructor(readonly capacity: number) {
    this.ring = new Array(Math.max(1, capacity));
  }

  add(entry: Omit<JournalEntry, 'seq'>): void {
    const added = { seq: ++this.seq, ...entry };
    this.ring[this.next] = added;
    this.next = (this.next + 1) % this.ring.length;
    for (const listener of this.listeners) listener(added);
  }

  /** Calls `listener` with every entry added from now on (the page's live journal). */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Newest last; `limit` newest entries, optionally of one session. */
  list(limit = this.ring.length, session?: string): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      const e = this.ring[(this.next + i) % this.ring.length];
      if (e && (session === undefined || e.session === session)) out.push(e);
    }
    return out.slice(-limit);
  }

  /** About what the kept entries hold on the heap (bodies and headers as text), for the memory budget. */
  bytes(): number {
    let n = 0;
    for (const e of this.ring) if (e) n += entryBytes(e);
    return n;
  }

  get total(): number {
    return this.seq;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
  }
}

const entryOverhead = 512;
function entryBytes(e: JournalEntry): number {
  let n = entryOverhead + e.url.length;
  for (const m of [e.request, e.response]) {
    if (!m) continue;
    n += m.body?.length ?? 0;
    for (const [k, v] of Object.entries(m.headers)) n += k.length + v.length;
  }
  return n * 2;
}
