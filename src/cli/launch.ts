// The bin's first module (the build makes dist/src/cli.cjs of it, and dist/src/cli.js as an ES module): it runs the bundled CLI, one
// CommonJS script, through V8's code cache (src/code-cache.ts), one cache per command.
import { cachePathOf, runCached } from '../code-cache.js';

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

// Each command compiles a different part of the bundle; one cache each keeps each one warm.
const commands = new Set(['mock', 'verify', 'curl', 'coverage']);
const commandOf = (argv: readonly string[] = process.argv) => {
  const command = argv[2] ?? '';
  return commands.has(command) ? command : 'other';
};

/** Where this build's cache for the command in `argv` lives; undefined when caching is off. */
export function codeCachePath(
  o: Pick<LaunchOptions, 'key' | 'argv' | 'env'> & { bundle?: string },
): string | undefined {
  return cachePathOf({ kind: 'cli', key: o.key, variant: commandOf(o.argv), env: o.env, dir: o.bundle });
}

/** Runs the bundle; with a cache the last run of this command left, V8 compiles little of it. */
export function launch(o: LaunchOptions): void {
  // The cache's name holds the command, so each bundle has caches of its own.
  const bundle = o.mockBundle && (o.argv ?? process.argv)[2] === 'mock' ? o.mockBundle : o.bundle;
  runCached({ file: bundle, kind: 'cli', key: o.key, variant: commandOf(o.argv), env: o.env });
}
