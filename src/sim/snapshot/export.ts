import type { Session } from '../session.js';
import { isContainer, isSmall, jsonChunks } from './chunks.js';
import type { SnapshotHeader } from './format.js';

function* linesOf(api: string, path: (string | number)[], value: unknown): Generator<string> {
  if (path.length > 0 && isSmall(value)) {
    yield `${JSON.stringify({ api, path, value })}\n`;
    return;
  }
  // The API's root, and every container holding many entries at any depth: empty first, then its entries.
  yield `${JSON.stringify({ api, path, value: Array.isArray(value) ? [] : {} })}\n`;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* linesOf(api, [...path, i], value[i]);
  else if (isContainer(value))
    for (const [k, v] of Object.entries(value)) if (v !== undefined) yield* linesOf(api, [...path, k], v);
}

/**
 * The session's state as NDJSON lines (see format.ts), made as they are read: a consumer that
 * writes them to a socket or a file holds one record at a time, whatever the state's size.
 * `named`: the header says which session it is (a file of several sessions, `--persist`).
 */
export function* exportSession(session: Session, named = false): Generator<string> {
  const header: SnapshotHeader = {
    connkit: 1,
    format: 'ndjson',
    ...(named ? { session: session.name } : {}),
    seed: session.seed,
    sizes: session.sizes,
    scenarios: session.scenarios,
  };
  yield `${JSON.stringify(header)}\n`;
  for (const [api, json] of session.exportApis()) yield* linesOf(api, [], json);
}

/** The same snapshot as one JSON document (`GET /__control/state`'s default), in pieces. */
export function* exportSessionJson(session: Session): Generator<string> {
  yield `{"connkit":1,"seed":${JSON.stringify(session.seed)},"sizes":${JSON.stringify(session.sizes)},"scenarios":${JSON.stringify(session.scenarios)},"apis":{`;
  let first = true;
  for (const [api, json] of session.exportApis()) {
    yield `${first ? '' : ','}${JSON.stringify(api)}:`;
    first = false;
    yield* jsonChunks(json);
  }
  yield '}}';
}
