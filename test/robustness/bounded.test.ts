import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { freePort } from '../helpers/prism.js';

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/**
 * 60,000 requests (CONNKIT_LONG_RUN_REQUESTS for more) over loopback to a simulator in its own
 * process (so its RSS is its own): the journal keeps its capacity, named sessions their cap
 * (opened at ten times it), and RSS stays under a bound.
 */
const total = Number(process.env.CONNKIT_LONG_RUN_REQUESTS ?? 60_000);
// Ten times the session cap over the run, whatever its length.
const sessionEvery = Math.floor(total / 200);

describe('a long run', () => {
  it(`keeps the journal, the sessions and the memory bounded over ${total} requests`, async () => {
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
          const res = await get(path, {
            authorization: auth,
            ...(i % sessionEvery === 0 ? { 'x-connkit-session': `s-${i}` } : {}),
          });
          if (res.status !== 200) throw new Error(`request ${i}: ${res.status} ${res.body}`);
        }
      };
      const run = (until: number) => Promise.all(Array.from({ length: 32 }, () => worker(until)));
      await run(10_000);
      const baseline = rssOf(child.pid!);
      await run(total);
      const grown = rssOf(child.pid!) - baseline;
      const journal = JSON.parse((await get('/__control/journal?limit=100000')).body);
      const health = JSON.parse((await get('/__control/health')).body);
      expect(sent).toBe(total);
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
