import { checkControlAccess } from '../control/auth.js';
import { ApiError, isApiError } from '../errors.js';
import { statusOf } from '../issues.js';
import type { JournalView } from '../core.js';
import { journalEntry } from '../pipeline/journal.js';
import type { SimRequest } from '../request.js';
import type { Session } from '../session.js';
import { batched } from './batched.js';
import { exportSession, exportSessionJson } from './export.js';
import { ndjsonType } from './format.js';
import { splitLines } from './import.js';

/** What the snapshot stream needs of the simulator: its sessions, its import, its journal. */
export interface SnapshotHost {
  /** The session of that name by the pipeline's rule (a bad name throws an ApiError). */
  session(name: string | undefined): Session;
  importSnapshot(name: string | undefined, lines: AsyncIterable<string>): Promise<Session>;
  journal: Pick<JournalView, 'add'>;
}

/** A streamed answer: the body in pieces of about 64 KiB, each made only when the door asks for it. */
export interface StreamedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Iterable<string>;
}

const jsonType = 'application/json; charset=utf-8';

/** Whether the request is a `PUT /__control/state` with an NDJSON body (a JSON one is the pipeline's). */
const importsNdjson = (req: SimRequest) =>
  req.method === 'PUT' && (req.headers['content-type'] ?? '').toLowerCase().startsWith(ndjsonType);

/**
 * `GET /__control/state` and an NDJSON `PUT /__control/state`, streamed, for every door (the
 * Node server's route, the fetch doors of `handle()` and MSW): the one control route whose
 * bodies have no size bound (a million records is hundreds of MB each way), so neither way
 * becomes one string. `req` is the request at that path; `body` its bytes as they arrive.
 * Answers undefined for a request the pipeline must answer (another method, a JSON import, a
 * caller the control API refuses, a bad session name), so those checks and errors stay its own.
 * Every answer is journaled as the core journals its own, when its head is known; a streamed
 * body is not kept.
 */
export function streamedState(
  host: SnapshotHost,
  req: SimRequest,
  body: AsyncIterable<string | Uint8Array> | undefined,
  controlToken: string | undefined,
): Promise<StreamedAnswer> | undefined {
  const importing = importsNdjson(req);
  if (req.method !== 'GET' && !importing) return undefined;
  let session: Session;
  try {
    checkControlAccess(req, controlToken);
    session = host.session(req.headers['x-connkit-session']);
  } catch {
    return undefined;
  }
  const arrived = Date.now();
  const started = performance.now();
  const answer = (status: number, headers: Record<string, string>, name: string, pieces: Iterable<string>) => {
    host.journal.add(
      journalEntry({
        req,
        res: { status, headers },
        session: name,
        api: 'control',
        operationId: importing ? 'importState' : 'exportState',
        arrived,
        durationMs: performance.now() - started,
        scenarios: [],
      }),
    );
    return { status, headers, body: pieces };
  };
  if (!importing) {
    const ndjson = (req.headers.accept ?? '').includes(ndjsonType);
    const headers = { 'Content-Type': ndjson ? `${ndjsonType}; charset=utf-8` : jsonType, 'Cache-Control': 'no-store' };
    const pieces = batched(ndjson ? exportSession(session) : exportSessionJson(session));
    return Promise.resolve(answer(200, headers, session.name, pieces));
  }
  return host.importSnapshot(session.name, splitLines(body ?? [])).then(
    (s) => answer(200, { 'Content-Type': jsonType }, s.name, [JSON.stringify({ session: s.name, seed: s.seed })]),
    (err: unknown) => {
      // What is not the snapshot's fault (a body that broke off) is still told as a refused snapshot.
      const e = isApiError(err)
        ? err
        : new ApiError({
            kind: 'unprocessable',
            code: 'invalid_snapshot',
            message: err instanceof Error ? err.message : String(err),
          });
      const envelope = JSON.stringify({ error: { code: e.code ?? e.kind, message: e.message } });
      return answer(statusOf(e), { 'Content-Type': jsonType }, session.name, [envelope]);
    },
  );
}
