import type { Session } from '../session.js';
import { exportSession } from './export.js';
import { invalidSnapshot } from './validate.js';

/** Every session's snapshot, one after the other, each header naming its session (a `--persist` file). */
export function* exportSessions(sessions: Iterable<Session>): Generator<string> {
  for (const session of sessions) yield* exportSession(session, true);
}

const headerName = (text: string, n: number): string | undefined => {
  if (!text.startsWith('{"connkit"')) return undefined;
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    throw invalidSnapshot([`line ${n}`], 'is not JSON');
  }
  const name = typeof line === 'object' && line !== null && 'session' in line ? line.session : undefined;
  if (typeof name !== 'string' || !name) throw invalidSnapshot([`line ${n}`, 'session'], 'must name the session');
  return name;
};

/**
 * Splits a file of several sessions' snapshots into one line stream per session, each read to
 * its end before the next begins (so nothing is held but the line at hand).
 */
export async function* sessionsOf(
  lines: AsyncIterable<string>,
): AsyncGenerator<{ name: string; lines: AsyncGenerator<string> }> {
  const it = lines[Symbol.asyncIterator]();
  let n = 0;
  let next = await it.next();
  n++;
  while (!next.done) {
    const name = headerName(next.value, n);
    if (name === undefined) throw invalidSnapshot([`line ${n}`], 'must be a session header {"connkit":1,"session":…}');
    const first = next.value;
    const own = async function* (): AsyncGenerator<string> {
      yield first;
      for (;;) {
        next = await it.next();
        n++;
        if (next.done || headerName(next.value, n) !== undefined) return;
        yield next.value;
      }
    };
    const body = own();
    yield { name, lines: body };
    // What the reader left of this session (none when it read it all) is passed over.
    while (!(await body.next()).done);
  }
}
