import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { found } from '../src/sim/found.js';

export const root = packageRoot;
export const logDir = join(root, 'bench', 'logs');

export interface Proc {
  url: string;
  /** Spawn to ready, in milliseconds. */
  startMs: number;
  /** performance.now() at spawn. */
  spawnedAt: number;
  /** CPU the server process has used so far, user and system, in ms (from /proc; 10 ms ticks). */
  cpuMs(): { user: number; system: number };
  /** Resident memory of the server process (the deepest child of the group: npm → sh → node). */
  rss(): number;
  /** The server process's pid (that deepest child). */
  pid(): number;
  stop(): Promise<void>;
}

/** What "ready" means: every one of these requests answered 200 (or anything, with anyStatus) once. */
export interface Ready {
  requests: { path: string; headers?: Record<string, string>; anyStatus?: boolean }[];
  timeoutMs?: number;
}

/**
 * Starts a server in its own process group, its output in bench/logs/<name>.log rather than a
 * pipe: a peer that logs every request would otherwise cost the load generator's CPU to drain.
 */
export async function startProcess(
  name: string,
  cmd: string,
  args: string[],
  port: number,
  ready: Ready,
): Promise<Proc> {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  const pending = new Set(ready.requests);
  const timeoutMs = ready.timeoutMs ?? 120_000;
  let failed = '';
  while (pending.size) {
    if (failed) {
      await stopGroup(child);
      throw new Error(`${name}: ${failed}`);
    }
    if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}: ${tail(logFile)}`);
    if (performance.now() - started > timeoutMs) {
      await stopGroup(child);
      throw new Error(`${name} not ready after ${timeoutMs} ms: ${tail(logFile)}`);
    }
    await Promise.all(
      [...pending].map(async (r) => {
        try {
          const res = await fetch(url + r.path, { headers: r.headers });
          await res.arrayBuffer();
          if (res.status === 200 || r.anyStatus) pending.delete(r);
          // A refusal (401, 403, 400) will not turn into a 200 by waiting: fail now, not at the timeout.
          else if (res.status >= 400 && res.status < 500 && res.status !== 404)
            failed = `${r.path} answered ${res.status}`;
        } catch {
          /* not listening yet */
        }
      }),
    );
    if (pending.size) await new Promise((r) => setTimeout(r, 2));
  }
  const startMs = performance.now() - started;
  return {
    url,
    startMs,
    spawnedAt: started,
    rss: () => rssOfGroup(found(child.pid, 'pid of the spawned server')),
    cpuMs: () => cpuOf(leafOf(found(child.pid, 'pid of the spawned server'))),
    pid: () => leafOf(found(child.pid, 'pid of the spawned server')),
    stop: () => stopGroup(child),
  };
}

const tail = (file: string) => readFileSync(file, 'utf8').slice(-800);

/** SIGTERM to the whole group (npm start and npx leave their node behind otherwise), then wait. */
async function stopGroup(child: ChildProcess): Promise<void> {
  // Without a pid it never started: there is no group to signal.
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** The deepest child of a group (npm → sh → node): the server itself. */
function leafOf(pid: number): number {
  let leaf = pid;
  for (;;) {
    let children: string;
    try {
      children = readFileSync(`/proc/${leaf}/task/${leaf}/children`, 'utf8').trim();
    } catch {
      break;
    }
    if (!children) break;
    leaf = Number(children.split(' ')[0]);
  }
  return leaf;
}

function cpuOf(pid: number): { user: number; system: number } {
  // Fields 14 and 15 of /proc/<pid>/stat, counted after the command's closing parenthesis.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

function rssOfGroup(pid: number): number {
  const leaf = leafOf(pid);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${leaf}/status`, 'utf8'));
  if (!rss) throw new Error(`no VmRSS in /proc/${leaf}/status`);
  return Number(rss[1]) * 1024;
}

/** Runs a command to its end: how long from spawn to exit (npm's own start, for comparison). */
export async function timeCommand(cmd: string, args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: root, stdio: 'ignore' });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${code}`);
  return performance.now() - started;
}
