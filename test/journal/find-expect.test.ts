import { describe, expect, expectTypeOf, it } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';
import {
  Journal,
  JournalExpectationError,
  entryBytes,
  type JournalEntry,
  type JournalQuery,
} from '../../src/sim/journal.js';

const sim = createSimulator({ apis: ['wingfield', 'leadconduit'], sizes: { wingfield: 1, leadconduit: 1 } });
const fixtures = await sim.control.fixtures();
const wf = fixtures.apis.wingfield;
const lc = fixtures.apis.leadconduit;
if (!wf || !lc) throw new Error('fixtures of both APIs expected');
const wingfield = (path: string, init: RequestInit = {}) =>
  sim.handle(new Request(`http://127.0.0.1/wingfield/api/v1${path}`, init));
const leadconduit = (path: string, init: RequestInit = {}) =>
  sim.handle(new Request(`http://127.0.0.1/leadconduit${path}`, init));
const orgs = `/external-services/${wf.external_service_id}/organizations`;
const token = { Authorization: `Bearer ${wf.tokens.read}` };

describe('sim.journal.find / expect: what a test sent', () => {
  it('filters by api, operationId, status (number, list, class), session, method and since; all given must hold', async () => {
    const mark = sim.journal.total;
    await wingfield(orgs, { headers: token });
    await wingfield(orgs);
    await wingfield(orgs, { headers: { ...token, 'X-Connkit-Session': 'team-b' } });
    await leadconduit('/connections', { headers: { Authorization: `Basic ${btoa(`API:${lc.credentials.user}`)}` } });

    const since = sim.journal.find({ since: mark });
    expect(since.map((e) => [e.api, e.status, e.session])).toEqual([
      ['wingfield', 200, 'default'],
      ['wingfield', 401, 'default'],
      ['wingfield', 200, 'team-b'],
      ['leadconduit', 200, 'default'],
    ]);
    expect(
      sim.journal.find({ since: mark, api: 'wingfield', operationId: 'listExternalServiceOrganizations' }),
    ).toHaveLength(3);
    expect(sim.journal.find({ since: mark, status: 401 }).map((e) => e.api)).toEqual(['wingfield']);
    expect(sim.journal.find({ since: mark, status: '2xx' })).toHaveLength(3);
    expect(sim.journal.find({ since: mark, status: [401, 403] })).toHaveLength(1);
    expect(sim.journal.find({ since: mark, session: 'team-b' })).toHaveLength(1);
    expect(sim.journal.find({ since: mark, method: 'post' })).toEqual([]);
    expect(sim.journal.find({ since: new Date(since[3].at), api: 'leadconduit' })).toHaveLength(1);
    expect(() => sim.journal.find({ since: 'not a date' })).toThrow(/neither a seq nor a date/);

    expect(sim.journal.expect({ since: mark, api: 'wingfield', status: 200 }).count(2)).toHaveLength(2);
    expect(sim.journal.expect({ since: mark, api: 'leadconduit' }).once().operationId).toBe('listConnections');
    sim.journal.expect({ since: mark, status: '5xx' }).none();
    sim.journal.expect({ since: mark, api: 'wingfield' }).atLeast(3);
  });

  it('a failed expectation names the query and lists the newest requests', () => {
    const mark = sim.journal.total;
    let thrown: unknown;
    try {
      sim.journal.expect({ since: mark - 1, api: 'wingfield', status: 409 }).count(1);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(JournalExpectationError);
    const message = thrown instanceof Error ? thrown.message : '';
    expect(message).toMatch(
      /^expected exactly 1 request\(s\) with since=\d+ api=wingfield status=409, the journal holds 0\nnewest requests:\n/,
    );
    expect(message).toMatch(/#\d+ GET \/leadconduit\/connections 200 leadconduit\.listConnections session=default/);
  });

  it('operationId is typed by api', () => {
    expectTypeOf<{ api: 'wingfield'; operationId: 'listExternalServiceOrganizations' }>().toExtend<JournalQuery>();
    expectTypeOf<{ api: 'wingfield'; operationId: 'listConnections' }>().not.toExtend<JournalQuery>();
    expectTypeOf<{ api: 'leadconduit'; operationId: 'listConnections' }>().toExtend<JournalQuery>();
  });
});

describe('GET /__control/journal with the same filters (for server users)', () => {
  it('answers the matching entries and how many matched; a bad filter is a 400 naming it', async () => {
    const mark = sim.journal.total;
    await wingfield(orgs);
    await wingfield(orgs, { headers: token });
    const r = await sim.control.journal.list({ since: mark, api: 'wingfield', status: '4xx', limit: 10 });
    expect(r.matched).toBe(1);
    expect(r.entries.map((e) => e.status)).toEqual([401]);
    // Read as it answered: its own entry is added after.
    expect(r.bytes).toBeGreaterThan(0);
    expect(r.bytes).toBeLessThan(sim.journal.bytes());
    const byCode = await sim.control.journal.list({
      since: mark,
      status: '200',
      operationId: 'listExternalServiceOrganizations',
    });
    expect(byCode.matched).toBe(1);
    const bad = await sim.handle(new Request('http://127.0.0.1/__control/journal?status=4x'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/status/);
  });
});

describe('the journal is bounded in entries and in bytes', () => {
  const entry = (body: string): Omit<JournalEntry, 'seq'> => ({
    at: '2026-01-01T00:00:00.000Z',
    session: 'default',
    method: 'POST',
    url: '/x',
    status: 200,
    durationMs: 1,
    request: { headers: {}, body },
  });

  it('drops the oldest past the byte cap; bytes() is what is kept; the newest stays even alone over it', () => {
    const one = entryBytes(entry('a'.repeat(1000)));
    const j = new Journal(100, one * 3);
    for (let i = 0; i < 5; i++) j.add(entry('a'.repeat(1000)));
    expect(j.size).toBe(3);
    expect(j.bytes()).toBe(one * 3);
    expect(j.list().map((e) => e.seq)).toEqual([3, 4, 5]);
    j.add(entry('b'.repeat(one * 4)));
    expect(j.list().map((e) => e.seq)).toEqual([6]);
    expect(j.total).toBe(6);
    j.clear();
    expect([j.size, j.bytes(), j.list()]).toEqual([0, 0, []]);
  });

  it('drops the oldest past the entry cap, with bytes kept in step', () => {
    const j = new Journal(2);
    for (const body of ['a', 'bb', 'ccc']) j.add(entry(body));
    expect(j.list().map((e) => e.request?.body)).toEqual(['bb', 'ccc']);
    expect(j.bytes()).toBe(entryBytes(entry('bb')) + entryBytes(entry('ccc')));
  });
});
