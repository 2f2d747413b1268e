// Where a user of the library waits: a test file's start (fresh process → import('connkit') →
// createSimulator() → fixtures() → the first answer of each headline read), side by side with
// `node -e 0` and MSW's own import, interleaved so a noisy neighbour hits all three alike; the
// RSS after the first answers; and the browser build's size, raw and gzipped. The starts are
// timed with the library's code cache in place, and once more each with none (a build's first).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { base, headlineReads } from '../endpoints.js';
import { median, round } from '../load.js';
import { root } from '../proc.js';
import type { Step } from '../step.js';

/** Runs `node args…` to its end; its wall time from spawn and what it printed. */
export async function timeNode(args: string[], env?: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: env ? { ...process.env, ...env } : process.env,
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}`);
  return { ms: performance.now() - started, stdout };
}

export const library: Step = async (ctx) => {
  ctx.log("\nlibrary: a test file's start (import → createSimulator → fixtures → first answers), RSS, browser build");
  const runs = ctx.o.quick ? 3 : 7;
  const requests = headlineReads(ctx.fx).map((e) => ({ path: base(e.api, 'connkit') + e.path, headers: e.headers }));
  const nodeMs: number[] = [];
  const mswMs: number[] = [];
  const connkitMs: number[] = [];
  // Node loads its fetch globals (undici) on the first Request: every in-process answer pays
  // this, connkit's and the test's own `new Request` alike, so it is measured as a floor. In
  // the phases it falls in fixturesMs: `sim.control` is the first to touch Request there.
  const fetchMs: number[] = [];
  const phases: Record<string, number>[] = [];
  // The library runs its core through V8's code cache, kept in connkit's state folder: the
  // timed starts use a folder of the bench's own, given its cache by one start before them;
  // each start of the second kind gets an empty folder, as a build's very first start has.
  const folders: string[] = [];
  const folder = () => {
    folders.push(mkdtempSync(join(tmpdir(), 'connkit-bench-state-')));
    return { XDG_STATE_HOME: folders[folders.length - 1] };
  };
  const firstAnswer = (env: NodeJS.ProcessEnv) => timeNode(['bench/first-answer.mjs', JSON.stringify(requests)], env);
  const warm = folder();
  const noCacheMs: number[] = [];
  try {
    await firstAnswer(warm);
    for (let i = 0; i < runs; i++) {
      nodeMs.push(round((await timeNode(['-e', '0'])).ms));
      mswMs.push(round((await timeNode(['bench/msw-import.mjs'])).ms));
      fetchMs.push(round((await timeNode(['-e', "new Request('http://127.0.0.1/')"])).ms));
      const run = await firstAnswer(warm);
      connkitMs.push(round(run.ms));
      phases.push(JSON.parse(run.stdout) as Record<string, number>);
      noCacheMs.push(round((await firstAnswer(folder())).ms));
    }
  } finally {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  }
  const bundle = readFileSync(join(root, 'dist', 'browser', 'connkit.js'));
  ctx.results.library = {
    runs,
    nodeMs,
    mswImportMs: mswMs,
    firstAnswerMs: connkitMs,
    medianNodeMs: median(nodeMs),
    medianMswImportMs: median(mswMs),
    fetchGlobalsMs: fetchMs,
    medianFetchGlobalsMs: median(fetchMs),
    medianFirstAnswerMs: median(connkitMs),
    noCacheFirstAnswerMs: noCacheMs,
    medianNoCacheFirstAnswerMs: median(noCacheMs),
    medianPhasesMs: Object.fromEntries(
      ['importMs', 'createMs', 'fixturesMs', 'answerMs'].map((k) => [k, median(phases.map((p) => p[k]))]),
    ),
    rssAfterFirstAnswerBytes: median(phases.map((p) => p.rssBytes)),
    browserBundleBytes: bundle.length,
    browserBundleGzipBytes: gzipSync(bundle).length,
  };
  const l = ctx.results.library;
  ctx.log(`  node -e 0                          median ${l.medianNodeMs} ms  (${nodeMs.join(', ')})`);
  ctx.log(`  import msw + msw/node              median ${l.medianMswImportMs} ms  (${mswMs.join(', ')})`);
  ctx.log(
    `  node -e "new Request(…)"           median ${l.medianFetchGlobalsMs} ms  (${fetchMs.join(', ')}): Node's fetch globals, a floor (paid within fixturesMs)`,
  );
  ctx.log(
    `  connkit: spawn → first answers     median ${l.medianFirstAnswerMs} ms  (${connkitMs.join(', ')}); phases ${JSON.stringify(l.medianPhasesMs)}`,
  );
  ctx.log(
    `  … a build's first start (no cache)   median ${l.medianNoCacheFirstAnswerMs} ms  (${noCacheMs.join(', ')}): the core compiled as it loads, the cache written`,
  );
  ctx.log(`  RSS after the first answers        ${(l.rssAfterFirstAnswerBytes / 2 ** 20).toFixed(1)} MiB`);
  ctx.log(
    `  dist/browser/connkit.js            ${(l.browserBundleBytes / 1024).toFixed(0)} KiB, ${(l.browserBundleGzipBytes / 1024).toFixed(1)} KiB gzipped`,
  );
};
