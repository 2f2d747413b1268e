// Fixtures are typed by the APIs a simulator serves: those `apis` names (all four when it is
// left out) are present, so a test needs no `!`; the others are absent and using one is a
// compile error. Each case is compiled in memory, as a user's file would be, and must give
// exactly the expected verdict.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { typecheck } from '../helpers/typecheck.js';

const dir = join(packageRoot, 'test', 'types');
const header = `import { createSimulator, startSimulator, type Simulator, type VendorName } from '../../src/index.js';
declare const use: (value: string) => void;
`;

const cases: { name: string; code: string; error?: RegExp }[] = [
  {
    name: 'all four APIs when apis is left out',
    code: `const fx = (await createSimulator({ seed: 7 }).control.fixtures()).apis;
use(fx.leadconduit.credentials.user);
use(fx.auth0.organizations.empty.id);
use(fx.mycreditapp.organizations.guest.access_token);
use(fx.wingfield.tokens.read);`,
  },
  {
    name: 'the chosen API present',
    code: `const fx = (await createSimulator({ apis: ['leadconduit'] }).control.fixtures()).apis;
use(fx.leadconduit.credentials.user);`,
  },
  {
    name: 'an API left out is absent',
    code: `const fx = (await createSimulator({ apis: ['leadconduit'] }).control.fixtures()).apis;
use(fx.wingfield.tokens.read);`,
    error: /'fx.wingfield' is possibly 'undefined'|Property 'tokens' does not exist on type 'never'/,
  },
  {
    name: 'two chosen APIs, on a named session too',
    code: `const sim = createSimulator({ apis: ['auth0', 'wingfield'] });
const fx = (await sim.control.session('s1').fixtures()).apis;
use(fx.auth0.tokens.full);
use(fx.wingfield.external_service_id);`,
  },
  {
    name: 'a list known only as VendorName[] promises nothing',
    code: `declare const apis: VendorName[];
const fx = (await createSimulator({ apis }).control.fixtures()).apis;
use(fx.auth0.tokens.full);`,
    error: /'fx.auth0' is possibly 'undefined'/,
  },
  {
    name: 'startSimulator types its fixtures the same way',
    code: `const sim = await startSimulator({ port: 0, apis: ['mycreditapp'] });
use((await sim.control.fixtures()).apis.mycreditapp.expired_access_token);`,
  },
  {
    name: 'startSimulator: an API left out is absent',
    code: `const sim = await startSimulator({ port: 0, apis: ['mycreditapp'] });
use((await sim.control.fixtures()).apis.auth0.tokens.full);`,
    error: /possibly 'undefined'|does not exist on type 'never'/,
  },
  {
    name: 'a narrowed simulator still goes where any simulator does',
    code: `const any: Simulator = createSimulator({ apis: ['wingfield'] });
const all: Simulator = createSimulator();
void any; void all;`,
  },
  {
    name: 'any simulator keeps every API optional',
    code: `declare const sim: Simulator;
use((await sim.control.fixtures()).apis.wingfield.tokens.read);`,
    error: /possibly 'undefined'/,
  },
];

function diagnostics(): Map<string, string[]> {
  const files = new Map(cases.map((c, i) => [join(dir, `__fixtures${i}.ts`), `${header}${c.code}\nexport {};\n`]));
  return new Map(
    [...typecheck(files)].map(([f, ds]) => [f, ds.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))]),
  );
}

describe('fixtures typed by the APIs served', () => {
  const found = diagnostics();
  cases.forEach((c, i) => {
    const messages = found.get(join(dir, `__fixtures${i}.ts`)) ?? [`no diagnostics for case ${i}`];
    it(c.error ? `${c.name}: fails to compile` : `${c.name}: compiles`, () => {
      if (!c.error) expect(messages).toEqual([]);
      else {
        expect(messages, messages.join('\n')).toHaveLength(1);
        expect(messages[0]).toMatch(c.error);
      }
    });
  });
});

describe('fixtures at run time', () => {
  it('GET /fixtures holds exactly the APIs served', async () => {
    const { createSimulator } = await import('../../src/index.js');
    const one = Object.keys((await createSimulator({ apis: ['leadconduit'] }).control.fixtures()).apis);
    expect(one).toEqual(['leadconduit']);
    const all = Object.keys((await createSimulator().control.fixtures()).apis);
    expect(all.sort()).toEqual(['auth0', 'leadconduit', 'mycreditapp', 'wingfield']);
  });
});
