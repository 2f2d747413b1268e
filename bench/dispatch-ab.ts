// The core's cost per request against another checkout of connkit, in one process: batches
// of `sim.dispatch` on each tree in turn, so the machine's load weighs on both alike.
// `git worktree add /tmp/connkit-old <commit> && npx tsx bench/dispatch-ab.ts /tmp/connkit-old [rounds]`
// prints each case's dispatches per second on both trees and the ratio this tree / the other.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { authorization } from '../src/client/index.js';
import { createSimulator } from '../src/sim/core.js';

interface Dispatching {
  dispatch(req: {
    method: string;
    origin: string;
    target: string;
    headers: Record<string, string>;
    params?: Record<string, string>;
  }): Promise<{ status: number }>;
  control: { fixtures(): Promise<{ apis: Record<string, unknown> }> };
}

const other = process.argv[2];
if (!other) throw new Error('usage: npx tsx bench/dispatch-ab.ts <other connkit checkout> [rounds]');
const rounds = Number(process.argv[3] ?? 10);
const imported = (await import(pathToFileURL(resolve(other, 'src/sim/core.ts')).href)) as {
  createSimulator(): Dispatching;
};
const trees: [string, Dispatching][] = [
  ['this tree', createSimulator()],
  ['other tree', imported.createSimulator()],
];

const fx = (await createSimulator().control.fixtures()).apis;
const org = fx.auth0?.organizations.main.id ?? '';
const a0 = authorization('auth0', fx.auth0?.tokens.full ?? '');
const lc = authorization('leadconduit', fx.leadconduit?.credentials.user ?? '');
const cases = [
  {
    label: 'cached read (Auth0 list)',
    target: () => `/api/v2/organizations/${org}/connections`,
    auth: a0,
    status: 200,
  },
  {
    label: 'uncached read (LeadConduit list, new URL)',
    target: (n: number) => `/connections?n=${n}`,
    auth: lc,
    status: 200,
  },
  {
    label: 'validation error (Auth0 unknown query)',
    target: () => `/api/v2/organizations/${org}/connections?nope=1`,
    auth: a0,
    status: 400,
  },
];

const batch = 2000;
for (const c of cases) {
  const time = new Map<string, number>();
  let n = 0;
  for (let r = 0; r < rounds; r++)
    for (const [name, sim] of trees) {
      const start = performance.now();
      for (let i = 0; i < batch; i++) {
        // `params` for trees whose plain request still carried the router's parameters.
        const res = await sim.dispatch({
          method: 'GET',
          origin: 'http://sim',
          target: c.target(n++),
          headers: { authorization: c.auth },
          params: {},
        });
        if (res.status !== c.status) throw new Error(`${name}, ${c.label}: answered ${res.status}`);
      }
      time.set(name, (time.get(name) ?? 0) + performance.now() - start);
    }
  const rate = (name: string) => (rounds * batch) / ((time.get(name) ?? 1) / 1000);
  console.log(
    `${c.label.padEnd(42)} this ${Math.round(rate('this tree')).toLocaleString('en-US').padStart(8)}/s  other ${Math.round(rate('other tree')).toLocaleString('en-US').padStart(8)}/s  ratio ${(rate('this tree') / rate('other tree')).toFixed(2)}`,
  );
}
