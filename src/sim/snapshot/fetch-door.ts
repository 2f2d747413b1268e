import type { SimRequest } from '../request.js';
import { streamedState, type SnapshotHost } from './stream.js';

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
  const it = pieces[Symbol.iterator]();
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
 * The snapshot stream (stream.ts) for the fetch doors (in-process `handle()`, MSW): a WHATWG
 * Request in, a streamed Response out. Undefined for every request the pipeline answers.
 */
export function streamedSnapshot(host: SnapshotHost, request: Request): Promise<Response> | undefined {
  const url = new URL(request.url);
  if (url.pathname !== statePath) return undefined;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  const req: SimRequest = { method: request.method, origin: url.origin, target: url.pathname + url.search, headers };
  const body = request.body ? chunksOf(request.body) : undefined;
  return streamedState(host, req, body, undefined)?.then(
    (a) => new Response(streamOf(a.body), { status: a.status, headers: a.headers }),
  );
}
