import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

// No container engine on this machine: the Dockerfile and the compose file are linted, not built.
const read = (name: string) => readFileSync(join(packageRoot, 'deploy', name), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'connkit-compose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** dclint (the compose-spec schema plus its best-practice rules); warnings count as failures. */
function dclint(file: string) {
  const r = spawnSync(process.execPath, [join(packageRoot, 'node_modules', 'dclint', 'bin', 'dclint.cjs'), file, '--max-warnings', '0', '--color', 'false'], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('deploy/Dockerfile', () => {
  it('has no problem dockerfile-utils reports', () => {
    expect(validate(read('Dockerfile'))).toEqual([]);
  });
  it('is a file the linter does find fault with when it is broken', () => {
    expect(validate(read('Dockerfile').replace('FROM node:20-bookworm-slim AS build', 'FROM')).length).toBeGreaterThan(0);
  });
  it('starts connkit on every interface, with the instance name from the environment', () => {
    const df = read('Dockerfile');
    expect(df).toMatch(/ENTRYPOINT \["node", "dist\/src\/cli\.js", "mock", "--host", "0\.0\.0\.0"/);
    expect(read('compose.yaml')).toMatch(/CONNKIT_INSTANCE: connkit-a/);
  });
});

describe('deploy/compose.yaml', () => {
  it('passes dclint with no warning', () => {
    const r = dclint(join(packageRoot, 'deploy', 'compose.yaml'));
    expect(r.out).not.toMatch(/error|warning/);
    expect(r.status).toBe(0);
  });
  it('fails dclint when a service has a key compose does not know', () => {
    const broken = join(dir, 'compose.yaml');
    writeFileSync(broken, read('compose.yaml').replace('    image: nginx:1.22', '    image: nginx:1.22\n    imagez: nope'));
    expect(dclint(broken).status).not.toBe(0);
  });
  it('names one service per nginx upstream server', () => {
    const upstreams = [...read('nginx.conf').matchAll(/^\s*server (connkit-[a-z]+):4010;/gm)].map((m) => m[1]);
    const services = [...read('compose.yaml').matchAll(/^ {2}(connkit-[a-z]+):$/gm)].map((m) => m[1]);
    expect(upstreams).toEqual(services);
    expect(upstreams.length).toBeGreaterThanOrEqual(2);
  });
});
