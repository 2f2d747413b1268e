import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isApiError } from '../sim/errors.js';
import type { SessionSnapshot } from '../sim/session.js';
import type { Simulator } from '../sim/core.js';
import { specIndex } from '../contract/registry.js';
import { ListenError } from './tls.js';

/** `connkit mock --persist DIR`: where, and how soon after a change the state is on disk. */
export interface PersistOptions {
  dir: string;
  /** Every change is on disk within this many milliseconds (the write starts at most half of it after the change). */
  intervalMs?: number;
}

export const defaultPersistIntervalMs = 1000;
export const persistFile = 'connkit-state.json';

/** The file: every session the server holds, each as GET /__control/state exports it. */
interface Persisted {
  connkit: 1;
  sessions: Record<string, SessionSnapshot>;
}

/**
 * How the world becomes bytes and back: the one seam between persistence and the session's
 * snapshot format, so a streaming export/import can replace this without touching the writer.
 */
export interface SnapshotCodec {
  encode(sim: Simulator): string;
  /** Checks everything first and throws a one-line reason; only then changes the world. */
  decode(sim: Simulator, text: string): void;
}

const snapshotValidator = () => specIndex('control').schemaValidator('/components/schemas/Snapshot');

/** Today's codec: the sessions' own export()/importInto, as one JSON document. */
export const jsonCodec: SnapshotCodec = {
  encode(sim) {
    const sessions: Record<string, SessionSnapshot> = {};
    for (const name of sim.sessionNames()) sessions[name] = sim.session(name).export();
    const out: Persisted = { connkit: 1, sessions };
    return JSON.stringify(out);
  },
  decode(sim, text) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new Error(`not JSON (${(e as Error).message})`, { cause: e });
    }
    if (
      typeof doc !== 'object' ||
      doc === null ||
      !('connkit' in doc) ||
      doc.connkit !== 1 ||
      !('sessions' in doc) ||
      typeof doc.sessions !== 'object' ||
      doc.sessions === null
    )
      throw new Error('not a connkit state file (no "connkit": 1 and "sessions")');
    const validate = snapshotValidator();
    const sessions = Object.entries(doc.sessions);
    const snapshots: [string, SessionSnapshot][] = [];
    for (const [name, snapshot] of sessions) {
      if (!validate(snapshot))
        throw new Error(
          `sessions.${name}${validate.errors?.[0]?.instancePath.replace(/\//g, '.') ?? ''} ${validate.errors?.[0]?.message ?? 'is not a snapshot'}`,
        );
      snapshots.push([name, snapshot as SessionSnapshot]);
    }
    try {
      sim.restoreSessions(snapshots);
    } catch (e) {
      throw new Error(isApiError(e) ? e.message : (e as Error).message, { cause: e });
    }
  },
};

/** Replaces `path` whole: written aside, fsynced, renamed over it, the folder fsynced (a crash leaves the old file or the new one). */
async function writeAtomically(path: string, dir: string, text: string): Promise<void> {
  const aside = `${path}.${process.pid}.tmp`;
  const file = await open(aside, 'w', 0o600);
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(aside, path);
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

export interface Persistence {
  /** The path of the state file. */
  path: string;
  /** Writes now if anything changed since the last write (and waits for any write under way). */
  flush(): Promise<void>;
  /** The last write, then no more. */
  close(): Promise<void>;
}

/**
 * Loads DIR's state file into the world (none yet: the world stays as the seed built it; a
 * damaged one: a ListenError naming it, never a silent reset), then writes the state back
 * shortly after every change. A change is a request that is not a read (every POST, PUT,
 * PATCH, DELETE the core answers, control calls included), seen in the journal before its
 * answer is sent.
 */
export async function persist(
  world: Simulator,
  options: PersistOptions,
  codec: SnapshotCodec = jsonCodec,
): Promise<Persistence> {
  const path = join(options.dir, persistFile);
  const intervalMs = options.intervalMs ?? defaultPersistIntervalMs;
  try {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new ListenError(`--persist: cannot use the folder ${options.dir}: ${(e as Error).message}`);
  }
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new ListenError(`--persist: cannot read ${path}: ${e.message}`);
  });
  if (text !== undefined) {
    try {
      codec.decode(world, text);
    } catch (e) {
      throw new ListenError(
        `--persist: the state file ${path} is damaged: ${(e as Error).message} (move it away to start from the seed)`,
      );
    }
  }
  // A temp file left by a write that was killed halfway is never the state: remove it.
  for (const f of await readdir(options.dir).catch(() => []))
    if (f.startsWith(`${persistFile}.`) && f.endsWith('.tmp'))
      await unlink(join(options.dir, f)).catch(() => undefined);

  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  const write = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return writing;
    dirty = false;
    // The snapshot is taken now, in one turn of the event loop; writes queue behind each other.
    const snapshot = codec.encode(world);
    writing = writing.then(() => writeAtomically(path, options.dir, snapshot));
    return writing;
  };
  const unsubscribe = world.journal.subscribe((entry) => {
    if (closed || entry.method === 'GET' || entry.method === 'HEAD' || entry.method === 'OPTIONS') return;
    dirty = true;
    timer ??= setTimeout(() => void write().catch(() => (dirty = true)), intervalMs / 2);
  });
  return {
    path,
    flush: write,
    close: async () => {
      closed = true;
      unsubscribe();
      await write();
    },
  };
}
