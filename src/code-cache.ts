// One CommonJS script run through V8's code cache: the CLI's bin runs its bundle so, and the
// library's entry its core. Node 20 has no compile cache of its own (module.enableCompileCache
// is Node 22) and an ES module takes no cached data; a vm.Script given the bytes V8 made last
// time skips parsing and compiling what that run compiled, most of a cold start's compile time.
// Caches sit in connkit's state folder, one file per build, place, Node and architecture (and
// whatever else the caller names); a missing or rejected one is written again.
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { stateDir } from './state-dir.js';

export interface CachedScript {
  /** Absolute path of the CommonJS script (no top-level await; its import() calls made requires). */
  file: string;
  /** What every cache of this kind is named from (`cli`, `lib`): stale ones of the kind are dropped. */
  kind: string;
  /** Names the cache of this very build: a cache made from other bytes is never offered. */
  key: string;
  /** More of the name (the CLI's command: each compiles a different part of its bundle). */
  variant?: string;
  env?: NodeJS.ProcessEnv;
}

type CommonJsBody = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;

/** Where this build's cache lives; undefined when caching is off (CONNKIT_NO_CODE_CACHE). */
export function cachePathOf(o: Omit<CachedScript, 'file'> & { dir?: string }): string | undefined {
  const env = o.env ?? process.env;
  if (env.CONNKIT_NO_CODE_CACHE) return undefined;
  // Where the script is, too: V8 keeps the script's name in its cache, so two installs of the
  // same build sharing one cache would show each other's paths in stack traces.
  const where = o.dir === undefined ? '' : `${fnv1a(o.dir)}-`;
  const variant = o.variant === undefined ? '' : `-${o.variant}`;
  return join(
    stateDir(env),
    'code-cache',
    `${o.kind}-${o.key}-${where}${process.version}-${process.arch}${variant}.bin`,
  );
}

/** A short digest of a path (FNV-1a, 32 bits): a name part, not a secret. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function readCache(path: string | undefined): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Other builds' caches untouched this long are dropped (an accepted cache is never rewritten). */
const staleMs = 7 * 24 * 3600 * 1000;

/** Atomically, so a second start never reads half a cache; a folder it cannot write is no error. */
function writeCache(path: string, o: CachedScript, script: Script): void {
  try {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    // Unique per writer: worker threads of one process (a test runner's) share its pid.
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, path);
    // Each build leaves its own files: without this, every upgrade would add a few megabytes.
    const kind = `${o.kind}-`;
    for (const f of readdirSync(dir))
      if (
        f.startsWith(kind) &&
        !f.startsWith(`${kind}${o.key}-`) &&
        Date.now() - statSync(join(dir, f)).mtimeMs > staleMs
      )
        unlinkSync(join(dir, f));
  } catch {
    /* a read-only home: the next start compiles again, as without a cache */
  }
}

/** Runs the script and hands back its `module.exports`; with a cache a last run left, V8 compiles little of it. */
export function runCached(o: CachedScript): unknown {
  const cachePath = cachePathOf({ ...o, dir: dirname(o.file) });
  const cachedData = readCache(cachePath);
  // esbuild writes ASCII (non-ASCII escaped): latin1 is exact and skips UTF-8 decoding.
  const source = readFileSync(o.file, 'latin1').replace(/^#!.*/, '');
  // The wrapper on a line of its own: stack traces keep the script's line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: o.file,
    lineOffset: -1,
    cachedData,
  });
  if (cachePath && (!cachedData || script.cachedDataRejected)) {
    // After the start's work (a server's first requests), or at exit for a short run: the
    // cache then holds the functions this run called, not only the top level.
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(cachePath, o, script);
    };
    setTimeout(write, 3000).unref();
    process.once('exit', write);
  }
  const body = script.runInThisContext() as CommonJsBody;
  const module = { exports: {} };
  body.call(module.exports, module.exports, createRequire(o.file), module, o.file, dirname(o.file));
  return module.exports;
}
