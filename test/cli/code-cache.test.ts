// The built bin runs the bundled CLI through V8's code cache kept in the state folder: written
// when missing or rejected (then left alone), never in the way when it is broken or cannot be
// written. Runs the built bin, dist/src/cli.cjs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const bin = join(packageRoot, 'dist', 'src', 'cli.cjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stateHome(): string {
  const d = mkdtempSync(join(tmpdir(), 'connkit-code-cache-'));
  dirs.push(d);
  return d;
}

const version = (home: string, extra: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_STATE_HOME: home, ...extra },
  });

const cacheFiles = (home: string) => {
  try {
    return readdirSync(join(home, 'connkit', 'code-cache'));
  } catch {
    return [];
  }
};

describe("the bin's code cache", () => {
  it('is written by the first run, kept by the next, and rewritten when V8 refuses it', () => {
    const home = stateHome();
    const first = version(home);
    expect(first.status).toBe(0);
    const files = cacheFiles(home);
    expect(files).toEqual([expect.stringMatching(/^cli-[0-9a-f]{16}-[0-9a-f]{8}-v\d+\.\d+\.\d+-\w+-other\.bin$/)]);
    const file = join(home, 'connkit', 'code-cache', files[0]);
    const made = statSync(file);
    expect(made.size).toBeGreaterThan(10_000);

    const second = version(home);
    expect(second.stdout).toBe(first.stdout);
    // Accepted: not written again.
    expect(statSync(file).mtimeMs).toBe(made.mtimeMs);

    writeFileSync(file, 'not a code cache');
    const third = version(home);
    expect(third.status).toBe(0);
    expect(third.stdout).toBe(first.stdout);
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('is one per install: a copy of the same build elsewhere makes its own, so stack traces name its own files', () => {
    const home = stateHome();
    const root = stateHome();
    const copy = join(root, 'dist');
    cpSync(join(packageRoot, 'dist', 'src'), join(copy, 'src'), { recursive: true });
    cpSync(join(packageRoot, 'package.json'), join(root, 'package.json'));
    expect(version(home).status).toBe(0);
    const run = spawnSync(process.execPath, [join(copy, 'src', 'cli.cjs'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, XDG_STATE_HOME: home },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(version(home).stdout);
    const files = cacheFiles(home);
    expect(files).toHaveLength(2);
    // The same build: the same key, a different place.
    expect(new Set(files.map((f) => f.split('-')[1])).size).toBe(1);
  });

  it('is no obstacle when its folder cannot be written, and is off with CONNKIT_NO_CODE_CACHE', () => {
    // A file where the folder should be: no folder can be made there (even for root).
    const blocked = join(stateHome(), 'a-file');
    writeFileSync(blocked, '');
    const r = version(blocked);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');

    const off = stateHome();
    expect(version(off, { CONNKIT_NO_CODE_CACHE: '1' }).status).toBe(0);
    expect(cacheFiles(off)).toEqual([]);
  });

  it("drops other builds' caches left untouched for a week when it writes its own", () => {
    const home = stateHome();
    const dir = join(home, 'connkit', 'code-cache');
    mkdirSync(dir, { recursive: true });
    const old = join(dir, 'cli-0000000000000000-v20.0.0-x64-mock.bin');
    const recent = join(dir, 'cli-1111111111111111-v20.0.0-x64-mock.bin');
    writeFileSync(old, 'an old build');
    writeFileSync(recent, 'a build in use');
    const weekAgo = Date.now() / 1000 - 8 * 24 * 3600;
    utimesSync(old, weekAgo, weekAgo);
    expect(version(home).status).toBe(0);
    const left = cacheFiles(home);
    expect(left).toHaveLength(2);
    expect(left).toContain('cli-1111111111111111-v20.0.0-x64-mock.bin');
    expect(left.some((f) => f.endsWith('-other.bin'))).toBe(true);
  });
});
