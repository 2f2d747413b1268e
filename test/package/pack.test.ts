// The package as a user gets it: `npm pack` of a fresh build, the tarball installed into an empty
// project, then the CLI, the library entry points and their types used from there.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

interface Run {
  code: number | null;
  /** stdout and stderr as they came */
  out: string;
  stdout: string;
}

// The installed copy's code caches and certificates go in the test's folder, not the user's.
const stateHome = () => join(work, 'state');

/** Runs a command to its end; its stdout and stderr together. */
function run(cmd: string, args: string[], cwd: string, timeoutMs = 240_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false', XDG_STATE_HOME: stateHome() },
    });
    let out = '';
    let stdout = '';
    child.stdout.on('data', (d) => ((out += d), (stdout += d)));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')}: no end after ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, stdout });
    });
  });
}

const ok = (r: Run, what: string) => expect(r.code, `${what}:\n${r.out}`).toBe(0);

/** The newest modification time under a file or folder. */
function newest(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** The build is older than what it is built from (the browser bundle is its last step). */
const buildIsStale = () =>
  newest(join(packageRoot, 'dist', 'browser', 'connkit.js')) <
  Math.max(
    ...['src', 'conformance', 'specs', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((p) =>
      newest(join(packageRoot, p)),
    ),
  );

let work: string;
let project: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'connkit-pack-'));
  project = join(work, 'consumer');
  // `npm pack` would run `prepare` (the whole build) every time; the build runs only when
  // something it is made from changed since, so a fresh clone after `npm ci` packs at once.
  if (buildIsStale()) ok(await run('npm', ['run', 'build'], packageRoot), 'npm run build');
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], packageRoot);
  ok(packed, 'npm pack');
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.lastIndexOf('[\n  {'))) as { filename: string }[];
  const msw = JSON.parse(await readFile(join(packageRoot, 'node_modules', 'msw', 'package.json'), 'utf8'))
    .version as string;
  await run('mkdir', ['-p', project], work);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // From npm's cache: every dependency is one this repository already installed.
  ok(
    await run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, filename), `msw@${msw}`],
      project,
    ),
    'npm install',
  );
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed tarball, installed into an empty project', () => {
  it('ships what the entry points name and nothing from test/', async () => {
    const installed = join(project, 'node_modules', 'connkit');
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    const files = [manifest.bin.connkit, manifest.main, manifest.types];
    for (const entry of Object.values<any>(manifest.exports)) {
      if (typeof entry === 'string') continue;
      for (const target of [entry.types, entry.default, entry.browser?.types, entry.browser?.default])
        if (target && !target.includes('*')) files.push(target);
    }
    for (const f of files) await expect(readFile(join(installed, f)), f).resolves.toBeTruthy();
    for (const f of [
      'specs/auth0.yaml',
      'dist/src/generated/specs.js',
      'dist/src/generated/auth0.d.ts',
      'dist/conformance/verify.js',
      'dist/page/index.html',
    ])
      await expect(readFile(join(installed, f)), f).resolves.toBeTruthy();
    await expect(readFile(join(installed, 'test', 'package', 'pack.test.ts'))).rejects.toThrow();
  });

  it('npx connkit verify --list-checks', async () => {
    const r = await run('npx', ['--no-install', 'connkit', 'verify', '--list-checks'], project);
    ok(r, 'verify --list-checks');
    expect(r.out).toMatch(/^auth0_link_lifecycle\s+stateful/m);
  });

  it('npx connkit mock serves, and npx connkit verify passes against it', async () => {
    const mock: ChildProcess = spawn(
      'npx',
      ['--no-install', 'connkit', 'mock', '--port', '0', '--host', '127.0.0.1', '--log-level', 'silent'],
      {
        cwd: project,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        env: { ...process.env, XDG_STATE_HOME: stateHome() },
      },
    );
    try {
      let banner = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${banner}`)), 60_000);
        mock.stdout!.on('data', (d) => {
          banner += d;
          const m = /connkit simulator on (http:\/\/\S+)/.exec(banner);
          if (m && banner.includes('control API')) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        mock.stderr!.on('data', (d) => (banner += d));
        mock.once('exit', (code) => reject(new Error(`mock exited ${code}: ${banner}`)));
      });
      const health = await fetch(`${url}/__control/health`);
      expect(health.status).toBe(200);
      const checks = 'auth0_link_lifecycle,auth0_duplicate_link,missing_auth_rejected,response_schema_conformance';
      const r = await run(
        'npx',
        [
          '--no-install',
          'connkit',
          'verify',
          '--api',
          'auth0',
          '--target',
          `${url}/auth0/api/v2`,
          '--control',
          `${url}/__control`,
          '--checks',
          checks,
        ],
        project,
      );
      ok(r, 'verify');
      const [, passed] = /^(\d+) passed, 0 failed, 0 skipped$/m.exec(r.out) ?? [];
      expect(Number(passed), r.out).toBeGreaterThan(4);
    } finally {
      // npx runs node as a child: stop the whole group it leads.
      if (mock.exitCode === null && mock.pid) {
        const exited = new Promise((r) => mock.once('exit', r));
        process.kill(-mock.pid, 'SIGTERM');
        await exited;
      }
    }
  });

  it('import { startSimulator }, the typed client and the MSW handlers work from the package', async () => {
    await writeFile(
      join(project, 'use.mjs'),
      `import assert from 'node:assert/strict';
import { createSimulator, startSimulator } from 'connkit';
import { createClient } from 'connkit/client';
import { handlers } from 'connkit/msw';
import { setupServer } from 'msw/node';

const sim = await startSimulator({ port: 0, logLevel: 'silent' });
try {
  const fx = (await (await fetch(sim.url + '/__control/fixtures')).json()).apis.auth0;
  const auth0 = createClient('auth0', { baseUrl: sim.url + '/auth0/api/v2', token: fx.tokens.full });
  const { data, response } = await auth0.GET('/organizations/{id}/connections', { params: { path: { id: fx.organizations.main.id } } });
  assert.equal(response.status, 200);
  assert.ok(Array.isArray(data) && data.length > 0);
} finally {
  await sim.close();
}

const inProcess = createSimulator();
const server = setupServer(...handlers(inProcess));
server.listen({ onUnhandledRequest: 'error' });
try {
  const fx = (await (await inProcess.handle(new Request('http://sim/__control/fixtures'))).json()).apis.leadconduit;
  const res = await fetch('https://app.leadconduit.com/connections', { headers: { Authorization: 'Basic ' + btoa('API:' + fx.credentials.user) } });
  assert.equal(res.status, 200);
  assert.ok((await res.json()).length > 0);
} finally {
  server.close();
}
console.log('used');
`,
    );
    const r = await run(process.execPath, ['use.mjs'], project, 60_000);
    ok(r, 'use.mjs');
    expect(r.out).toContain('used');
  });

  it("its types: connkit/types/<vendor> and the client compile in the user's project", async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          lib: ['ES2022', 'DOM'],
          types: [],
        },
        files: ['typed.ts'],
      }),
    );
    await writeFile(
      join(project, 'typed.ts'),
      `import type { components } from 'connkit/types/wingfield';
import { createClient } from 'connkit/client';
import type { SimulatorOptions } from 'connkit';
export const options: SimulatorOptions = { seed: 7, apis: ['wingfield'] };
const wf = createClient('wingfield', { baseUrl: 'https://dev.wingfield.systems/api/v1', token: 't' });
export async function claim(body: components['schemas']['ClaimOrganizationRelationRequest']) {
  return wf.POST('/external-services/{externalServiceId}/organization-relations/claim', { params: { path: { externalServiceId: 'svc' } }, body });
}
`,
    );
    const tsc = join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    ok(await run(process.execPath, [tsc, '-p', 'tsconfig.json'], project, 120_000), 'tsc in the consumer');
  });

  // skipLibCheck: false reads every declaration file the entries reach: none may need a type
  // package the consumer does not have (Express's were one; Node's are a Node project's own).
  it('its public declarations compile with skipLibCheck: false and no Express types', async () => {
    const node = JSON.parse(await readFile(join(packageRoot, 'node_modules', '@types', 'node', 'package.json'), 'utf8'))
      .version as string;
    ok(
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `@types/node@${node}`], project),
      'npm install @types/node',
    );
    await writeFile(
      join(project, 'tsconfig.strict.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          lib: ['ES2022', 'DOM'],
          types: ['node'],
        },
        files: ['strict.ts'],
      }),
    );
    await writeFile(
      join(project, 'strict.ts'),
      `import { createSimulator, startSimulator, type RunningSimulator } from 'connkit';
import { createClient } from 'connkit/client';
import type { CoverageReport } from 'connkit/vitest';
import type { components } from 'connkit/types/wingfield';
export const sim = createSimulator({ apis: ['wingfield'] });
export const started: Promise<RunningSimulator> = startSimulator({ port: 0 });
export const report: CoverageReport = sim.coverage();
export const sent = sim.journal.find({ api: 'wingfield', operationId: 'listExternalServiceOrganizations', status: '4xx' });
export const read = async (): Promise<string | undefined> => (await sim.control.fixtures()).apis.wingfield?.tokens.read;
export const wf = createClient('wingfield', { baseUrl: 'https://dev.wingfield.systems/api/v1', token: 't' });
export type Envelope = components['schemas']['WingfieldError'];
`,
    );
    expect(existsSync(join(project, 'node_modules', '@types', 'express'))).toBe(false);
    const tsc = join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    ok(
      await run(process.execPath, [tsc, '-p', 'tsconfig.strict.json'], project, 120_000),
      'tsc with skipLibCheck: false',
    );
  });
});
