import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { packageRoot, specPath } from '../../src/paths.js';
import { specNames } from '../../src/contract/names.js';

const run = promisify(execFile);
const spectral = join(packageRoot, 'node_modules', '.bin', 'spectral');
const ruleset = join(packageRoot, 'specs', '.spectral.yaml');

async function lint(file: string): Promise<{ code: string; severity: number }[]> {
  // Spectral exits non-zero when it finds problems; the JSON report is what matters.
  const { stdout } = await run(spectral, [
    'lint',
    '-q',
    '-f',
    'json',
    '-r',
    ruleset,
    '--fail-severity',
    'hint',
    file,
  ]).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
  return JSON.parse(stdout || '[]');
}

const dir = await mkdtemp(join(tmpdir(), 'connkit-lint-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('Spectral with the project ruleset', () => {
  it.each([...specNames])('%s has no errors and no warnings', async (name) => {
    const results = await lint(specPath(name));
    expect(results.filter((r) => r.severity <= 1)).toEqual([]);
  });

  it('flags an error response written inline instead of the shared envelope', async () => {
    const doc = parse(await readFile(specPath('leadconduit'), 'utf8'));
    doc.paths['/connections'].get.responses['400'] = {
      description: 'inline',
      content: { 'application/json': { schema: { type: 'object' }, examples: { x: { value: {} } } } },
    };
    const file = join(dir, 'inline.yaml');
    await writeFile(file, stringify(doc));
    const codes = (await lint(file)).map((r) => r.code);
    expect(codes).toContain('connkit-error-responses-are-shared');
  });

  it('flags a response without an example and an operation without a 401', async () => {
    const doc = parse(await readFile(specPath('wingfield'), 'utf8'));
    const claim = doc.paths['/external-services/{externalServiceId}/organization-relations/claim'].post;
    delete claim.responses['200'].content['application/json'].examples;
    delete claim.responses['401'];
    const file = join(dir, 'missing.yaml');
    await writeFile(file, stringify(doc));
    const codes = (await lint(file)).map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining(['connkit-response-has-example', 'connkit-operation-documents-auth-failure']),
    );
  });
});
