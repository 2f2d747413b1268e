// The same request answered in-process (`sim.handle`) and over a socket (the Express door on
// 127.0.0.1, in this process): requests per second for each, one caller at a time and 50 in
// flight. `npx tsx bench/handle-vs-socket.ts [seconds]`.
import autocannon from 'autocannon';
import { authorization } from '../src/client/index.js';
import { createSimulator } from '../src/sim/core.js';
import { startSimulator } from '../src/server/index.js';
import { found } from '../src/sim/found.js';

const seconds = Number(process.argv[2] ?? 3);

/** Calls `send` with `inFlight` callers for `seconds`; answers per second (any answer but a 200 stops it). */
async function rate(send: () => Promise<number>, inFlight: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        const status = await send();
        if (status !== 200) throw new Error(`answered ${status}`);
        done++;
      }
    }),
  );
  return done / seconds;
}

const sim = createSimulator();
const server = await startSimulator({ port: 0, logLevel: 'silent' });
const fx = (await sim.control.fixtures()).apis;
const auth0 = found(fx.auth0, 'auth0 fixtures');
const leadconduit = found(fx.leadconduit, 'leadconduit fixtures');
const requests = [
  {
    label: 'Auth0 GET /organizations/{id}/connections',
    path: `/api/v2/organizations/${auth0.organizations.main.id}/connections`,
    auth: authorization('auth0', auth0.tokens.full),
  },
  {
    label: 'LeadConduit GET /connections',
    path: '/connections',
    auth: authorization('leadconduit', leadconduit.credentials.user),
  },
];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(7);
console.log(`node ${process.version}, ${seconds} s per figure, answers read in full\n`);
console.log(
  'request                                     | handle() 1 | fetch 1 | handle() 50 | fetch 50 | autocannon 50',
);
for (const r of requests) {
  const headers = { authorization: r.auth };
  const read = async (res: Response) => (await res.text(), res.status);
  const inProcess = async () => read(await sim.handle(new Request(`http://sim${r.path}`, { headers })));
  const socket = async () => read(await fetch(`${server.url}${r.path}`, { headers }));
  // Both answer the same bytes before anything is timed.
  const [a, b] = await Promise.all([
    sim.handle(new Request(`http://sim${r.path}`, { headers })),
    fetch(`${server.url}${r.path}`, { headers }),
  ]);
  if (a.status !== 200 || (await a.text()) !== (await b.text()))
    throw new Error(`${r.label}: the two doors answer differently`);
  const h1 = await rate(inProcess, 1);
  const f1 = await rate(socket, 1);
  const h50 = await rate(inProcess, 50);
  const f50 = await rate(socket, 50);
  const ac = await autocannon({ url: `${server.url}${r.path}`, headers, connections: 50, duration: seconds });
  if (ac.non2xx || ac.errors) throw new Error(`autocannon: ${ac.non2xx} non-2xx, ${ac.errors} errors`);
  console.log(
    `${r.label.padEnd(43)} | ${fmt(h1)}    | ${fmt(f1)} | ${fmt(h50)}     | ${fmt(f50)}  | ${fmt(ac.requests.average)}`,
  );
}
await server.close();
