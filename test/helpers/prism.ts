import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../src/free-port.js';
import { packageRoot, specPath } from '../../src/paths.js';

export { freePort };

export interface PrismProcess {
  url: string;
  /** Everything Prism printed so far. */
  log(): string;
  /** Prism's reports of answers that break the spec: warnings logged, and errors (--errors) that replaced the answer. */
  responseViolations(): string[];
  stop(): Promise<void>;
}

/** `prism proxy --errors <spec> <upstream>` (Prism 5.14.2 from node_modules), ready to take requests. */
export async function startPrismProxy(spec: string, upstream: string): Promise<PrismProcess> {
  const port = await freePort();
  const bin = join(packageRoot, 'node_modules', '.bin', 'prism');
  const child: ChildProcess = spawn(
    bin,
    ['proxy', specPath(spec), upstream, '--errors', '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${out}`)), 60_000);
    const poll = setInterval(() => {
      if (out.includes('Prism is listening')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`prism exited ${code}:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => out,
    responseViolations: () => out.split('\n').filter((l) => /Violation: response|errors#VIOLATIONS/.test(l)),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
