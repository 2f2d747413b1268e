// The bin runs `connkit mock` from a bundle of its own (dist/src/cli-mock.cjs) without verify
// and the conformance suite, and loads the certificate libraries, the response validators and
// body-parser from scripts beside it on first use (scripts/bundle-cli.mjs). This reads the
// built files and starts the built bin the ways that need those scripts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vendorNames } from '../../src/contract/names.js';
import { packageRoot } from '../../src/paths.js';
import { createSimulator } from '../../src/sim/core.js';
import { stopChild } from '../helpers/processes.js';

const dist = join(packageRoot, 'dist', 'src');
const bin = join(dist, 'cli.cjs');
const tlsDir = mkdtempSync(join(tmpdir(), 'connkit-mock-bundle-tls-'));
const stateHome = mkdtempSync(join(tmpdir(), 'connkit-mock-bundle-state-'));
afterAll(() => {
  for (const d of [tlsDir, stateHome]) rmSync(d, { recursive: true, force: true });
});
const env = { ...process.env, CONNKIT_TLS_DIR: tlsDir, XDG_STATE_HOME: stateHome, NODE_EXTRA_CA_CERTS: undefined };

/** The module ids esbuild keeps in a bundle (its CommonJS and ES module wrappers are keyed by path). */
const moduleIds = (file: string) =>
  new Set(
    [...readFileSync(join(dist, file), 'latin1').matchAll(/"((?:node_modules|src|conformance)\/[^"]+)"/g)].map(
      (m) => m[1],
    ),
  );

/** Starts the built bin's `connkit mock --port 0 …args`; resolves with its banner once printed. */
async function mock(args: string[]) {
  const child = spawn(process.execPath, [bin, 'mock', '--port', '0', '--log-level', 'silent', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const banner = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('control API')) resolve(out);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`connkit exited ${code}: ${out}`)));
  });
  return { banner, stop: () => stopChild(child) };
}

describe("connkit mock's own bundle", () => {
  it('leaves out verify, the conformance suite, fast-check and what only TLS or response checks load', () => {
    const mockIds = [...moduleIds('cli-mock.cjs')];
    const fullIds = moduleIds('cli-bundle.cjs');
    // What the full CLI holds and the mock's does not: the test reads real module ids.
    expect(fullIds.has('conformance/verify.ts')).toBe(true);
    expect([...fullIds].some((id) => id.startsWith('node_modules/fast-check/'))).toBe(true);
    expect(mockIds.filter((id) => /^conformance\/|node_modules\/fast-check\//.test(id))).toEqual([]);
    expect(mockIds).toContain('src/server/index.ts');
    for (const ids of [mockIds, [...fullIds]])
      expect(
        ids.filter((id) =>
          /node_modules\/(@peculiar|selfsigned|iconv-lite|body-parser)\/|validators\/\w+\.responses/.test(id),
        ),
      ).toEqual([]);
    const tlsIds = moduleIds('cli-tls-ca.cjs');
    expect([...tlsIds].some((id) => id.startsWith('node_modules/@peculiar/x509/'))).toBe(true);
    expect([...moduleIds('cli-body-parser.cjs')].some((id) => id.startsWith('node_modules/iconv-lite/'))).toBe(true);
  });

  it('serves HTTPS and --validate-responses from the bin with a code cache (their scripts load beside the bundle)', async () => {
    // A start that leaves the mock's code cache: the next runs from it. (A script taken from the
    // cache once lost its import() callback, and a TLS start failed only then.)
    expect(spawnSync(process.execPath, [bin, 'mock', '--help'], { env }).status).toBe(0);
    const m = await mock(['--size', '1', '--tls', '--tls-port', '0', '--validate-responses']);
    try {
      const https = /and (https:\/\/127\.0\.0\.1:\d+)/.exec(m.banner)?.[1];
      expect(https, m.banner).toBeTruthy();
      const ca = readFileSync(join(tlsDir, 'ca.pem'));
      const status = await new Promise<number | undefined>((resolve, reject) =>
        get(`${https}/__control/health`, { ca }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject),
      );
      expect(status).toBe(200);
    } finally {
      await m.stop();
    }
  });

  it("serves the sources' world: it reads the specs' runtime copies, the sources the whole documents", async () => {
    const m = await mock(['--seed', '7', '--size', '30']);
    try {
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(m.banner)?.[1];
      expect(url, m.banner).toBeTruthy();
      const src = createSimulator({ seed: 7, sizes: Object.fromEntries(vendorNames.map((v) => [v, 30])) });
      // Fixtures name base URLs: the server's own origin where the in-process core says localhost.
      const read = async (path: string) =>
        JSON.parse((await (await fetch(`${url}/__control${path}`)).text()).replaceAll(url ?? '', 'http://localhost'));
      expect(await read('/state')).toEqual(await src.control.state.export());
      expect(await read('/fixtures')).toEqual(await src.control.fixtures());
    } finally {
      await m.stop();
    }
  });

  it('leaves verify to the full CLI: the bin lists its checks', () => {
    const r = spawnSync(process.execPath, [bin, 'verify', '--list-checks'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(10);
  });
});

describe('the bin', () => {
  it("is CommonJS, and its ES module twin imports no module: Node's own come from process.getBuiltinModule", () => {
    for (const file of [bin, join(dist, 'cli.js')]) {
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('process.getBuiltinModule(');
      expect(text.match(/^\s*import\b.*$/gm) ?? []).toEqual([]);
      expect(text).not.toMatch(/\bimport\s*\(/);
    }
    expect(readFileSync(bin, 'utf8')).not.toContain('import.meta');
  });

  it('runs the same command from either launcher', () => {
    const [cjs, esm] = [bin, join(dist, 'cli.js')].map((file) =>
      spawnSync(process.execPath, [file, 'verify', '--list-checks'], { encoding: 'utf8' }),
    );
    expect(cjs.status).toBe(0);
    expect(esm.stdout).toBe(cjs.stdout);
  });
});
