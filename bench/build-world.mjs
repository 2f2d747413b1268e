// One API's world at a size, built in a fresh process from the package's own entry: prints how
// long the build took, the CPU it used (beside the wall time: on a shared machine the two part)
// and the RSS after it, as JSON. `node bench/build-world.mjs leadconduit 1000000`
const [api = 'leadconduit', size = '1000000'] = process.argv.slice(2);
const { createSimulator } = await import('connkit');
const sim = createSimulator({ apis: [api], sizes: { [api]: Number(size) } });
const started = performance.now();
const cpu = process.cpuUsage();
sim.session().state(api);
const ms = Math.round(performance.now() - started);
const used = process.cpuUsage(cpu);
const cpuMs = Math.round((used.user + used.system) / 1000);
console.log(JSON.stringify({ api, size: Number(size), ms, cpuMs, rssBytes: process.memoryUsage().rss }));
