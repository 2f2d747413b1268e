// The Wingfield claim alone, to find what bounds it: N claims (a fresh connect token each, after
// 3 000 to warm up), their rate from the first to the last answer, and the CPU each claim cost
// the server and the load generator. With --cpu-prof the server writes a V8 profile to
// bench/profiles/ (its last seconds are the claims).
//   npx tsx bench/claim-probe.ts [claims] [--cpu-prof]
import { startConnkit } from './connkit.js';
import { base, claim, fixtures, mintConnectTokens } from './endpoints.js';
import { load } from './load.js';
import { parseOptions } from './options.js';

const claims = Number(process.argv[2] ?? 15000);
const o = parseOptions(process.argv.includes('--cpu-prof') ? ['--profile=writes'] : []);
const sim = await startConnkit('writes', o, { label: 'claim-probe' });
try {
  const url = sim.url + base('wingfield', 'connkit');
  const fx = await fixtures(sim.url);
  const warm = 3000;
  const tokens = await mintConnectTokens(sim.url, warm + claims);
  await load(url, claim(fx, tokens.slice(0, warm)), { amount: warm });
  const server = sim.cpuMs();
  const self = process.cpuUsage();
  const r = await load(url, claim(fx, tokens.slice(warm)), { amount: claims });
  const serverAfter = sim.cpuMs();
  const selfUsed = process.cpuUsage(self);
  const perClaim = (ms: number) => `${((ms / claims) * 1000).toFixed(0)} µs`;
  console.log(`${claims} claims: ${r.rps} req/s, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
  console.log(
    `  ${r.seconds} s from start to the last answer; autocannon's own duration ${r.autocannonSeconds} s ` +
      `(= ${Math.round(r.requests / r.autocannonSeconds)} req/s, the figure the bench reported before)`,
  );
  console.log(
    `CPU per claim: server user ${perClaim(serverAfter.user - server.user)} + system ${perClaim(serverAfter.system - server.system)}; ` +
      `load generator ${perClaim((selfUsed.user + selfUsed.system) / 1000)}`,
  );
} finally {
  await sim.stop();
}
