import type { SpecIndex } from '../../src/contract/index.js';
import type { Observation, ObservedRead, Observer } from '../../src/sim/module.js';
import { exchange } from '../http.js';
import type { AnyProfile } from '../types.js';

/** What the tier needs to start the model from a target it cannot reset: the vendor's observer and the profile. */
export interface Observing {
  /** The vendor module's hook, its state given as snapshot JSON (jsonObserver). */
  observer: Observer<unknown, AnyProfile>;
  profile: AnyProfile;
}

/** Reads per list, past which a target is taken to page forever. */
const maxPages = 10_000;
/** Answers of earlier runs kept for the next fromObserved(). */
const maxEarlier = 1_000;
/** Rounds of reads (a list, then the gets its ids name…). */
const maxRounds = 8;

/**
 * Every read the vendor's observer asks for, each list followed page by page by the vendor's
 * own pagination, in rounds until it asks for nothing new; then the model's state from it
 * all, as JSON a snapshot holds.
 */
export async function observeTarget(
  o: { index: SpecIndex; target: string; headers: Record<string, string>; timeoutMs: number },
  observing: Observing,
  changed: ReadonlySet<string>,
  earlier: Observation[],
): Promise<{ state: unknown; credentials: Record<string, string>; unknown: string[]; unknownOperations: string[] }> {
  const { observer, profile } = observing;
  const seen: Observation[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const reads = observer.reads(profile, seen);
    if (!reads.length) break;
    for (const first of reads) {
      let read: ObservedRead | undefined = first;
      for (let pages = 0; read && pages < maxPages; pages++) {
        const ex = await exchange(o.index, o.target, read.operationId, read, o.headers, o.timeoutMs);
        if (!ex.response) throw new Error(`observing the target: ${read.operationId} got no answer (${ex.error})`);
        const answer: Observation = { read, status: ex.response.status, body: ex.response.body };
        seen.push(answer);
        read = observer.next(read, answer);
      }
    }
  }
  const observed = observer.fromObserved(seen, profile, changed, earlier);
  earlier.push(...seen);
  // What older runs showed matters only for what never changes; a bound keeps it small.
  if (earlier.length > maxEarlier) earlier.splice(0, earlier.length - maxEarlier);
  return {
    state: observed.state,
    credentials: observed.credentials,
    unknown: observed.unknown,
    unknownOperations: observed.unknownOperations ?? [],
  };
}
