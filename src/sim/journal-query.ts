import type { OperationsBySpec } from '../generated/operations.js';
import type { JournalEntry } from './journal.js';

/** Every API's operationIds, from the generated types: a misspelt one does not compile. */
export type OperationIds = { [S in keyof OperationsBySpec]: keyof OperationsBySpec[S] & string };
export type JournalApi = keyof OperationIds;

/** `409`, several (`[401, 403]`) or a class (`'4xx'`); 0 is a connection reset without an answer. */
export type StatusMatch = number | readonly number[] | `${1 | 2 | 3 | 4 | 5}xx`;

/** Which journaled requests: every field given must hold. */
export type JournalQuery<A extends JournalApi = JournalApi> = {
  [K in A]: {
    api?: K;
    /** Typed by `api`: give the api first. */
    operationId?: OperationIds[K];
    status?: StatusMatch;
    session?: string;
    method?: string;
    /** After this `seq` (`journal.total` read earlier), or at or after this time. */
    since?: number | Date | string;
  };
}[A];

/** The same query untyped: what reaches the journal from HTTP, and what every typed one is. */
export interface AnyJournalQuery {
  api?: string;
  operationId?: string;
  /** As in JournalQuery; over HTTP a class arrives as the text `4xx`. */
  status?: number | readonly number[] | string;
  session?: string;
  method?: string;
  since?: number | Date | string;
}

const statusMatches = (want: number | readonly number[] | string, status: number) =>
  typeof want === 'number'
    ? status === want
    : typeof want === 'string'
      ? Math.floor(status / 100) === Number(want[0])
      : want.includes(status);

/** The test a query stands for: `since` read once, so a long journal costs one comparison per field. */
export function matcher(query: AnyJournalQuery): (entry: JournalEntry) => boolean {
  const { api, operationId, status, session, method, since } = query;
  const afterSeq = typeof since === 'number' ? since : undefined;
  const fromTime = since === undefined || typeof since === 'number' ? undefined : new Date(since).getTime();
  if (fromTime !== undefined && Number.isNaN(fromTime))
    throw new RangeError(`journal query: since ${JSON.stringify(since)} is neither a seq nor a date`);
  const verb = method?.toUpperCase();
  return (e) =>
    (api === undefined || e.api === api) &&
    (operationId === undefined || e.operationId === operationId) &&
    (status === undefined || statusMatches(status, e.status)) &&
    (session === undefined || e.session === session) &&
    (verb === undefined || e.method === verb) &&
    (afterSeq === undefined || e.seq > afterSeq) &&
    (fromTime === undefined || Date.parse(e.at) >= fromTime);
}

/** `{ api: 'auth0', status: 409 }` as a person writes it. */
export const describeQuery = (query: AnyJournalQuery) =>
  Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join('|') : String(v)}`)
    .join(' ') || 'any request';

/** What a test sent, asserted: the failure names the query and what the journal did hold. */
export class JournalExpectation {
  constructor(
    private readonly query: AnyJournalQuery,
    readonly entries: JournalEntry[],
    private readonly recent: () => JournalEntry[],
  ) {}

  /** Exactly `n` requests matched. */
  count(n: number): JournalEntry[] {
    return this.check(this.entries.length === n, `exactly ${n}`);
  }

  atLeast(n: number): JournalEntry[] {
    return this.check(this.entries.length >= n, `at least ${n}`);
  }

  once(): JournalEntry {
    return this.count(1)[0];
  }

  none(): void {
    this.count(0);
  }

  private check(ok: boolean, wanted: string): JournalEntry[] {
    if (ok) return this.entries;
    const seen = this.recent().map(
      (e) =>
        `  #${e.seq} ${e.method} ${e.url} ${e.status || 'reset'} ${e.api ?? '-'}.${e.operationId ?? '-'} session=${e.session}`,
    );
    throw new JournalExpectationError(
      [
        `expected ${wanted} request(s) with ${describeQuery(this.query)}, the journal holds ${this.entries.length}`,
        ...(seen.length ? ['newest requests:', ...seen] : ['the journal is empty']),
      ].join('\n'),
    );
  }
}

export class JournalExpectationError extends Error {
  override name = 'JournalExpectationError';
}
