import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

// The run's machinery failing halfway (a crash no check catches): the real runner sends some
// requests, then the error escapes. Only `runChecks` is replaced; everything else is verify's own.
const crash = vi.hoisted(() => ({ on: false }));
vi.mock('../../conformance/runner.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../conformance/runner.js')>();
  return {
    ...real,
    runChecks: async (o: Parameters<typeof real.runChecks>[0]) => {
      if (!crash.on) return real.runChecks(o);
      o.onProgress?.(0, o.checks.length, o.checks[0]?.name ?? 'none');
      throw new Error('the run broke down halfway');
    },
  };
});
const { verify } = await import('../../conformance/verify.js');

const profile = join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml');
const reporters = ['console', 'json', 'junit', 'html'];

let t: TestSim;
/** In front of the simulator; after `dieAfter` requests it stops answering for good (the target "dies"). */
let proxy: Server;
let proxyUrl: string;
let seen = 0;
const dieAfter = 15;
let out: string;
beforeAll(async () => {
  t = await testSimulator();
  proxy = createServer((req, res) => {
    void (async () => {
      if (++seen > dieAfter) return void req.socket.destroy();
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(Buffer.from(c));
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) =>
          typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k) ? [[k, v]] : [],
        ),
      );
      const answer = await fetch(`${t.sim.url}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  out = await mkdtemp(join(tmpdir(), 'connkit-fatal-'));
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await t.close();
  await rm(out, { recursive: true, force: true });
});

describe('reports when a run goes wrong', () => {
  it('a target that dies mid-run: every report is written, the lost answers are failures, the exit code is 1', async () => {
    const dir = join(out, 'dies');
    const r = await verify({
      api: 'wingfield',
      target: `${proxyUrl}/wingfield/api/v1`,
      profile,
      reporters,
      out: dir,
      progress: null,
      stateFile: null,
    });
    expect(seen).toBeGreaterThan(dieAfter);
    expect(r.exitCode).toBe(1);
    expect(r.report?.totals.passed).toBeGreaterThan(0);
    const json = JSON.parse(await readFile(join(dir, 'verify-wingfield.json'), 'utf8'));
    expect(JSON.stringify(json.outcomes)).toMatch(/fetch failed|socket|no answer/);
    await expect(readFile(join(dir, 'verify-wingfield.junit.xml'), 'utf8')).resolves.toContain('<failure');
    await expect(readFile(join(dir, 'verify-wingfield.html'), 'utf8')).resolves.toContain('Failures (');
  }, 60_000);

  it('a fatal error: every report is written with the error in it, and the exit code is 2', async () => {
    const dir = join(out, 'fatal');
    crash.on = true;
    try {
      const r = await verify({
        api: 'wingfield',
        target: `${t.sim.url}/wingfield/api/v1`,
        profile,
        reporters,
        out: dir,
        progress: null,
        stateFile: null,
      });
      expect(r.exitCode).toBe(2);
      expect(r.report?.fatal).toMatch(/^during \w+: the run broke down halfway$/);
      expect(r.console).toMatch(/FATAL during \w+: the run broke down halfway/);
      const json = JSON.parse(await readFile(join(dir, 'verify-wingfield.json'), 'utf8'));
      expect(json.fatal).toBe(r.report?.fatal);
      const junit = await readFile(join(dir, 'verify-wingfield.junit.xml'), 'utf8');
      expect(junit).toMatch(/<error message="during \w+: the run broke down halfway"/);
      const html = await readFile(join(dir, 'verify-wingfield.html'), 'utf8');
      expect(html).toContain('The run ended early');
      expect(html).toContain('the run broke down halfway');
    } finally {
      crash.on = false;
    }
  }, 60_000);
});
