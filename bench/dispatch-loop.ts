// The core's own cost per request, no transport: `sim.dispatch` over plain data, one caller at
// a time, for a cached read (answered by the cache step), an uncached read and a validation
// error. `npx tsx bench/dispatch-loop.ts [seconds]` prints dispatches per second; compare two
// trees by running it in each, alternately, on the same machine; a third argument runs only
// the cases whose label starts with it (`… 2 cached`).
import { authorization } from '../src/client/index.js';
import { createSimulator } from '../src/sim/core.js';
import type { SimRequest } from '../src/sim/request.js';

const seconds = Number(process.argv[2] ?? 2);
const sim = createSimulator();
const fx = (await sim.control.fixtures()).apis;
const org = fx.auth0?.organizations.main.id ?? '';
const token = authorization('auth0', fx.auth0?.tokens.full ?? '');
const lcKey = authorization('leadconduit', fx.leadconduit?.credentials.user ?? '');
const request = (target: string, auth = token): SimRequest => ({
  method: 'GET',
  origin: 'http://sim',
  target,
  headers: { authorization: auth },
});
const cases = [
  { label: 'cached read (Auth0 list)', target: `/api/v2/organizations/${org}/connections`, status: 200 },
  // A new URL each time (LeadConduit ignores unknown query parameters): never in the cache.
  { label: 'uncached read (LeadConduit list)', target: '/connections?n=', status: 200, vary: true, auth: lcKey },
  {
    label: 'validation error (Auth0 unknown query)',
    target: `/api/v2/organizations/${org}/connections?nope=1`,
    status: 400,
  },
];

for (const c of cases.filter((x) => x.label.startsWith(process.argv[3] ?? ''))) {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const res = await sim.dispatch(request(c.vary ? `${c.target}${n}` : c.target, c.auth));
    if (res.status !== c.status) throw new Error(`${c.label}: answered ${res.status}`);
    n++;
  }
  console.log(
    `${c.label.padEnd(40)} ${Math.round(n / seconds)
      .toLocaleString('en-US')
      .padStart(9)} /s`,
  );
}
