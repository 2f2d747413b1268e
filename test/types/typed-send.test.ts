// verify's checks send typed requests and read typed answers: inside a vendor's check context a
// wrong operationId, path parameter, query value or body field is a compile error, and an
// answer checked with expectAnswer has the schema's fields. Each case is compiled in memory,
// as a check's file would be, and must give exactly the expected verdict.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { typecheck } from '../helpers/typecheck.js';

const dir = join(packageRoot, 'test', 'types');
const header = `import type { CheckContext } from '../../conformance/types.js';
import { raceCheck } from '../../conformance/flows/race.js';
declare const wf: CheckContext<'wingfield'>;
declare const mca: CheckContext<'mycreditapp'>;
declare const use: (value: string) => void;
const headers = { Authorization: 'Bearer t' };
const orgs = { ...headers, 'Requester-Organization-ID': 'o', 'Target-Organization-ID': 'o' };
export async function run() {
`;
const footer = '\n}\n';
const claim = `{ headers, path: { externalServiceId: 's' }, body: { connectToken: 't', externalOrganizationId: 'e' } }`;

const cases: { name: string; code: string; error?: RegExp }[] = [
  {
    name: 'a right call, its answer typed by the schema',
    code: `const ex = await wf.send('claimOrganizationRelation', ${claim});
const relation = wf.expectAnswer(ex, 200, 'claim');
use(relation.organizationId);
use(relation.externalOrganizationId);
const page = wf.expectAnswer(await wf.send('listExternalServiceOrganizations', { headers, path: { externalServiceId: 's' }, query: { limit: 10 } }), 200, 'list');
const count: number = page.totalCount;
use(page.items[0].relation.id + count);
const hosts = mca.expectAnswer(await mca.send('getHostConnections', { headers: orgs, query: { statuses: ['connected'], limit: 1, offset: 0 } }), 200, 'hosts');
use(hosts.items[0].host_name);`,
  },
  {
    name: 'a wrong operationId',
    code: `await wf.send('claimOrganisationRelation', ${claim});`,
    error: /'"claimOrganisationRelation"' is not assignable/,
  },
  {
    name: "another vendor's operationId",
    code: `await wf.send('getHostConnections', { headers });`,
    error: /'"getHostConnections"' is not assignable/,
  },
  {
    name: 'a wrong path-parameter name',
    code: `await wf.send('claimOrganizationRelation', { headers, path: { externalServiceID: 's' }, body: { connectToken: 't', externalOrganizationId: 'e' } });`,
    error: /externalServiceID/,
  },
  {
    name: 'a wrong body field',
    code: `await wf.send('claimOrganizationRelation', { headers, path: { externalServiceId: 's' }, body: { connectToken: 't', externalOrgId: 'e' } });`,
    error: /externalOrgId/,
  },
  {
    name: 'a body value outside its enum',
    code: `await wf.send('upsertOrganizationUserSubscription', { headers, path: { organizationId: 'o', userId: 'u' }, body: { subscription: 'GOLD' } });`,
    error: /'"GOLD"' is not assignable/,
  },
  {
    name: 'a wrong query type',
    code: `await wf.send('listExternalServiceOrganizations', { headers, path: { externalServiceId: 's' }, query: { limit: 'ten' } });`,
    error: /'string' is not assignable to type 'number/,
  },
  {
    name: 'a header the operation lists, missing',
    code: `await mca.send('getHostConnections', { headers, query: { statuses: ['connected'], limit: 1, offset: 0 } });`,
    error: /Requester-Organization-ID/,
  },
  {
    name: 'a raw body on the typed path',
    code: `await wf.send('claimOrganizationRelation', { headers, path: { externalServiceId: 's' }, raw: '{' });`,
    error: /raw/,
  },
  {
    name: 'the same raw body through the escape',
    code: `await wf.sendRaw('claimOrganizationRelation', { headers, path: { externalServiceId: 's' }, raw: '{' });`,
  },
  {
    name: 'a field the answer does not have',
    code: `use(wf.expectAnswer(await wf.send('claimOrganizationRelation', ${claim}), 200, 'claim').organisationId);`,
    error: /'organisationId' does not exist/,
  },
  {
    name: 'a status the operation does not answer with success',
    code: `wf.expectAnswer(await wf.send('claimOrganizationRelation', ${claim}), 201, 'claim');`,
    error: /'201' is not assignable/,
  },
  {
    name: "a race over another vendor's operation",
    code: `raceCheck({ api: 'wingfield', name: 'r', copies: 'c', setup: async () => 1, operationId: 'createHostConnection', request: () => { throw new Error('not sent'); }, won: 200 });`,
    error: /'"createHostConnection"' is not assignable/,
  },
];

/** Compiles every case in one program, from memory (nothing written to the tree). */
function diagnostics(): Map<string, string[]> {
  const files = new Map(cases.map((c, i) => [join(dir, `__typed${i}.ts`), header + c.code + footer]));
  return new Map(
    [...typecheck(files)].map(([f, ds]) => [f, ds.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))]),
  );
}

describe("verify's typed requests and answers", () => {
  const found = diagnostics();
  cases.forEach((c, i) => {
    const messages = found.get(join(dir, `__typed${i}.ts`))!;
    it(c.error ? `${c.name}: fails to compile` : `${c.name}: compiles`, () => {
      if (!c.error) expect(messages).toEqual([]);
      else {
        expect(messages, messages.join('\n')).toHaveLength(1);
        expect(messages[0]).toMatch(c.error);
      }
    });
  });
});

/** Every `any` and every cast of a check context in a source (`as const` aside), as `file:line`. */
function loosenings(file: string, text = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const cast = ts.isAsExpression(node) || ts.isTypeAssertionExpression(node);
    const context =
      cast && (/^\(?(ctx|c|context)\b/.test(node.expression.getText(sf)) || /Context|Core/.test(node.type.getText(sf)));
    if (node.kind === ts.SyntaxKind.AnyKeyword || context)
      found.push(`${relative(packageRoot, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('conformance/ keeps its types', () => {
  const root = join(packageRoot, 'conformance');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f));

  it('finds what it looks for (the detector itself)', () => {
    const text = [
      'const a = ctx as CheckContext<"wingfield">;',
      'let b: any;',
      'const c = (other as unknown) as CheckCore;',
      'const d = [1] as const;',
      'const e = value as string;',
    ].join('\n');
    expect(loosenings(join(dir, '__probe.ts'), text)).toEqual([
      'test/types/__probe.ts:1',
      'test/types/__probe.ts:2',
      'test/types/__probe.ts:3',
    ]);
  });

  it('has no any and no cast of a check context', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => loosenings(f))).toEqual([]);
  });
});
