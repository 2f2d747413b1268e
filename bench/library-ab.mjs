// A/B of a test file's start: the library entry as bundled from an earlier commit against the
// working tree, run interleaved (fresh process each: import → createSimulator → fixtures → the
// headline reads), so a noisy machine hits both alike. Medians of each phase, in ms, and of the
// CPU time from import to the last answer. Both sides are the ES module builds (dist/lib/esm.js,
// what the entry falls back to): the entry's own path, its core through V8's code cache, is
// timed by `npm run bench -- --only library`, with and without a cache.
//   node bench/library-ab.mjs <commit> [runs]      (after npm run build; reads the requests
//   from the bench's own list via bench/first-answer.mjs's argument format)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runtimeSpecs } from '../scripts/runtime-specs.mjs';

const root = new URL('..', import.meta.url).pathname;
const [commit, runsArg] = process.argv.slice(2);
if (!commit) throw new Error('usage: node bench/library-ab.mjs <commit> [runs]');
const runs = Number(runsArg ?? 7);
// Inside the package, so both builds resolve the same node_modules.
const work = join(root, 'dist', 'library-ab');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'before'), { recursive: true });
execFileSync('sh', ['-c', `git archive ${commit} src specs package.json | tar -x -C ${join(work, 'before')}`], {
  cwd: root,
});

// scripts/bundle-lib.mjs's options for the core entry.
const bundle = (from, to) =>
  build({
    absWorkingDir: root,
    outdir: to,
    entryNames: '[name]',
    entryPoints: { connkit: join(from, 'src', 'index.ts') },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: ['msw', 'msw/*'],
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: {
      js: "import { createRequire as __connkitRequire } from 'node:module'; const require = __connkitRequire(import.meta.url);",
    },
    logLevel: 'error',
    // The runtime copies of the specs where the tree has them (a commit before has no
    // src/contract/documents.ts, and so keeps its whole documents).
    plugins: [specs],
  });
const specs = await runtimeSpecs();
await bundle(join(work, 'before'), join(work, 'lib-before'));
await bundle(root, join(work, 'lib-after'));

const requests = execFileSync(process.execPath, ['--import', 'tsx', 'bench/headline-requests.ts'], {
  cwd: root,
}).toString();
const phases = ['importMs', 'createMs', 'fixturesMs', 'answerMs'];
// inProcess: the wall phases' sum; cpuFromImportMs: the process's CPU over the same span, which
// a busy machine skews less.
const seen = { before: [], after: [] };
for (let i = 0; i < runs; i++)
  for (const side of ['before', 'after']) {
    const r = spawnSync(process.execPath, ['bench/first-answer.mjs', requests], {
      cwd: root,
      env: { ...process.env, CONNKIT_LIBRARY: join(work, `lib-${side}`, 'connkit.js') },
    });
    if (r.status !== 0) throw new Error(`${side}: ${r.stderr}`);
    seen[side].push(JSON.parse(r.stdout.toString()));
  }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const side of ['before', 'after']) {
  const row = Object.fromEntries(
    [...phases, 'inProcess', 'cpuFromImportMs'].map((k) => [
      k,
      median(seen[side].map((p) => (k === 'inProcess' ? phases.reduce((n, q) => n + p[q], 0) : p[k]))),
    ]),
  );
  console.log(`${side === 'before' ? commit.slice(0, 9) : 'this tree'}: ${JSON.stringify(row)}`);
}
rmSync(work, { recursive: true, force: true });
