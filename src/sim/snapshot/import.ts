import { composeCatalog } from '../scenarios/catalog.js';
import type { Session, SessionSnapshot } from '../session.js';
import type { World } from '../world.js';
import type { SnapshotHeader } from './format.js';
import { checkApiState, invalidSnapshot } from './validate.js';

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** Splits a stream of text chunks (a request body, a file) into lines, holding one at a time. */
export async function* splitLines(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of chunks) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

function parseLine(text: string, n: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidSnapshot([`line ${n}`], 'is not JSON');
  }
}

/** Sets `value` at `key` of `parent`, as an own property even for `__proto__`. */
function put(parent: Container, key: string | number, value: unknown): void {
  Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Reads an NDJSON snapshot (see format.ts) into the plain snapshot it stands for, checking each
 * line's form as it comes and each API's state against its schema at the end.
 */
export async function readSnapshot(
  world: World,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<{ snapshot: SessionSnapshot; states: Map<string, unknown> }> {
  let header: SnapshotHeader | undefined;
  const apis: Record<string, Record<string, unknown>> = {};
  let n = 0;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    const line = parseLine(text, n);
    if (!header) {
      if (
        !isContainer(line) ||
        Array.isArray(line) ||
        line.connkit !== 1 ||
        line.format !== 'ndjson' ||
        typeof line.seed !== 'number' ||
        !Number.isInteger(line.seed)
      )
        throw invalidSnapshot(['line 1'], 'must be the header {"connkit":1,"format":"ndjson","seed":<integer>,…}');
      header = line as unknown as SnapshotHeader;
      continue;
    }
    if (
      !isContainer(line) ||
      Array.isArray(line) ||
      typeof line.api !== 'string' ||
      !Array.isArray(line.path) ||
      !('value' in line)
    )
      throw invalidSnapshot([`line ${n}`], 'must be {"api":…,"path":[…],"value":…}');
    const { api, path, value } = line as { api: string; path: unknown[]; value: unknown };
    if (!world.modules.has(api))
      throw invalidSnapshot([`line ${n}`, 'api'], `is not a served API (${[...world.modules.keys()].join(', ')})`);
    if (path.length === 0) {
      if (!isContainer(value) || Array.isArray(value) || Object.keys(value).length)
        throw invalidSnapshot(['apis', api], 'must begin as {}');
      apis[api] = {};
      continue;
    }
    let parent: unknown = apis[api];
    if (parent === undefined)
      throw invalidSnapshot([`line ${n}`], `sets ${api} state before its line {"api":"${api}","path":[],"value":{}}`);
    for (const key of path.slice(0, -1)) {
      parent =
        isContainer(parent) && (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(parent, key)
          ? (parent as Record<string, unknown>)[key]
          : undefined;
      if (!isContainer(parent))
        throw invalidSnapshot(['apis', api, ...path.map(String)], `has no container at ${String(key)} to go in`);
    }
    const last = path[path.length - 1];
    if (
      !isContainer(parent) ||
      (typeof last !== 'string' && typeof last !== 'number') ||
      (Array.isArray(parent) && last !== parent.length)
    )
      throw invalidSnapshot(['apis', api, ...path.map(String)], 'is not the next entry of its container');
    put(parent, last, value);
  }
  if (!header) throw invalidSnapshot(['line 1'], 'is missing: the snapshot is empty');
  const snapshot: SessionSnapshot = {
    connkit: 1,
    seed: header.seed,
    sizes: header.sizes,
    scenarios: header.scenarios,
    apis,
  };
  // The states were parsed here and are held by no one else: built on as they are.
  return { snapshot, states: checkSnapshot(world, snapshot, true) };
}

/**
 * Every check an import makes before anything changes: each API's state against its schema and
 * read by its state class, the scenarios. Answers the states it built, for the import to keep
 * (`owned`: the snapshot's JSON is the import's own, so the states are built on it, uncopied).
 */
export function checkSnapshot(world: World, snapshot: SessionSnapshot, owned = false): Map<string, unknown> {
  const states = new Map<string, unknown>();
  for (const [api, json] of Object.entries(snapshot.apis)) {
    const mod = world.modules.get(api);
    if (!mod) throw invalidSnapshot(['apis', api], `is not a served API (${[...world.modules.keys()].join(', ')})`);
    checkApiState(mod, json);
    try {
      states.set(api, owned && mod.state.adopt ? mod.state.adopt(json) : mod.state.fromJSON(json));
    } catch (e) {
      throw invalidSnapshot(['apis', api], `cannot be read (${(e as Error).message})`);
    }
  }
  const catalog = composeCatalog([...world.modules.values()]);
  (snapshot.scenarios ?? []).forEach((s, i) => {
    try {
      catalog.normalize(s);
    } catch (e) {
      throw invalidSnapshot(['scenarios', i], (e as Error).message);
    }
  });
  return states;
}

/**
 * Replaces session `name`'s state with an NDJSON snapshot, all or nothing: a snapshot that
 * fails a check (422 naming the field) leaves the session as it was.
 */
export async function importSession(
  world: World,
  name: string | undefined,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<Session> {
  const { snapshot, states } = await readSnapshot(world, lines);
  return world.importInto(name, snapshot, states);
}
