// Runs a page script in Debian's chromium with MSW's service worker: the script is bundled
// (esbuild) into a temp folder beside mockServiceWorker.js, served by a static file server on
// 127.0.0.1 (the only server), and the page reports through `window.__connkitDone`.
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';
import { packageRoot } from '../../src/paths.js';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/** The browser build (scripts/build-browser.mjs) made fresh into `outdir`. */
export function buildBrowserBundle(outdir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(packageRoot, 'scripts', 'build-browser.mjs'), '--outdir', outdir], {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.once('exit', (code) =>
      code === 0 ? resolve(join(outdir, 'connkit.js')) : reject(new Error(`build-browser failed:\n${out}`)),
    );
  });
}

export interface PageRun {
  /** What the page put in `window.__connkitDone`. */
  result: unknown;
  /** Console lines and page errors, for failure messages. */
  log: string[];
  /** The files `swap` put in the page's bundle. */
  swapped: string[];
}

/** Imports answered by other files: a bare specifier (`connkit`) or a relative import by the absolute path it names. */
function swap(files: Record<string, string>, used: string[]): Plugin {
  return {
    name: 'swap',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const to = args.path.startsWith('.') ? files[resolve(args.resolveDir, args.path)] : files[args.path];
        if (to) used.push(to);
        return to ? { path: to } : undefined;
      });
    },
  };
}

export interface PageBundle {
  /** Imports mapped to files: bare specifiers as written (`connkit`), relative ones by the absolute path they name. */
  swap?: Record<string, string>;
}

/**
 * Bundles `entry`, serves it with MSW's worker and opens it; resolves with the page's result,
 * rejects with its first uncaught error.
 */
export async function runPage(entry: string, bundle: PageBundle, timeoutMs = 60_000): Promise<PageRun> {
  const dir = await mkdtemp(join(tmpdir(), 'connkit-page-'));
  const log: string[] = [];
  const swapped: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
      try {
        const body = await readFile(join(dir, path === '/' ? 'index.html' : path));
        res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'text/html; charset=utf-8' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    await build({
      absWorkingDir: packageRoot,
      entryPoints: { page: entry },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: dir,
      plugins: [swap(bundle.swap ?? {}, swapped)],
      // The browser build leaves msw to the page's bundle: found in this repository's node_modules.
      nodePaths: [join(packageRoot, 'node_modules')],
      sourcemap: 'inline',
      logLevel: 'error',
    });
    await copyFile(
      join(packageRoot, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'),
      join(dir, 'mockServiceWorker.js'),
    );
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>connkit</title><script type="module" src="/page.js"></script>',
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const page = await browser.newPage();
    const failed = new Promise<never>((_, reject) =>
      page.on('pageerror', (e) => reject(new Error(`page error: ${e.message}\n${log.join('\n')}`))),
    );
    page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
    await page.goto(url);
    const done = page.waitForFunction(
      () => (window as { __connkitDone?: unknown }).__connkitDone !== undefined,
      undefined,
      { timeout: timeoutMs },
    );
    await Promise.race([done, failed]);
    const result = await page.evaluate(() => (window as { __connkitDone?: unknown }).__connkitDone);
    return { result, log, swapped };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
}
