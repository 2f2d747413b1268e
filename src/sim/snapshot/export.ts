import type { Session } from '../session.js';
import { isContainer, isSmall, jsonChunks, ownEntries } from './chunks.js';
import type { SnapshotHeader } from './format.js';

/**
 * The line of one small entry: `JSON.stringify({ api, path: [...path, key], value })`, byte for
 * byte, with the text before the key made once per container (`prefix`), not once per record.
 */
function entryLine(prefix: string, key: string | number, value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  // As JSON.stringify of the object: a value JSON cannot say leaves the field out.
  return `${prefix}${JSON.stringify(key)}]${json === undefined ? '' : `,"value":${json}`}}\n`;
}

function* linesOf(api: string, path: (string | number)[], value: unknown): Generator<string> {
  // The API's root, and every container holding many entries at any depth: empty first, then its entries.
  yield `${JSON.stringify({ api, path, value: Array.isArray(value) ? [] : {} })}\n`;
  const prefix = `{"api":${JSON.stringify(api)},"path":${JSON.stringify(path).slice(0, -1)}${path.length ? ',' : ''}`;
  const entry = function* (key: string | number, v: unknown): Generator<string> {
    if (isSmall(v)) yield entryLine(prefix, key, v);
    else yield* linesOf(api, [...path, key], v);
  };
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* entry(i, value[i]);
  else if (isContainer(value)) for (const [k, v] of ownEntries(value)) if (v !== undefined) yield* entry(k, v);
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
