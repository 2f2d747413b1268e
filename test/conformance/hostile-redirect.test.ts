import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../conformance/verify.js';
import { packageRoot } from '../../src/paths.js';

const profile = join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml');

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The other origin: it records whatever reaches it, which must be nothing. */
let elsewhere: { server: Server; url: string };
const reachedElsewhere: string[] = [];
/** The target: 307 to the other origin under /away, 307 to its own /moved otherwise; /moved itself is recorded. */
let target: { server: Server; url: string };
const reachedMoved: string[] = [];
beforeAll(async () => {
  elsewhere = await listen((req, res) => {
    reachedElsewhere.push(`${req.method} ${req.url}`);
    req.resume();
    res.end('{}');
  });
  target = await listen((req, res) => {
    req.resume();
    if (req.url?.startsWith('/moved')) {
      reachedMoved.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end('{}');
    }
    const away = req.url?.startsWith('/away');
    res.writeHead(307, { Location: away ? `${elsewhere.url}${req.url}` : `/moved${req.url}` });
    res.end();
  });
});
afterAll(async () => {
  for (const s of [elsewhere.server, target.server]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

describe('verify against a target that redirects', () => {
  it('follows no redirect to another origin (the connect token never leaves) and reports each one', async () => {
    const r = await verify({
      api: 'wingfield',
      target: `${target.url}/away/api/v1`,
      profile,
      checks: ['wf_claim_once', 'missing_auth_rejected'],
      reporters: [],
      progress: null,
      stateFile: null,
    });
    expect(reachedElsewhere).toEqual([]);
    expect(r.exitCode).toBe(1);
    const failed = r.report?.outcomes.filter((o) => o.status === 'failed') ?? [];
    expect(failed.map((o) => o.message).join('\n')).toMatch(
      /redirect 307 to another origin \(http:\/\/127\.0\.0\.1:\d+\) not followed/,
    );
    expect(new Set(failed.map((o) => o.check))).toContain('wf_claim_once');
  }, 60_000);

  it('follows no redirect within the target either: the 3xx is the answer, judged as undocumented', async () => {
    const r = await verify({
      api: 'wingfield',
      target: `${target.url}/api/v1`,
      profile,
      checks: ['missing_auth_rejected', 'status_code_conformance'],
      reporters: [],
      progress: null,
      stateFile: null,
    });
    expect(reachedMoved).toEqual([]);
    expect(
      r.report?.outcomes.some(
        (o) =>
          o.check === 'status_code_conformance' &&
          o.status === 'failed' &&
          /status 307 is not documented/.test(o.message ?? ''),
      ),
    ).toBe(true);
  }, 60_000);
});
