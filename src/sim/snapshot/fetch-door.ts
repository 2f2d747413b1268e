import { checkControlAccess } from '../control/auth.js';
import { isApiError } from '../errors.js';
import { statusOf } from '../issues.js';
import { journalEntry } from '../pipeline/journal.js';
import { resolveSession } from '../pipeline/session.js';
import type { SimRequest } from '../request.js';
import type { Session } from '../session.js';
import type { World } from '../world.js';
import { batched } from './batched.js';
import { exportSession, exportSessionJson } from './export.js';
import { ndjsonType } from './format.js';
import { importSession, splitLines } from './import.js';

const statePath = '/__control/state';

/** A WHATWG stream's chunks, read without async iteration (browsers do not all have it). */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Text pieces as a byte stream pulled by its reader: the next piece is made only when asked for. */
function streamOf(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const it = batched(pieces)[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      it.return?.(undefined);
    },
  });
}

/**
 * `GET /__control/state` and an NDJSON `PUT /__control/state` for the fetch doors (in-process
 * `handle()`, MSW) with streamed bodies, as the Node door streams them (snapshot-route.ts): a
 * state of a million records never becomes one string. Answers undefined for every other
 * request, and for one the pipeline must answer (a bad session name, a JSON import), so its
 * checks and errors stay the pipeline's own.
 */
export function streamedSnapshot(world: World, request: Request): Promise<Response> | undefined {
  const url = new URL(request.url);
  if (url.pathname !== statePath) return undefined;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  const importing = request.method === 'PUT' && (headers['content-type'] ?? '').toLowerCase().startsWith(ndjsonType);
  if (request.method !== 'GET' && !importing) return undefined;
  const sim: SimRequest = { method: request.method, origin: url.origin, target: url.pathname + url.search, headers };
  let session: Session;
  try {
    checkControlAccess(sim, undefined);
    session = resolveSession(world, headers['x-connkit-session']);
  } catch {
    return undefined;
  }
  const arrived = Date.now();
  const started = performance.now();
  const journal = (status: number, answerHeaders: Record<string, string>, name: string) =>
    world.journal.add(
      journalEntry({
        req: sim,
        res: { status, headers: answerHeaders },
        session: name,
        api: 'control',
        operationId: importing ? 'importState' : 'exportState',
        arrived,
        durationMs: performance.now() - started,
        scenarios: [],
      }),
    );
  if (!importing) {
    const ndjson = (headers.accept ?? '').includes(ndjsonType);
    const answerHeaders = {
      'Content-Type': ndjson ? `${ndjsonType}; charset=utf-8` : 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    };
    journal(200, answerHeaders, session.name);
    const body = ndjson ? exportSession(session) : exportSessionJson(session);
    return Promise.resolve(new Response(streamOf(body), { headers: answerHeaders }));
  }
  const lines = request.body ? splitLines(chunksOf(request.body)) : [];
  return importSession(world, session.name, lines).then(
    (s) => {
      const answerHeaders = { 'Content-Type': 'application/json; charset=utf-8' };
      journal(200, answerHeaders, s.name);
      return new Response(JSON.stringify({ session: s.name, seed: s.seed }), { headers: answerHeaders });
    },
    (err: unknown) => {
      if (!isApiError(err)) throw err;
      const answerHeaders = { 'Content-Type': 'application/json; charset=utf-8' };
      journal(statusOf(err), answerHeaders, session.name);
      return new Response(JSON.stringify({ error: { code: err.code ?? err.kind, message: err.message } }), {
        status: statusOf(err),
        headers: answerHeaders,
      });
    },
  );
}
