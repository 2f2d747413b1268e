import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileSecrets, redactDeep, redactor } from '../../conformance/redact.js';
import { verify, type VerifyOptions } from '../../conformance/verify.js';
import { packageRoot } from '../../src/paths.js';

const profileFile = (api: string) => join(packageRoot, 'fixtures', 'profiles', `${api}.yaml`);
const basePath: Record<string, string> = {
  leadconduit: '',
  auth0: '/api/v2',
  mycreditapp: '/v1-beta',
  wingfield: '/api/v1',
};

/** A target failing every request, so every check's curl (credentials and connect tokens in it) lands in the reports. */
let server: Server;
let url: string;
let out: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end('{"error":"down"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  out = await mkdtemp(join(tmpdir(), 'connkit-redact-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(out, { recursive: true, force: true });
});

async function everything(dir: string, consoleText: string): Promise<string> {
  const files = await readdir(dir);
  return [consoleText, ...(await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8'))))].join('\n');
}

describe('profile secrets in reports', () => {
  it('finds the secrets by one rule over every profile: tokens, credentials, connect and invitation tokens, not ids', () => {
    const paths = (api: string) => profileSecrets(parse(readFileSync(profileFile(api), 'utf8'))).map((s) => s.path);
    expect(paths('wingfield')).toEqual(
      expect.arrayContaining([
        '$profile.tokens.write',
        '$profile.connect_tokens.open[0]',
        '$profile.connect_tokens.confirm[0].token',
      ]),
    );
    expect(paths('wingfield')).not.toContain('$profile.connect_tokens.confirm[0].external_organization_id');
    expect(paths('wingfield').some((p) => p.startsWith('$profile.organizations'))).toBe(false);
    expect(paths('leadconduit')).toEqual(
      expect.arrayContaining(['$profile.credentials.user', '$profile.credentials.superuser']),
    );
    expect(paths('auth0')).toContain('$profile.tokens.full');
    expect(paths('mycreditapp')).toEqual(
      expect.arrayContaining(['$profile.organizations.guest.access_token', '$profile.invitations.sent[0]']),
    );
    expect(paths('mycreditapp')).not.toContain('$profile.organizations.guest.id');
  });

  it.each(['wingfield', 'leadconduit', 'mycreditapp', 'auth0'])(
    'no %s secret reaches console, JSON, JUnit or HTML (nor in Basic form); --no-redact keeps them',
    async (api) => {
      const profile = parse(await readFile(profileFile(api), 'utf8'));
      const secrets = profileSecrets(profile).map((s) => s.value);
      const basics = secrets.map((s) => Buffer.from(`API:${s}`).toString('base64'));
      const dir = join(out, api);
      const options: VerifyOptions = {
        api,
        target: `${url}${basePath[api]}`,
        profile: profileFile(api),
        reporters: ['console', 'json', 'junit', 'html'],
        progress: null,
        stateFile: null,
      };
      const r = await verify({ ...options, out: dir });
      expect(r.exitCode).toBe(1);
      const text = await everything(dir, r.console);
      for (const s of [...secrets, ...basics])
        expect(text.includes(s), `a secret is in the reports: ${s.slice(0, 12)}…`).toBe(false);
      expect(text).toMatch(/\$profile\.(tokens|credentials|organizations)\./);
      if (api === 'leadconduit') expect(text).toContain('Basic base64(API:$profile.credentials.user)');

      const raw = join(out, `${api}-raw`);
      const kept = await verify({ ...options, out: raw, redact: false });
      const keptText = await everything(raw, kept.console);
      expect(secrets.some((s) => keptText.includes(s)) || basics.some((b) => keptText.includes(b))).toBe(true);
    },
    60_000,
  );

  it("redacts every string of a report, whatever member holds it (a model-tier finding's steps too)", () => {
    const redact = redactor(
      profileSecrets({
        tokens: { write: 'tok_ext_v1_abc.def0123456' },
        credentials: { user: 'c913bce34c9362ba' },
        organizations: { related: [{ id: 'b2b1fae6-d837' }] },
      }),
    );
    const report = {
      outcomes: [
        {
          message: 'x',
          steps: [
            {
              n: 1,
              curl: "curl -H 'Authorization: Bearer tok_ext_v1_abc.def0123456'",
              model: { body: { note: ['Basic ' + Buffer.from('API:c913bce34c9362ba').toString('base64')] } },
            },
          ],
        },
      ],
      kept: 'b2b1fae6-d837',
    };
    expect(redactDeep(report, redact)).toEqual({
      outcomes: [
        {
          message: 'x',
          steps: [
            {
              n: 1,
              curl: "curl -H 'Authorization: Bearer $profile.tokens.write'",
              model: { body: { note: ['Basic base64(API:$profile.credentials.user)'] } },
            },
          ],
        },
      ],
      kept: 'b2b1fae6-d837',
    });
  });

  it('the command line: redacted by default, --no-redact keeps the token, --max-response-bytes 0 is a usage error', async () => {
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            join(packageRoot, 'src', 'cli.ts'),
            'verify',
            '--api',
            'wingfield',
            '--target',
            `${url}/api/v1`,
            '--profile',
            profileFile('wingfield'),
            '--checks',
            'wf_counts',
            '--state-file',
            join(out, 'cli-state.json'),
            ...args,
          ],
          { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let text = '';
        p.stdout.on('data', (d) => (text += d));
        p.stderr.on('data', (d) => (text += d));
        p.once('exit', (code) => resolve({ code, out: text }));
      });
    const write: unknown = parse(readFileSync(profileFile('wingfield'), 'utf8')).tokens.write;
    const [redacted, kept, bad] = await Promise.all([
      cli([]),
      cli(['--no-redact']),
      cli(['--max-response-bytes', '0']),
    ]);
    expect(redacted.code).toBe(1);
    expect(redacted.out).toContain('Bearer $profile.tokens.write');
    expect(redacted.out).not.toContain(String(write));
    expect(kept.out).toContain(`Bearer ${String(write)}`);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/max-response-bytes must be a whole number from 1/);
  }, 60_000);
});
