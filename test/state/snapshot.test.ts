import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSession } from '../../src/sim/snapshot/export.js';
import { wf } from '../helpers/fixtures.js';
import { freshSession, testSimulator, useSimulator, type TestSim } from '../helpers/sim.js';

const ndjson = 'application/x-ndjson';

async function exportNd(sim: TestSim, session: string): Promise<string> {
  const res = await fetch(`${sim.sim.url}/__control/state`, {
    headers: { Accept: ndjson, 'X-Connkit-Session': session },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain(ndjson);
  return res.text();
}

async function importNd(sim: TestSim, session: string, body: string) {
  const res = await fetch(`${sim.sim.url}/__control/state`, {
    method: 'PUT',
    headers: { 'Content-Type': ndjson, 'X-Connkit-Session': session },
    body,
  });
  return { status: res.status, body: await res.json() };
}

describe('snapshots at the default size', () => {
  let t: TestSim;
  let fx: any;
  useSimulator((sim, fixtures) => {
    t = sim;
    fx = fixtures;
  });

  async function claimOne(s: string) {
    const w = wf(fx);
    const res = await t.call({
      method: 'POST',
      path: `${w.base}/external-services/${w.service}/organization-relations/claim`,
      headers: w.write,
      session: s,
      body: { connectToken: w.connect.open[0], externalOrganizationId: 'snap-1' },
    });
    expect(res.status).toBe(200);
  }

  it('round-trip through NDJSON byte for byte, writes and scenarios included, into another session', async () => {
    const s = freshSession('snap');
    await claimOne(s);
    await t.call({ method: 'PUT', path: '/__control/scenarios/latency', session: s, body: { params: { ms: 1 } } });
    const exported = await exportNd(t, s);
    const lines = exported.trimEnd().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ connkit: 1, format: 'ndjson', seed: 42 });
    expect(lines.slice(1).every((l) => Array.isArray(JSON.parse(l).path))).toBe(true);
    const target = freshSession('restored');
    expect((await importNd(t, target, exported)).status).toBe(200);
    expect(await exportNd(t, target)).toBe(exported);
    // The JSON export of the restored session is the same state.
    expect((await t.call({ path: '/__control/state', session: target })).text).toBe(
      (await t.call({ path: '/__control/state', session: s })).text,
    );
  });

  it('streams the JSON export byte for byte as JSON.stringify would write it', async () => {
    const s = freshSession('json');
    await claimOne(s);
    const streamed = (await t.call({ path: '/__control/state', session: s })).text;
    expect(streamed).toBe(JSON.stringify(t.sim.session(s).export()));
  });

  it('refuse a snapshot with a collection replaced by a number, naming it, the session unchanged and still answering', async () => {
    const s = freshSession('bad');
    await claimOne(s);
    const before = await exportNd(t, s);
    const json = JSON.parse((await t.call({ path: '/__control/state', session: s })).text);
    json.apis.wingfield.relations = 7;
    const put = await t.call({ method: 'PUT', path: '/__control/state', session: s, body: json });
    // A JSON body is checked against the operation's own schema first: a collection of the
    // wrong kind is the documented 400 naming it; NDJSON lines meet the state schema (422).
    expect(put.status).toBe(400);
    expect(put.body.error.message).toContain('apis.wingfield.relations');
    // The same through NDJSON, and a record that lost a field every record has.
    const lines = before.trimEnd().split('\n');
    const at = lines.findIndex((l) => JSON.parse(l).path?.[0] === 'relations');
    const broken = [...lines];
    broken[at] = JSON.stringify({ api: 'wingfield', path: ['relations'], value: 7 });
    const nd = await importNd(t, s, broken.join('\n'));
    expect(nd.status).toBe(422);
    expect(nd.body.error.message).toContain('apis.wingfield.relations');
    const token = lines.findIndex((l) => JSON.parse(l).path?.[0] === 'connectTokens');
    const noState = [...lines];
    const entry = JSON.parse(noState[token]);
    const [first] = Object.keys(entry.value);
    delete entry.value[first].state;
    noState[token] = JSON.stringify(entry);
    const missing = await importNd(t, s, noState.join('\n'));
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toContain(`apis.wingfield.connectTokens.${first}.state`);
    expect((await importNd(t, s, 'not json')).status).toBe(422);
    expect(await exportNd(t, s)).toBe(before);
    expect((await t.call({ path: '/__control/fixtures', session: s })).status).toBe(200);
    expect((await t.call({ path: '/__control/state/wingfield', session: s })).status).toBe(200);
  });
});

describe('a snapshot far past the 1 MB body limit', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await testSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: 20_000 } });
  }, 120_000);
  afterAll(() => t?.close());

  it('round-trips through GET and PUT, streamed, byte for byte', async () => {
    const s = freshSession('big');
    const exported = await exportNd(t, s);
    expect(exported.length).toBeGreaterThan(10 * 1024 * 1024);
    const target = freshSession('big-restored');
    expect((await importNd(t, target, exported)).status).toBe(200);
    expect(await exportNd(t, target)).toBe(exported);
    // What the server streamed is what the library API yields.
    expect([...exportSession(t.sim.session(target))].join('')).toBe(exported);
  }, 120_000);
});
