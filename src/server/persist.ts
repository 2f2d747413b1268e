import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSync } from 'node:fs';
import { isApiError } from '../sim/errors.js';
import type { Simulator } from '../sim/core.js';
import { splitLines } from '../sim/snapshot/import.js';
import { exportSessions, sessionsOf } from '../sim/snapshot/sessions.js';
import { batched } from '../sim/snapshot/batched.js';
import { ListenError } from './tls.js';

/** `connkit mock --persist DIR`: where, and how soon after a change the state is on disk. */
export interface PersistOptions {
  dir: string;
  /** Every change is on disk within this many milliseconds (the write starts at most half of it after the change). */
  intervalMs?: number;
}

export const defaultPersistIntervalMs = 1000;
/** Every session's NDJSON snapshot (the export format), one after the other, each header naming its session. */
export const persistFile = 'connkit-state.ndjson';

/**
 * Writes every session's snapshot to `file`, streamed in 64 KiB pieces: never the whole state
 * as one string. The pieces are made and written in one turn of the event loop, so the file
 * holds the state as it was at one moment, not a mix of before and after a request.
 */
function writeSnapshot(fd: number, sim: Simulator): number {
  let bytes = 0;
  const sessions = sim.sessionNames().map((name) => sim.session(name));
  for (const piece of batched(exportSessions(sessions))) bytes += writeSync(fd, piece);
  return bytes;
}

/**
 * Replaces `path` whole: the snapshot written aside, fsynced, renamed over it, the folder
 * fsynced (a crash leaves the old file or the new one, never half of one).
 */
async function writeAtomically(path: string, dir: string, sim: Simulator): Promise<void> {
  const aside = `${path}.${process.pid}.tmp`;
  const file = await open(aside, 'w', 0o600);
  try {
    writeSnapshot(file.fd, sim);
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

/** Restores every session of the file; a damaged one throws a one-line reason (the start stops). */
async function restore(sim: Simulator, path: string): Promise<void> {
  for await (const { name, lines } of sessionsOf(splitLines(createReadStream(path)))) {
    try {
      await sim.importSnapshot(name, lines);
    } catch (e) {
      throw new Error(`session ${name}: ${isApiError(e) ? e.message : (e as Error).message}`, { cause: e });
    }
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
export async function persist(world: Simulator, options: PersistOptions): Promise<Persistence> {
  const path = join(options.dir, persistFile);
  const intervalMs = options.intervalMs ?? defaultPersistIntervalMs;
  try {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new ListenError(`--persist: cannot use the folder ${options.dir}: ${(e as Error).message}`);
  }
  const found = await stat(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw new ListenError(`--persist: cannot read ${path}: ${e.message}`);
    },
  );
  if (found) {
    try {
      await restore(world, path);
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
    // Writes queue behind each other; each takes its snapshot when its turn comes.
    writing = writing.then(() => writeAtomically(path, options.dir, world));
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
