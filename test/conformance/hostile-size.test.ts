import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../conformance/verify.js';
import { packageRoot } from '../../src/paths.js';
import { testSimulator } from '../helpers/sim.js';

const mib = 1024 * 1024;
const huge = 120 * mib;
const chunk = Buffer.alloc(64 * 1024, 'A');
const profile = join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml');
const checks = ['missing_auth_rejected', 'wf_counts'];

/** Every answer is 120 MB of JSON-looking bytes, made as they are read: the target never holds them. */
let server: Server;
let base: string;
const sent: number[] = [];
let out: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const declared = req.url?.startsWith('/declared/');
    res.writeHead(200, { 'Content-Type': 'application/json', ...(declared ? { 'Content-Length': String(huge) } : {}) });
    let written = 0;
    const i = sent.push(0) - 1;
    const pump = () => {
      while (written < huge) {
        written += chunk.length;
        sent[i] = written;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (written = huge));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  out = await mkdtemp(join(tmpdir(), 'connkit-huge-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(out, { recursive: true, force: true });
});

describe('verify against a target answering 120 MB', () => {
  it('stops reading at --max-response-bytes (16 MiB by default), reports it as a finding and writes its reports', async () => {
    sent.length = 0;
    const r = await verify({
      api: 'wingfield',
      target: `${base}/chunked/api/v1`,
      profile,
      checks,
      reporters: ['json', 'junit', 'html'],
      out,
      progress: null,
      stateFile: null,
    });
    expect(r.exitCode).toBe(1);
    const findings =
      r.report?.outcomes.filter(
        (o) => o.status === 'failed' && /over --max-response-bytes 16777216/.test(o.message ?? ''),
      ) ?? [];
    expect(findings.length).toBeGreaterThan(0);
    // The finding is the verdict of the check whose request got the answer.
    expect(new Set(findings.map((f) => f.check))).toEqual(new Set(checks));
    expect(r.files).toHaveLength(3);
    expect(await readFile(join(out, 'verify-wingfield.json'), 'utf8')).toContain('max-response-bytes');
    // No answer was read to its end: each stopped a little past the cap (what sat in the socket's buffers).
    expect(sent.length).toBeGreaterThan(1);
    expect(Math.max(...sent)).toBeLessThan(huge / 2);
  }, 120_000);

  it('does not start reading an answer whose Content-Length is over the cap', async () => {
    sent.length = 0;
    const r = await verify({
      api: 'wingfield',
      target: `${base}/declared/api/v1`,
      profile,
      checks: ['missing_auth_rejected'],
      reporters: [],
      progress: null,
      stateFile: null,
    });
    expect(r.exitCode).toBe(1);
    expect(
      r.report?.outcomes.some((o) =>
        /answer of 125829120 bytes \(Content-Length\) is over --max-response-bytes/.test(o.message ?? ''),
      ),
    ).toBe(true);
    expect(Math.max(...sent)).toBeLessThan(huge / 2);
  }, 60_000);

  it("--max-response-bytes is the cap, in bytes: a small one turns the simulator's long lists into findings", async () => {
    const t = await testSimulator();
    try {
      const target = `${t.sim.url}/wingfield/api/v1`;
      const small = await verify({
        api: 'wingfield',
        target,
        profile,
        checks: ['wf_counts'],
        reporters: [],
        progress: null,
        stateFile: null,
        maxResponseBytes: 1000,
      });
      expect(
        small.report?.outcomes.some(
          (o) => o.status === 'failed' && /over --max-response-bytes 1000/.test(o.message ?? ''),
        ),
      ).toBe(true);
      const ample = await verify({
        api: 'wingfield',
        target,
        profile,
        checks: ['wf_counts'],
        reporters: [],
        progress: null,
        stateFile: null,
      });
      expect(ample.report?.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
      expect(
        (
          await verify({
            api: 'wingfield',
            target,
            profile,
            reporters: [],
            progress: null,
            stateFile: null,
            maxResponseBytes: 0,
          })
        ).exitCode,
      ).toBe(2);
    } finally {
      await t.close();
    }
  }, 60_000);
});
