// The typed clients turn a broken call into a compile error: each case below is compiled with
// the TypeScript API, as a user's test file would be, and must give exactly the expected verdict.
import { join } from 'node:path';
import ts from 'typescript';
import { typecheck } from '../helpers/typecheck.js';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const dir = join(packageRoot, 'test', 'types');
const header = `import { createClient } from '../../src/client/index.js';
const auth0 = createClient('auth0', { baseUrl: 'https://acme.auth0.com/api/v2', token: 't' });
const wf = createClient('wingfield', { baseUrl: 'https://dev.wingfield.systems/api/v1', token: 't' });
const lc = createClient('leadconduit', { baseUrl: 'https://app.leadconduit.com', token: 'k' });
`;

/** A call and whether it compiles; `error` is a fragment of the diagnostic it must give. */
const cases: { name: string; code: string; error?: RegExp }[] = [
  {
    name: 'right',
    code: `auth0.POST('/organizations/{id}/connections', { params: { path: { id: 'org_1' } }, body: { connection_id: 'con_1', is_enabled: true } });
wf.GET('/external-services/{externalServiceId}/organizations', { params: { path: { externalServiceId: 's' }, query: { limit: 10 } } });
lc.GET('/connections').then(({ data }) => data?.map((c) => c.status));`,
  },
  {
    name: 'misspelt body field',
    code: `auth0.POST('/organizations/{id}/connections', { params: { path: { id: 'org_1' } }, body: { connection_idd: 'con_1' } });`,
    error: /connection_idd/,
  },
  {
    name: 'wrong body field type',
    code: `auth0.POST('/organizations/{id}/connections', { params: { path: { id: 'org_1' } }, body: { connection_id: 'con_1', is_enabled: 'yes' } });`,
    error: /'string' is not assignable to type 'boolean/,
  },
  {
    name: 'unknown path',
    code: `auth0.GET('/organisations/{id}/connections', { params: { path: { id: 'org_1' } } });`,
    error: /organisations/,
  },
  {
    name: 'missing path parameter',
    code: `auth0.GET('/organizations/{id}/connections', { params: { path: {} } });`,
    error: /'id'/,
  },
  {
    name: 'wrong query type',
    code: `wf.GET('/external-services/{externalServiceId}/organizations', { params: { path: { externalServiceId: 's' }, query: { limit: 'ten' } } });`,
    error: /'string' is not assignable to type 'number/,
  },
  {
    name: 'a field the answer does not have',
    code: `lc.GET('/connections').then(({ data }) => data?.map((c) => c.state));`,
    error: /'state' does not exist/,
  },
];

/** Compiles every case in one program, from memory (nothing written to the tree). */
function diagnostics(): Map<string, string[]> {
  const files = new Map(cases.map((c, i) => [join(dir, `__case${i}.ts`), header + c.code + '\n']));
  return new Map(
    [...typecheck(files)].map(([f, ds]) => [f, ds.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))]),
  );
}

describe('typed clients (connkit/client)', () => {
  const found = diagnostics();
  cases.forEach((c, i) => {
    const messages = found.get(join(dir, `__case${i}.ts`))!;
    it(c.error ? `${c.name}: fails to compile` : `${c.name}: compiles`, () => {
      if (!c.error) expect(messages).toEqual([]);
      else {
        expect(messages, messages.join('\n')).toHaveLength(1);
        expect(messages[0]).toMatch(c.error);
      }
    });
  });
});
