// The Wingfield claim in-process, no transport: what the core itself spends per claim (routing,
// auth, validation, the handler, the session's copy-on-write state, the journal), to set beside
// the server's CPU per claim that bench/claim-probe.ts reads.
//   npx tsx bench/claim-loop.ts [claims]     (node --import tsx --cpu-prof … for a profile)
import { authorization } from '../src/client/index.js';
import { createSimulator } from '../src/sim/core.js';
import type { SimRequest } from '../src/sim/request.js';

const n = Number(process.argv[2] ?? 20000);
const sim = createSimulator();
const wf = (await sim.control.fixtures()).apis.wingfield;
if (!wf) throw new Error('no Wingfield fixtures');
const post = (target: string, body: string, headers: Record<string, string> = {}): SimRequest => ({
  method: 'POST',
  origin: 'http://sim',
  target,
  headers: { 'content-type': 'application/json', ...headers },
  body,
  remoteAddress: '127.0.0.1',
});
const tokens: string[] = [];
for (let i = 0; i < n * 2; i++) {
  const r = await sim.dispatch(post('/__control/wingfield/connect-tokens', '{"state":"open"}'));
  tokens.push((JSON.parse(String(r.body)) as { connectToken: string }).connectToken);
}
const auth = { authorization: authorization('wingfield', wf.tokens.write) };
const target = `/api/v1/external-services/${wf.external_service_id}/organization-relations/claim`;
async function claims(from: number): Promise<void> {
  for (const t of tokens.slice(from, from + n)) {
    const body = JSON.stringify({ connectToken: t, externalOrganizationId: `bench-${t.slice(-16)}` });
    const r = await sim.dispatch(post(target, body, auth));
    if (r.status !== 200) throw new Error(`claim answered ${r.status}: ${String(r.body)}`);
  }
}
await claims(0); // the JIT settles on the first half
const before = process.cpuUsage();
await claims(n);
const used = process.cpuUsage(before);
console.log(`in-process claim: ${((used.user + used.system) / n).toFixed(1)} µs of CPU each (${n} claims)`);
