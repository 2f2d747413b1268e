import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

/** A `connkit mock` child process on a port it picked, and how to stop it. */
export interface MockProcess {
  url: string;
  stop(): Promise<void>;
}

/** Stops a child and waits for it (a no-op once it has exited). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Starts `connkit mock --port 0 …args` from the sources and waits for its banner. */
export async function startMock(args: string[]): Promise<MockProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(packageRoot, 'src', 'cli.ts'),
      'mock',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--log-level',
      'silent',
      ...args,
    ],
    {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 30_000);
    const read = (d: Buffer) => {
      out += d.toString();
      const m = /connkit simulator on (http:\/\/\S+)/.exec(out);
      if (m?.[1] && out.includes('control API')) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`connkit exited ${code}: ${out}`));
    });
  });
  return { url, stop: () => stopChild(child) };
}

/** Debian's nginx binary, or undefined when it is not installed here. */
export function findNginx(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', 'nginx']) {
    const r = spawnSync(candidate, ['-v'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return undefined;
}
