// One API's world at a size, built in a fresh process from the package's own entry: prints how
// long the build took and the RSS after it, as JSON. `node bench/build-world.mjs leadconduit 1000000`
const [api = 'leadconduit', size = '1000000'] = process.argv.slice(2);
const { createSimulator } = await import('connkit');
const sim = createSimulator({ apis: [api], sizes: { [api]: Number(size) } });
const started = performance.now();
sim.session().state(api);
const ms = Math.round(performance.now() - started);
console.log(JSON.stringify({ api, size: Number(size), ms, rssBytes: process.memoryUsage().rss }));
