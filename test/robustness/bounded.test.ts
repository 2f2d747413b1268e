import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { freePort } from '../helpers/prism.js';

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/**
 * 200,000 requests over loopback to a simulator in its own process (so its RSS is its own):
 * the journal keeps its capacity, named sessions their cap, and RSS stays under a bound.
 */
describe('a long run', () => {
  it('keeps the journal, the sessions and the memory bounded over 200k requests', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(packageRoot, 'src', 'cli.ts'),
        'mock',
        '--port',
        String(port),
        '--log-level',
        'silent',
        '--max-sessions',
        '20',
        '--journal-size',
        '1000',
      ],
      {
        cwd: packageRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    try {
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (d) => String(d).includes('control API') && resolve()),
      );
      const get = (path: string, headers: Record<string, string> = {}) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          });
          req.on('error', reject);
          req.end();
        });
      const fixtures = JSON.parse((await get('/__control/fixtures')).body).apis;
      const auth = `Basic ${Buffer.from(`API:${fixtures.leadconduit.credentials.user}`).toString('base64')}`;
      const ids = fixtures.leadconduit.connections.completed.map((c: any) => c.id);
      let next = 0;
      let sent = 0;
      const worker = async (until: number) => {
        for (let i = next; i < until; i = next) {
          next++;
          sent++;
          const path =
            i % 3 === 0
              ? `/leadconduit/connections?relationship_type=${i % 2 ? 'seller' : 'buyer'}`
              : `/leadconduit/connections/${ids[i % ids.length]}`;
          // Every 997th request opens a new named session: ten times the cap over the run.
          const res = await get(path, {
            authorization: auth,
            ...(i % 997 === 0 ? { 'x-connkit-session': `s-${i}` } : {}),
          });
          if (res.status !== 200) throw new Error(`request ${i}: ${res.status} ${res.body}`);
        }
      };
      const run = (until: number) => Promise.all(Array.from({ length: 32 }, () => worker(until)));
      await run(10_000);
      const baseline = rssOf(child.pid!);
      await run(200_000);
      const grown = rssOf(child.pid!) - baseline;
      const journal = JSON.parse((await get('/__control/journal?limit=100000')).body);
      const health = JSON.parse((await get('/__control/health')).body);
      expect(sent).toBe(200_000);
      expect(journal.total).toBe(sent + 1);
      expect(journal.entries).toHaveLength(1000);
      expect(health.sessions).toBeLessThanOrEqual(21);
      expect(grown).toBeLessThan(150 * 1024 * 1024);
    } finally {
      agent.destroy();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 300_000);
});
