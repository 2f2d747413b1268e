import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';

export { freePort } from '../src/free-port.js';

export const root = packageRoot;

export interface Proc {
  child: ChildProcess;
  url: string;
  rss(): number;
  stop(): Promise<void>;
}

/** Starts a server process and waits until `ready` answers 200 (or a line appears). */
export async function startProcess(cmd: string, args: string[], port: number, ready: { path?: string; headers?: Record<string, string>; line?: string }, timeoutMs = 600_000): Promise<Proc & { startMs: number }> {
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${cmd} exited: ${out}`);
    if (performance.now() - started > timeoutMs) throw new Error(`${cmd} not ready: ${out.slice(-500)}`);
    if (ready.line ? out.includes(ready.line) : false) break;
    if (ready.path) {
      try {
        const res = await fetch(url + ready.path, { headers: ready.headers });
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        /* not yet */
      }
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const startMs = performance.now() - started;
  return {
    child,
    url,
    startMs,
    rss: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export const simArgs = (port: number, extra: string[] = []) => [join(root, 'dist', 'src', 'cli.js'), 'mock', '--port', String(port), '--log-level', 'silent', ...extra];
export const prismBin = join(root, 'node_modules', '.bin', 'prism');

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytes: number;
}

/** autocannon at 50 connections: throughput and latency percentiles. */
export async function load(opts: autocannon.Options): Promise<Load> {
  const r = await autocannon({ connections: 50, duration: 5, ...opts });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, bytes: Math.round(r.throughput.average / Math.max(1, r.requests.average)) };
}

/** Sequential requests, timed one by one: p50 and p99 in milliseconds. */
export async function timed(url: (i: number) => string, headers: Record<string, string>, n: number): Promise<{ p50: number; p99: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url(i), { headers });
    await res.arrayBuffer();
    times.push(performance.now() - t);
    status = res.status;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 1000) / 1000;
  return { p50: q(0.5), p99: q(0.99), status };
}
