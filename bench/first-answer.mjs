// A test file's start, as a user's would be: a fresh process imports `connkit` (the package's own
// entry, dist/lib/connkit.js, unless CONNKIT_LIBRARY names another file), creates a simulator,
// asks for its fixtures and gets the first answer of each request given (JSON in argv[2]:
// [{path, headers}]). Prints the phases (wall and this process's CPU) and the RSS as JSON.
// Plain JavaScript run by node itself, so nothing but connkit is measured.
const requests = JSON.parse(process.argv[2] ?? '[]');
const at = () => performance.now();
// CPU time (user + system) beside the wall clock: on a machine shared with other work the wall
// clock counts the neighbours' turns too, CPU time only ours.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = at();
// CONNKIT_LIBRARY: another build of the entry (bench/library-ab.mjs compares two).
const { createSimulator } = await import(process.env.CONNKIT_LIBRARY ?? 'connkit');
const t1 = at();
const sim = createSimulator();
const t2 = at();
await sim.control.fixtures();
const t3 = at();
for (const r of requests) {
  const res = await sim.handle(new Request(`http://127.0.0.1${r.path}`, { headers: r.headers }));
  if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}
const t4 = at();
const c4 = cpu();
const round = (n) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    startToImportMs: round(t0),
    importMs: round(t1 - t0),
    createMs: round(t2 - t1),
    fixturesMs: round(t3 - t2),
    answerMs: round(t4 - t3),
    totalMs: round(t4),
    cpuFromImportMs: round(c4 - c0),
    rssBytes: process.memoryUsage().rss,
  }),
);
