// A fresh Vite app that depends on connkit: `vite build` resolves the package's browser entry
// (its "browser" export condition) and bundles it with no warning (no "chunk larger than"), and
// the built app, opened in Debian's chromium, gets answers from the simulator in the page: a
// read, and a bad body answered with Auth0's own envelope naming the field.
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, type Logger } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { buildBrowserBundle } from '../msw/browser-harness.js';

const app = {
  'index.html': '<!doctype html><meta charset="utf-8"><title>app</title><script type="module" src="/main.js"></script>',
  'main.js': `
import { createSimulator } from 'connkit';

const sim = createSimulator({ seed: 42 });
const { auth0 } = (await sim.control.fixtures()).apis;
const url = 'http://127.0.0.1/auth0/api/v2/organizations/' + auth0.organizations.empty.id + '/connections';
const headers = { authorization: 'Bearer ' + auth0.tokens.full, 'content-type': 'application/json' };
const read = await sim.handle(new Request(url, { headers }));
const bad = await sim.handle(new Request(url, { method: 'POST', headers, body: JSON.stringify({ connection_id: 42 }) }));
window.__done = { read: [read.status, await read.json()], bad: [bad.status, await bad.json()] };
`,
};

let dir = '';
let bundleBytes: Buffer | undefined;
const warnings: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'connkit-vite-'));
  for (const [name, text] of Object.entries(app)) await writeFile(join(dir, name), text);
  // connkit as an installed package: its own package.json (the export conditions) and a fresh browser build.
  const pkg = join(dir, 'node_modules', 'connkit');
  await mkdir(join(pkg, 'dist', 'browser'), { recursive: true });
  await copyFile(join(packageRoot, 'package.json'), join(pkg, 'package.json'));
  bundleBytes = await readFile(await buildBrowserBundle(join(pkg, 'dist', 'browser')));
  // msw is the app's own (connkit's browser build leaves it to the app's bundle).
  await symlink(join(packageRoot, 'node_modules', 'msw'), join(dir, 'node_modules', 'msw'), 'dir');
  const logger: Logger = {
    info: () => undefined,
    warn: (msg) => void warnings.push(msg),
    warnOnce: (msg) => void warnings.push(msg),
    error: (msg) => void warnings.push(`error: ${msg}`),
    clearScreen: () => undefined,
    hasErrorLogged: () => false,
    hasWarned: false,
  };
  await build({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    customLogger: logger,
    build: { outDir: join(dir, 'dist'), rollupOptions: { onwarn: (w) => void warnings.push(w.message) } },
  });
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a Vite app using connkit', () => {
  it("takes connkit's browser build, at most 120 KiB gzipped", () => {
    expect(bundleBytes && gzipSync(bundleBytes).length).toBeLessThanOrEqual(120 * 1024);
  });

  it('builds with no bundler warning', () => {
    expect(warnings).toEqual([]);
  });

  it('answers through the simulator in chromium', async () => {
    const out = join(dir, 'dist');
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
    const server = createServer((req, res) => {
      const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
      readFile(join(out, path === '/' ? 'index.html' : path)).then(
        (body) => res.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/html' }).end(body),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.waitForFunction(() => '__done' in window, undefined, { timeout: 60_000 });
      const done = await page.evaluate(() => (window as { __done?: unknown }).__done);
      expect(errors).toEqual([]);
      expect(done).toMatchObject({
        read: [200, []],
        bad: [400, { statusCode: 400, error: 'Bad Request', message: expect.stringContaining('connection_id') }],
      });
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 90_000);
});
