import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { createSimulator } from '../../src/sim/core.js';
import { discriminatedAt, takes } from '../../src/contract/discriminated.js';
import { readSpec } from '../../src/contract/load.js';

const doc = readSpec('control');
const request = '/components/schemas/ProviderStateRequest';
const d = discriminatedAt(doc, request);

/** The README's provider-state table: state, vendor, params as written. */
function readmeRows(): { state: string; params: string[] }[] {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Fixtures that get used up: provider states'));
  return [...section.matchAll(/^\| `([^`]+)` \([A-Za-z0-9]+\) \|([^|]*)\|/gm)].map((m) => ({
    state: m[1],
    // `organization_id?` (an already related one: to confirm) → organization_id?
    params:
      m[2]
        .replace(/\([^)]*\)/g, '')
        .match(/`[^`]+`/g)
        ?.map((p) => p.slice(1, -1)) ?? [],
  }));
}

describe('provider states: the README table and specs/control.yaml agree', () => {
  it('the same states, each taking the params the table lists (optional ones with ?)', () => {
    expect(d?.tag).toBe('state');
    const rows = readmeRows();
    expect(rows.map((r) => r.state).sort()).toEqual([...(d?.branches.keys() ?? [])].sort());
    for (const row of rows) {
      const pointer = d?.branches.get(row.state) ?? '';
      expect(
        takes(doc, pointer, 'state').map((f) => f.replace(/^params\./, '')),
        row.state,
      ).toEqual(row.params);
    }
  });
});

describe('provider-state errors: one line naming the state, what it takes and what was wrong', () => {
  const sim = createSimulator({ sizes: { wingfield: 1, auth0: 1, leadconduit: 1, mycreditapp: 1 } });
  const mint = async (body: unknown) => {
    const res = await sim.handle(
      new Request('http://127.0.0.1/__control/provider-states', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    const json: unknown = await res.json();
    return { status: res.status, json };
  };
  const message = (json: unknown) =>
    typeof json === 'object' &&
    json !== null &&
    'error' in json &&
    typeof json.error === 'object' &&
    json.error !== null &&
    'message' in json.error
      ? String(json.error.message)
      : '';

  it('a state that takes no params needs none', async () => {
    expect(await mint({ state: 'user without a seat' })).toMatchObject({
      status: 201,
      json: { user_id: expect.any(String) },
    });
    expect((await mint({ state: 'sso-only connection' })).status).toBe(201);
  });

  it.each([
    [
      { state: 'user without a seat', params: { x: 1 } },
      "body.params.x is not allowed (state 'user without a seat' takes nothing besides state)",
    ],
    [
      { state: 'unlinked auth0 connection' },
      "body.params is required (state 'unlinked auth0 connection' takes params.organization_id)",
    ],
    [
      { state: 'unlinked auth0 connection', params: {} },
      "body.params.organization_id is required (state 'unlinked auth0 connection' takes params.organization_id)",
    ],
    [
      { state: 'sso-only connection', params: { relationship_type: 'x' } },
      "body.params.relationship_type must be one of seller, buyer (state 'sso-only connection' takes params.relationship_type?)",
    ],
    [
      { state: 'nope' },
      'body.state must be one of open connect token, sso-only connection, pending invitation, unlinked auth0 connection, user without a seat',
    ],
    [
      {},
      'body.state is required (one of open connect token, sso-only connection, pending invitation, unlinked auth0 connection, user without a seat)',
    ],
  ])('%j → %s', async (body, expected) => {
    const r = await mint(body);
    expect(r.status).toBe(400);
    expect(message(r.json)).toBe(expected);
  });
});
