import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStateFile } from '../../conformance/state-file.js';
import { verify } from '../../conformance/verify.js';
import { packageRoot } from '../../src/paths.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

const profile = join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml');

let t: TestSim;
let home: string;
let saved: string | undefined;
beforeAll(async () => {
  t = await testSimulator();
  home = await mkdtemp(join(tmpdir(), 'connkit-state-'));
  // connkit's state folder for this file only: the machine's own stays untouched.
  saved = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = join(home, 'state');
});
afterAll(async () => {
  if (saved === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = saved;
  await t.close();
  await rm(home, { recursive: true, force: true });
});

describe("verify's record of used fixtures", () => {
  it("lives per API and target in connkit's state folder: the README's profile run, then another --out, gives no false failure", async () => {
    const target = `${t.sim.url}/wingfield/api/v1`;
    const first = await verify({
      api: 'wingfield',
      target,
      profile,
      reporters: ['json'],
      out: join(home, 'reports'),
      progress: null,
    });
    expect(first.report?.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.check}: ${o.message}`)).toEqual(
      [],
    );
    const ledger = defaultStateFile('wingfield', target);
    expect(ledger.startsWith(join(home, 'state', 'connkit', 'verify'))).toBe(true);
    expect(existsSync(ledger)).toBe(true);
    expect(await readdir(join(home, 'reports'))).toEqual(['verify-wingfield.json']);

    const second = await verify({
      api: 'wingfield',
      target,
      profile,
      reporters: ['json'],
      out: join(home, 'reports2'),
      progress: null,
    });
    expect(second.report?.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.check}: ${o.message}`)).toEqual(
      [],
    );
    expect(second.exitCode).toBe(0);
    const claim = second.report?.outcomes.find((o) => o.check === 'wf_claim_once');
    expect(claim?.status).toBe('skipped');
    expect(claim?.message).toMatch(/used up by an earlier run/);
  }, 60_000);

  it('keeps one file per API and target, and --state-file still overrides it', async () => {
    expect(defaultStateFile('wingfield', 'http://a.example/api')).not.toBe(
      defaultStateFile('wingfield', 'http://b.example/api'),
    );
    expect(defaultStateFile('wingfield', 'http://a.example/api')).not.toBe(
      defaultStateFile('auth0', 'http://a.example/api'),
    );
    const own = join(home, 'own', 'ledger.json');
    const fresh = await testSimulator();
    try {
      const target = `${fresh.sim.url}/wingfield/api/v1`;
      await verify({
        api: 'wingfield',
        target,
        profile,
        reporters: [],
        progress: null,
        stateFile: own,
        checks: ['wf_claim_once'],
      });
      expect(existsSync(own)).toBe(true);
      expect(existsSync(defaultStateFile('wingfield', target))).toBe(false);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
