import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlClient, ControlError } from '../../conformance/control.js';
import { withLimits } from '../../conformance/http.js';
import { ProviderStateError, urlSource } from '../../conformance/provider-states.js';
import { verify } from '../../conformance/verify.js';
import { packageRoot } from '../../src/paths.js';

/**
 * What verify reads besides the target's answers: the control API (`--control`) and a profile's
 * provider-state URL. Both are servers verify was pointed at, so they get the target's rules:
 * no redirect followed (the provider-state source's headers are credentials for its URL only),
 * the answer read up to --max-response-bytes, an answer that is not what was asked for a
 * finding or a usage error, never a crash.
 */
async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const secret = 'X-Api-Key-0123456789abcdef';
/** The other origin: whatever reaches it is recorded, and nothing may. */
let elsewhere: { server: Server; url: string };
const reachedElsewhere: { url?: string; headers: IncomingHttpHeaders }[] = [];
/** One hostile server, its behaviour picked by the path. */
let hostile: { server: Server; url: string };
let out: string;
beforeAll(async () => {
  elsewhere = await listen((req, res) => {
    reachedElsewhere.push({ url: req.url, headers: req.headers });
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"apis":{}}');
  });
  hostile = await listen((req, res) => {
    req.resume();
    const path = req.url ?? '/';
    if (path.startsWith('/away')) {
      res.writeHead(307, { Location: `${elsewhere.url}${path}` });
      return void res.end();
    }
    if (path.startsWith('/huge')) {
      // 4 MiB of JSON whitespace: over the small cap the tests set, the rest never read.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(Buffer.alloc(4 * 1024 * 1024, 0x20));
    }
    if (path.startsWith('/html')) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return void res.end('<html>a login page</html>');
    }
    if (path.startsWith('/shape')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end('{"connectToken":"wct_x"}');
    }
    if (path.startsWith('/deep')) {
      // A 200 nesting 30,000 arrays: 60 kB, under every size cap.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(`${'['.repeat(30_000)}${']'.repeat(30_000)}`);
    }
    // The base URL answers, so verify's reachability probe passes.
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
  out = await mkdtemp(join(tmpdir(), 'connkit-hostile-sources-'));
});
afterAll(async () => {
  for (const s of [elsewhere.server, hostile.server]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  await rm(out, { recursive: true, force: true });
});

const mintFrom = (path: string, headers: Record<string, string> = {}) =>
  urlSource(`${hostile.url}${path}`, headers, 5000).mint('open connect token', {});

describe('a provider-state source that answers what it should not', () => {
  it("follows no redirect: the profile's headers and the request never reach another origin", async () => {
    const err = await mintFrom('/away/states', { 'X-Api-Key': secret }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderStateError);
    expect((err as Error).message).toMatch(/answered 307 \(a redirect, not followed/);
    expect(reachedElsewhere).toEqual([]);
  });

  it('reads an answer only up to --max-response-bytes', async () => {
    const err = await withLimits({ maxResponseBytes: 64 * 1024 }, () => mintFrom('/huge')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderStateError);
    expect((err as Error).message).toMatch(/over --max-response-bytes 65536/);
  });
});

describe('a --control URL that is not connkit', () => {
  it('follows no redirect and reads no more than the cap', async () => {
    const away = await controlClient(`${hostile.url}/away/__control`, 'verify-1', 5000)
      .fixtures()
      .catch((e: unknown) => e);
    expect(away).toBeInstanceOf(ControlError);
    expect((away as Error).message).toMatch(/answered 307/);
    expect(reachedElsewhere).toEqual([]);
    const huge = await withLimits({ maxResponseBytes: 64 * 1024 }, () =>
      controlClient(`${hostile.url}/huge`, 'verify-1', 5000).fixtures(),
    ).catch((e: unknown) => e);
    expect(huge).toBeInstanceOf(ControlError);
    expect((huge as Error).message).toMatch(/over --max-response-bytes 65536/);
  });

  it('answering HTML or JSON of another shape: a usage error naming it, exit code 2, no crash', async () => {
    for (const control of [`${hostile.url}/html`, `${hostile.url}/other`]) {
      const r = await verify({
        api: 'wingfield',
        target: `${hostile.url}/api/v1`,
        control,
        reporters: [],
        progress: null,
        stateFile: null,
      });
      expect(r.exitCode).toBe(2);
      expect(r.console).toMatch(/control API GET \/fixtures answered (200 with no JSON|404)/);
    }
    const r = await verify({
      api: 'wingfield',
      target: `${hostile.url}/api/v1`,
      control: `${hostile.url}/shape`,
      reporters: [],
      progress: null,
      stateFile: null,
    });
    expect(r.exitCode).toBe(2);
    expect(r.console).toMatch(/answered no "apis" object/);
  });
});

describe('a target whose answer nests thousands of levels deep', () => {
  it('is a finding in every report, not a stack overflow that loses them', async () => {
    const r = await verify({
      api: 'wingfield',
      target: `${hostile.url}/deep/api/v1`,
      profile: join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml'),
      checks: ['wf_claim_once', 'missing_auth_rejected'],
      reporters: ['json', 'html'],
      out,
      progress: null,
      stateFile: null,
    });
    expect(r.exitCode).toBe(1);
    const failed = r.report?.outcomes.filter((o) => o.status === 'failed') ?? [];
    expect(failed.map((o) => o.message).join('\n')).toMatch(/nests arrays or objects over 256 levels deep; not read/);
    const json = JSON.parse(await readFile(join(out, 'verify-wingfield.json'), 'utf8'));
    expect(json.totals.failed).toBe(r.report?.totals.failed);
  }, 60_000);
});
