// A LeadConduit repair and list, and a Wingfield organizations page, at a size, in one
// session of an in-process simulator built from the package's own entry: CPU milliseconds per
// operation (wall time moves with the machine's other load), as JSON.
// `node bench/lists-million.mjs 1000000`
const [size = '1000000'] = process.argv.slice(2);
const n = Number(size);
const { createSimulator } = await import('connkit');

const cpu = (fn) => {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { ms: Math.round((used.user + used.system) / 100) / 10, value };
};
const cpuAsync = async (fn) => {
  const start = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(start);
  return { ms: Math.round((used.user + used.system) / 100) / 10, value };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const sim = createSimulator({ apis: ['leadconduit', 'wingfield'], sizes: { leadconduit: n, wingfield: n } });
const out = { size: n };

// LeadConduit: the primary account's SSO-only connections are every seventh from the fourth.
const lc = sim.session('bench').state('leadconduit');
const [primary] = Object.keys(lc.data.accounts);
const ssoOnly = [];
let i = 0;
for (const nc of lc.data.networkConnections.values()) {
  if (nc.account_id === primary && i % 7 === 3) ssoOnly.push(nc.id);
  if (ssoOnly.length === 12) break;
  i++;
}
const now = () => new Date().toISOString();
out.lcFirstRepairMs = cpu(() => lc.repair(primary, ssoOnly[0], now())).ms;
out.lcRepairMs = median(ssoOnly.slice(1, 11).map((id) => cpu(() => lc.repair(primary, id, now())).ms));
const listed = cpu(() => lc.list(primary, false));
out.lcListMs = listed.ms;
out.lcListLength = listed.value.length;
out.lcListAgainMs = cpu(() => lc.list(primary, false)).ms;

console.error(JSON.stringify(out));
// Wingfield: a page of the partner's organizations, at the start and deep, through the pipeline.
const wf = sim.session('bench').state('wingfield');
const partner = Object.keys(wf.data.services)[0];
const token = Object.values(wf.data.tokens).find((t) => t.label === 'read').token;
const page = (offset) =>
  cpuAsync(async () => {
    const res = await sim.handle(
      new Request(
        `http://127.0.0.1/wingfield/api/v1/external-services/${partner}/organizations?offset=${offset}&limit=50`,
        {
          headers: { authorization: `Bearer ${token}`, 'x-connkit-session': 'bench' },
        },
      ),
    );
    const body = await res.json();
    if (res.status !== 200) throw new Error(JSON.stringify(body));
    return { status: res.status, total: body.totalCount, first: body.items[0]?.id };
  });
out.wfFirstPageMs = (await page(0)).ms;
const pages = [];
for (let k = 0; k < 5; k++) pages.push((await page(k * 1000)).ms);
out.wfPageMs = median(pages);
const deep = await page(Math.floor(n / 4));
out.wfDeepPageMs = deep.ms;
out.wfTotal = deep.value.total;
console.log(JSON.stringify(out));
