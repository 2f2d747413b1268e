import type { JournalEntry } from '../journal.js';
import type { SimRequest, SimResponse } from '../request.js';

/** Bodies are kept up to this many characters: a page can show them, memory stays bounded. */
const keptBody = 64 * 1024;

// The headers objects are the request's and the answer's own (made for this request, never
// changed after), so they are kept as they are rather than copied.
function message(headers: Record<string, string>, body: string | undefined): NonNullable<JournalEntry['request']> {
  if (body === undefined) return { headers };
  return body.length > keptBody ? { headers, body: body.slice(0, keptBody), truncated: true } : { headers, body };
}

export interface Served {
  req: SimRequest;
  res: SimResponse;
  session: string;
  api: string;
  operationId?: string;
  arrived: number;
  durationMs: number;
  scenarios: string[];
  violations?: string[];
}

// Requests arrive many to a millisecond under load: the last instant's ISO string is reused
// rather than a Date made and formatted for each.
let lastArrived = NaN;
let lastAt = '';
function isoOf(ms: number): string {
  if (ms !== lastArrived) {
    lastAt = new Date(ms).toISOString();
    lastArrived = ms;
  }
  return lastAt;
}

/** One answered (or reset) request as the journal keeps it: what was asked, what was answered. */
export function journalEntry(s: Served): Omit<JournalEntry, 'seq'> {
  return {
    at: isoOf(s.arrived),
    session: s.session,
    method: s.req.method,
    url: s.req.target,
    api: s.api,
    operationId: s.operationId,
    status: s.res.reset ? 0 : s.res.status,
    durationMs: Math.round(s.durationMs * 100) / 100,
    scenarios: s.scenarios.length ? s.scenarios : undefined,
    violations: s.violations,
    request: message(s.req.headers, s.req.body),
    response: message(s.res.headers, s.res.body),
  };
}
