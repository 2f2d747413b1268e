import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

/** Every process under `pid`, read from /proc (the field after the command's closing paren is the state, then the parent). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone between the listing and the read
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents)
      if (parent === p) {
        out.push(child);
        walk(child);
      }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    it(`${signal} to npm stops the server it started: no orphaned node`, async () => {
      const npm = spawn('npm', ['start', '--', '--port', '0', '--log-level', 'silent', '--size', '1'], {
        cwd: packageRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
      let out = '';
      let tree: number[] = [];
      try {
        const url = await new Promise<string>((resolve, reject) => {
          npm.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            const m = /simulator on (http:\/\/\S+)/.exec(out);
            if (m && out.includes('control API')) resolve(m[1]);
          });
          void exited.then(() => reject(new Error(`npm start exited: ${out}`)));
        });
        tree = descendants(npm.pid ?? -1);
        expect(tree.length, out).toBeGreaterThan(0);
        expect((await fetch(`${url}/__control/health`)).status).toBe(200);
        npm.kill(signal);
        await exited;
        // The server closes its port first, so it may take a moment after npm is gone.
        for (let i = 0; i < 100 && tree.some(alive); i++) await sleep(100);
        expect(tree.filter(alive)).toEqual([]);
        await expect(fetch(`${url}/__control/health`)).rejects.toThrow();
      } finally {
        for (const pid of [...tree, ...descendants(npm.pid ?? -1)]) if (alive(pid)) process.kill(pid, 'SIGKILL');
        if (npm.exitCode === null) npm.kill('SIGKILL');
      }
    });
});
