import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/paths.js';
import { startSimulator, type RunningSimulator } from '../../src/server/index.js';

// The composite action's script, run here as a runner would: INPUT_* variables in, the
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files out, against the simulator on a port it picked.
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'connkit-action-'));
  dirs.push(d);
  return d;
};
// By URL: the script runs in a folder of its own, where a bare `tsx` does not resolve.
const tsxLoader = pathToFileURL(join(packageRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, logLevel: 'silent' });
});
afterAll(async () => {
  await sim.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Reads the `name<<DELIM … DELIM` blocks GitHub reads from GITHUB_OUTPUT. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(\S+)$/.exec(lines[i] ?? '');
    if (!m?.[1]) continue;
    const value: string[] = [];
    while (lines[++i] !== m[2] && i < lines.length) value.push(lines[i] ?? '');
    out[m[1]] = value.join('\n');
  }
  return out;
}

function runAction(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const dir = tmp();
  const files = { output: join(dir, 'github-output'), summary: join(dir, 'step-summary') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const child = spawn(process.execPath, ['--import', tsxLoader, join(packageRoot, 'scripts', 'action.mjs')], {
    cwd: dir,
    env: {
      ...process.env,
      CONNKIT_CLI: join(packageRoot, 'src', 'cli.ts'),
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      ...inputEnv,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise<{
    code: number | null;
    stdout: string;
    outputs: Record<string, string>;
    summary: string;
    dir: string;
  }>((resolve) =>
    child.on('close', (code) =>
      resolve({ code, stdout, outputs: readOutputs(files.output), summary: readFileSync(files.summary, 'utf8'), dir }),
    ),
  );
}

describe('action.yml run locally', () => {
  it('verifies the simulator and hands back the path of every report it wrote', async () => {
    const r = await runAction({
      api: 'wingfield',
      target: `${sim.url}/wingfield/api/v1`,
      control: `${sim.url}/__control`,
      reporters: 'console,json,junit,html',
      out: 'reports',
      concurrency: '4',
    });
    expect(r.code, r.stdout).toBe(0);
    const out = join(r.dir, 'reports');
    expect(r.outputs).toEqual({
      out,
      'exit-code': '0',
      json: join(out, 'verify-wingfield.json'),
      junit: join(out, 'verify-wingfield.junit.xml'),
      html: join(out, 'verify-wingfield.html'),
    });
    const report = JSON.parse(readFileSync(r.outputs.json ?? '', 'utf8')) as {
      api: string;
      totals: { passed: number; failed: number };
    };
    expect(report.api).toBe('wingfield');
    expect(report.totals.failed).toBe(0);
    expect(report.totals.passed).toBeGreaterThan(10);
    expect(readFileSync(r.outputs.junit ?? '', 'utf8')).toMatch(/^<\?xml[\s\S]*<testsuite/);
    expect(readFileSync(r.outputs.html ?? '', 'utf8')).toMatch(/<html/i);
    expect(r.summary).toContain(`${report.totals.passed} passed, 0 failed`);
  });

  it("fails the step with verify's exit code when checks fail, outputs still written for the report steps", async () => {
    // Every Wingfield answer of the default session is a 500: the profile's checks must fail.
    await sim.control.scenarios.enable('server-error', { apis: ['wingfield'] });
    try {
      const r = await runAction({
        api: 'wingfield',
        target: `${sim.url}/wingfield/api/v1`,
        profile: join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml'),
        reporters: 'junit',
      });
      expect(r.code, r.stdout).toBe(1);
      expect(r.outputs['exit-code']).toBe('1');
      expect(r.outputs.junit).toBe(join(r.dir, 'connkit-report', 'verify-wingfield.junit.xml'));
      expect(r.outputs.json).toBe('');
      const full = readFileSync(r.outputs.junit ?? '', 'utf8');
      expect(full).toMatch(/<failure/);
      // max-failures reaches verify: it stops at the first failure and lists what it did not run.
      const stopped = await runAction({
        api: 'wingfield',
        target: `${sim.url}/wingfield/api/v1`,
        profile: join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml'),
        reporters: 'console,junit',
        'max-failures': '1',
      });
      expect(stopped.code, stopped.stdout).toBe(1);
      expect(stopped.stdout).toContain('stopped after 1 failure (--max-failures)');
      const junit = readFileSync(stopped.outputs.junit ?? '', 'utf8');
      expect(junit).toMatch(/<skipped/);
      expect(junit.match(/<failure/g)?.length ?? 0).toBeLessThan(full.match(/<failure/g)?.length ?? 0);
      expect((await runAction({ api: 'wingfield', target: sim.url, 'max-failures': '0' })).code).toBe(2);
    } finally {
      await sim.control.scenarios.disable('server-error');
    }
  });

  it('refuses missing inputs with one GitHub error annotation and exit 2', async () => {
    const r = await runAction({ target: sim.url });
    expect(r.code).toBe(2);
    expect(r.stdout.trim()).toBe(
      '::error title=connkit verify::input api is required (leadconduit, auth0, mycreditapp or wingfield)',
    );
  });

  it("runs the connkit of the action's own checkout (GITHUB_ACTION_PATH) by default", async () => {
    const elsewhere = tmp();
    const r = await runAction(
      { api: 'wingfield', target: sim.url },
      { CONNKIT_CLI: '', GITHUB_ACTION_PATH: elsewhere },
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`connkit is not built at ${join(elsewhere, 'dist', 'src', 'cli.cjs')}`);
  });
});

describe('action.yml and .github/workflows/connkit.yml', () => {
  const actionText = readFileSync(join(packageRoot, 'action.yml'), 'utf8');
  const workflowText = readFileSync(join(packageRoot, '.github', 'workflows', 'connkit.yml'), 'utf8');

  it('are valid by the action and workflow schemas', () => {
    expect(validateAction(actionText).errors).toEqual([]);
    expect(validateWorkflow(workflowText).errors).toEqual([]);
    expect(validateWorkflow(workflowText.replace('runs-on:', 'runs-onn:')).errors.length).toBeGreaterThan(0);
  });

  it('passes every input to the script and takes every output from it', () => {
    const action = parse(actionText) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, { value: string }>;
      runs: { steps: { id?: string; env?: Record<string, string> }[] };
    };
    const step = action.runs.steps.find((s) => s.id === 'verify');
    for (const name of Object.keys(action.inputs))
      expect(step?.env?.[`INPUT_${name.toUpperCase()}`], name).toBe(`\${{ inputs.${name} }}`);
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['api', 'target', 'profile', 'reporters', 'out', 'concurrency']),
    );
    for (const [name, o] of Object.entries(action.outputs))
      expect(o.value, name).toBe(`\${{ steps.verify.outputs.${name} }}`);
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['json', 'junit', 'html', 'out']));
  });

  it('has the workflow give only inputs the action declares', () => {
    const action = parse(actionText) as { inputs: Record<string, unknown> };
    const workflow = parse(workflowText) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const uses = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .filter((s) => s.uses === './');
    expect(uses).toHaveLength(1);
    for (const key of Object.keys(uses[0]?.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
  });

  it('are what the README shows', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    expect(readme).toContain(workflowText.trim());
  });
});
