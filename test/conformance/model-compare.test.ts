import { describe, expect, it } from 'vitest';
import { answerDiff, bodyDiff, ChangeMemory, IdMatcher } from '../../conformance/model/compare.js';
import { HeaderMemory } from '../../conformance/model/headers.js';
import { methodsAt } from '../../conformance/model/requests.js';
import type { Answer } from '../../conformance/model/types.js';
import { specIndex } from '../../src/contract/registry.js';

const unordered = { assigned: new Set<string>(), ordered: false };
const ordered = { assigned: new Set<string>(), ordered: true };
const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers,
  body,
  text: JSON.stringify(body),
});

describe('the model tier compares bodies as the spec lets it', () => {
  it('lists: in order where the operation states one, as multisets where it does not', () => {
    const m = [{ id: 'a' }, { id: 'b' }];
    const t = [{ id: 'b' }, { id: 'a' }];
    expect(bodyDiff(m, t, unordered, new IdMatcher())).toBeUndefined();
    expect(bodyDiff(m, t, ordered, new IdMatcher())).toMatch(/body\[0\]\.id: the model answers "a", the target "b"/);
    expect(bodyDiff(m, [{ id: 'a' }], unordered, new IdMatcher())).toMatch(/2 items, the target 1/);
    expect(bodyDiff(m, [{ id: 'a' }, { id: 'a' }], unordered, new IdMatcher())).toMatch(
      /the model answers "b", the target "a"/,
    );
  });

  it('ids the run assigned: paired by role once, then held to the pairing both ways; seeded ones must be equal', () => {
    const rules = { assigned: new Set(['id']), ordered: true };
    const ids = new IdMatcher(new Set(['seeded-1']));
    expect(bodyDiff({ id: 'new-m' }, { id: 'new-t' }, rules, ids)).toBeUndefined();
    expect(ids.target('new-m')).toBe('new-t');
    expect(bodyDiff({ id: 'new-m' }, { id: 'other-t' }, rules, ids)).toMatch(/body\.id/);
    expect(bodyDiff({ id: 'second-m' }, { id: 'new-t' }, rules, ids)).toMatch(/body\.id/);
    expect(bodyDiff({ id: 'seeded-1' }, { id: 'seeded-2' }, rules, ids)).toMatch(/body\.id/);
    // A field that is not server-assigned is compared as it is.
    expect(bodyDiff({ name: 'x' }, { name: 'y' }, rules, ids)).toMatch(/body\.name/);
  });

  it('server timestamps agree within minutes; fields the target adds are left alone; a missing one is not', () => {
    expect(
      bodyDiff({ at: '2026-01-01T00:00:00.000Z' }, { at: '2026-01-01T00:00:02.500Z' }, ordered, new IdMatcher()),
    ).toBeUndefined();
    expect(
      bodyDiff({ at: '2026-01-01T00:00:00.000Z' }, { at: '2026-01-02T00:00:00.000Z' }, ordered, new IdMatcher()),
    ).toMatch(/body\.at/);
    expect(bodyDiff({ a: 1 }, { a: 1, extra: true }, ordered, new IdMatcher())).toBeUndefined();
    expect(bodyDiff({ a: 1, b: 2 }, { a: 1 }, ordered, new IdMatcher())).toMatch(/body\.b: missing/);
  });

  it('a server timestamp must move in the target when it moves in the model, and only then (per record, by its ids)', () => {
    const rules = { ...ordered, changes: new ChangeMemory() };
    const rel = (id: string, at: string) => ({ relation: { id, updatedAt: at } });
    const ids = new IdMatcher();
    const t0 = '2026-01-01T00:00:00.000Z';
    const t1 = '2026-01-01T00:00:01.000Z';
    const t2 = '2026-01-01T00:00:02.000Z';
    expect(bodyDiff(rel('r1', t0), rel('r1', t0), rules, ids)).toBeUndefined();
    // Moved on both sides (to different stamps, within the slack): agreed.
    expect(bodyDiff(rel('r1', t1), rel('r1', t2), rules, ids)).toBeUndefined();
    // Moved in the model only.
    expect(bodyDiff(rel('r1', t2), rel('r1', t2), rules, ids)).toMatch(
      /body\.relation\.updatedAt: moved in the model .* but not in the target/,
    );
    // Another record is followed on its own; the target moving alone is a difference too.
    expect(bodyDiff(rel('r2', t0), rel('r2', t0), rules, ids)).toBeUndefined();
    expect(bodyDiff(rel('r2', t0), rel('r2', t1), rules, ids)).toMatch(/did not move in the model/);
    // Without a memory, or for a record with no id field, only the slack applies.
    expect(bodyDiff({ at: t0 }, { at: t0 }, rules, ids)).toBeUndefined();
    expect(bodyDiff({ at: t1 }, { at: t0 }, rules, ids)).toBeUndefined();
  });

  it('errors: the status, then the vendor error type, not the wording', () => {
    const type = (b: unknown) => (b as { errorCode?: string }).errorCode;
    expect(
      answerDiff(
        answer(404, { errorCode: 'x', message: 'one' }),
        answer(404, { errorCode: 'x', message: 'two' }),
        ordered,
        new IdMatcher(),
        type,
      ),
    ).toBeUndefined();
    expect(
      answerDiff(answer(404, { errorCode: 'x' }), answer(404, { errorCode: 'y' }), ordered, new IdMatcher(), type),
    ).toMatch(/error type/);
    expect(answerDiff(answer(404, {}), answer(200, {}), ordered, new IdMatcher(), type)).toMatch(
      /status: the model answers 404, the target 200/,
    );
  });
});

describe('the model tier compares headers by what the spec says they mean', () => {
  const index = specIndex('auth0');
  const op = index.byId.get('get_organization_connection');
  if (!op) throw new Error('no get_organization_connection');
  const now = 1_800_000_000;
  const rl = (limit: number, remaining: number, reset: number) => ({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
  });
  const model = answer(200, {}, rl(50, 50, now + 1));

  it('the reset lies ahead, within the window the spec states', () => {
    expect(
      new HeaderMemory().check(index, op, '/x', 'tok', model, answer(200, {}, rl(50, 49, now + 30)), now),
    ).toBeUndefined();
    expect(
      new HeaderMemory().check(index, op, '/x', 'tok', model, answer(200, {}, rl(50, 49, now - 120)), now),
    ).toMatch(/X-RateLimit-Reset.*not a time within the next 60 s/);
    expect(
      new HeaderMemory().check(index, op, '/x', 'tok', model, answer(200, {}, rl(50, 49, now + 3600)), now),
    ).toMatch(/X-RateLimit-Reset/);
  });

  it('remaining never exceeds the limit, and does not rise within one window', () => {
    expect(new HeaderMemory().check(index, op, '/x', 'tok', model, answer(200, {}, rl(50, 51, now + 5)), now)).toMatch(
      /exceeds the limit 50/,
    );
    const memory = new HeaderMemory();
    expect(memory.check(index, op, '/x', 'tok', model, answer(200, {}, rl(50, 40, now + 5)), now)).toBeUndefined();
    expect(memory.check(index, op, '/x', 'tok', model, answer(200, {}, rl(50, 39, now + 5)), now)).toBeUndefined();
    expect(memory.check(index, op, '/x', 'tok', model, answer(200, {}, rl(50, 45, now + 5)), now)).toMatch(
      /rose without a new window/,
    );
    // A new window (another reset) may start full again; another token has a bucket of its own.
    expect(memory.check(index, op, '/x', 'tok', model, answer(200, {}, rl(50, 50, now + 50)), now)).toBeUndefined();
    expect(memory.check(index, op, '/x', 'other', model, answer(200, {}, rl(50, 50, now + 50)), now)).toBeUndefined();
  });

  it("remaining falls in the target where it falls in the model, within one window (a fault scenario's count)", () => {
    const memory = new HeaderMemory();
    const m = (n: number) => answer(200, {}, rl(5, n, now + 30));
    expect(memory.check(index, op, '/x', 'tok', m(4), answer(200, {}, rl(5, 4, now + 30)), now)).toBeUndefined();
    expect(memory.check(index, op, '/x', 'tok', m(3), answer(200, {}, rl(5, 3, now + 30)), now)).toBeUndefined();
    expect(memory.check(index, op, '/x', 'tok', m(2), answer(200, {}, rl(5, 3, now + 30)), now)).toMatch(
      /the model's count fell \(3 → 2\).*the target's did not/,
    );
    // A model whose count stays (no scenario) asks nothing of the target's.
    const idle = new HeaderMemory();
    expect(idle.check(index, op, '/x', 'tok', m(5), answer(200, {}, rl(5, 4, now + 30)), now)).toBeUndefined();
    expect(idle.check(index, op, '/x', 'tok', m(5), answer(200, {}, rl(5, 3, now + 30)), now)).toBeUndefined();
  });

  it('a missing header the spec defines is a difference', () => {
    expect(new HeaderMemory().check(index, op, '/x', 'tok', model, answer(200, {}, {}), now)).toMatch(/missing/);
  });

  it('405: Allow names exactly the methods of the one path the URL resolves to', () => {
    const path = '/organizations/org_1/connections/con_1';
    expect(methodsAt(index, path).sort()).toEqual(['DELETE', 'GET', 'PATCH']);
    // A literal segment wins over a parameter, as the router resolves it.
    expect(methodsAt(specIndex('leadconduit'), '/connections/repair')).toEqual(['POST']);
    expect(methodsAt(specIndex('leadconduit'), '/connections/abc').sort()).toEqual(['GET']);
    const m405 = answer(405, {});
    expect(
      new HeaderMemory().check(index, op, path, 'tok', m405, answer(405, {}, { allow: 'GET, PATCH, DELETE' }), now),
    ).toBeUndefined();
    expect(
      new HeaderMemory().check(index, op, path, 'tok', m405, answer(405, {}, { allow: 'GET, PATCH' }), now),
    ).toMatch(/Allow/);
    expect(new HeaderMemory().check(index, op, path, 'tok', m405, answer(405, {}, {}), now)).toMatch(/Allow: none/);
  });
});
