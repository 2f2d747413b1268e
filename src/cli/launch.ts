// The bin's first module (the build makes dist/src/cli.js of it): it runs the bundled CLI, one
// CommonJS script, through V8's code cache. Node 20 has no compile cache of its own
// (module.enableCompileCache is Node 22) and a startup snapshot needs a node flag, so a second
// process; a vm.Script given the bytes V8 made last time skips parsing and compiling what that
// run compiled (most of a cold start's compile time). The cache sits in connkit's state folder,
// one file per build, Node, architecture and command; a missing or rejected one is written again.
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { stateDir } from '../state-dir.js';

/** What the build hands the launcher: the script and a digest of its bytes. */
export interface LaunchOptions {
  /** Absolute path of the bundled CLI (CommonJS, no top-level await). */
  bundle: string;
  /** The bundle of `connkit mock` alone, run for that command instead of `bundle`. */
  mockBundle?: string;
  /** Names the cache of this very build (both bundles): a cache made from other bytes is never offered. */
  key: string;
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

type CommonJsBody = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;

// Each command compiles a different part of the bundle; one cache each keeps each one warm.
const commands = new Set(['mock', 'verify', 'curl', 'coverage']);

/** Where this build's cache for the command in `argv` lives; undefined when caching is off. */
export function codeCachePath(
  o: Pick<LaunchOptions, 'key' | 'argv' | 'env'> & { bundle?: string },
): string | undefined {
  const env = o.env ?? process.env;
  if (env.CONNKIT_NO_CODE_CACHE) return undefined;
  const command = (o.argv ?? process.argv)[2] ?? '';
  // Where the bundle is, too: V8 keeps the script's name in its cache, so two installs of the
  // same build sharing one cache would show each other's paths in stack traces.
  const where = o.bundle === undefined ? '' : `${fnv1a(o.bundle)}-`;
  const name = `cli-${o.key}-${where}${process.version}-${process.arch}-${commands.has(command) ? command : 'other'}.bin`;
  return join(stateDir(env), 'code-cache', name);
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
function writeCache(path: string, key: string, script: Script): void {
  try {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, path);
    // Each build leaves its own files: without this, every upgrade would add a few megabytes.
    for (const f of readdirSync(dir))
      if (f.startsWith('cli-') && !f.startsWith(`cli-${key}-`) && Date.now() - statSync(join(dir, f)).mtimeMs > staleMs)
        unlinkSync(join(dir, f));
  } catch {
    /* a read-only home: the next start compiles again, as without a cache */
  }
}

/** Runs the bundle; with a cache the last run of this command left, V8 compiles little of it. */
export function launch(o: LaunchOptions): void {
  // The cache's name holds the command, so each bundle has caches of its own.
  const bundle = o.mockBundle && (o.argv ?? process.argv)[2] === 'mock' ? o.mockBundle : o.bundle;
  const cachePath = codeCachePath({ ...o, bundle: dirname(bundle) });
  const cachedData = readCache(cachePath);
  // esbuild writes ASCII (non-ASCII escaped): latin1 is exact and skips UTF-8 decoding.
  const source = readFileSync(bundle, 'latin1').replace(/^#!.*/, '');
  // The wrapper on a line of its own: stack traces keep the bundle's line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: bundle,
    lineOffset: -1,
    cachedData,
  });
  if (cachePath && (!cachedData || script.cachedDataRejected)) {
    // After the start's work (a server's first requests), or at exit for a short command:
    // the cache then holds the functions this command ran, not only the top level.
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(cachePath, o.key, script);
    };
    setTimeout(write, 3000).unref();
    process.once('exit', write);
  }
  const body = script.runInThisContext() as CommonJsBody;
  const module = { exports: {} };
  body.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}
