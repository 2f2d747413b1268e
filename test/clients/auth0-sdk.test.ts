import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/server/index.js';

// The official Auth0 Node SDK, v4 (`auth0-v4`) and the current major (`auth0`), run in a
// child process that changes only `domain` (to connkit's HTTPS port) and NODE_EXTRA_CA_CERTS
// (to trust connkit's certificate authority). Whatever the SDK sends, connkit must answer
// as Auth0 does, at Auth0's own paths.

const child = fileURLToPath(new URL('./auth0-sdk-child.mjs', import.meta.url));
const run = promisify(execFile);

let sim: RunningSimulator;
let tlsDir: string;
let fx: any;
const tokens: Record<string, string> = {};

async function control(path: string, init: { method: string; body?: unknown }) {
  const res = await fetch(`${sim.url}/__control${path}`, {
    method: init.method,
    headers: { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(res.ok, `${init.method} ${path}: ${res.status}`).toBe(true);
  return res.status === 204 ? undefined : res.json();
}

const scopes = ['read', 'create', 'update', 'delete'].map((v) => `${v}:organization_connections`);
const mint = async (body: { scopes: string[]; expired?: boolean }) =>
  ((await control('/auth0/tokens', { method: 'POST', body })) as { token: string }).token;

/** Runs the user's script with the SDK; returns what it printed. */
async function sdk(version: 'v4' | 'v7', view: 'ga' | 'ea', phase: 'crud' | 'rate-limit', connection?: string) {
  const input = { domain: `localhost:${sim.tlsPort}`, org: fx.organizations.main.id, connection, tokens };
  const { stdout } = await run(process.execPath, [child, version, view, phase, JSON.stringify(input)], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_EXTRA_CA_CERTS: sim.caPath! },
    timeout: 40_000,
  });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  tlsDir = await mkdtemp(join(tmpdir(), 'connkit-sdk-tls-'));
  sim = await startSimulator({
    port: 0,
    host: '127.0.0.1',
    tls: { port: 0, dir: tlsDir },
    logLevel: 'silent',
    validateResponses: true,
  });
  fx = (await control('/fixtures', { method: 'GET' })).apis.auth0;
  tokens.full = fx.tokens.full;
  tokens.readOnly = await mint({ scopes: ['read:organization_connections'] });
  tokens.expired = await mint({ scopes, expired: true });
});

afterAll(async () => {
  await sim?.close();
  if (tlsDir) await rm(tlsDir, { recursive: true, force: true });
});

describe('the official Auth0 SDK, unchanged, against connkit over HTTPS', () => {
  /** The main organization's enabled links, in order, as connkit's own EA list filter gives them. */
  const enabledIds = async () => {
    const res = await fetch(
      `${sim.url}/api/v2/organizations/${fx.organizations.main.id}/connections?is_enabled=true&per_page=100`,
      { headers: { Authorization: `Bearer ${tokens.full}` } },
    );
    return ((await res.json()) as { connection_id: string }[]).map((c) => c.connection_id);
  };
  const allIds = () => [...fx.organizations.main.connection_ids].sort();

  it('is served over HTTPS with a certificate the child trusts', () => {
    expect(sim.tlsPort).toBeGreaterThan(0);
    expect(sim.caPath).toBeTruthy();
  });

  it.each([
    ['v4', 'ga', 0],
    ['v7', 'ga', 1],
    ['v7', 'ea', 2],
  ] as const)(
    "%s %s: lists (plain, paged, totals), adds, gets, updates, deletes; 409, 404, 403 and 401 as the SDK's own errors",
    async (version, view, n) => {
      const cid = fx.unlinked_connection_ids[n];
      const visible = view === 'ga' ? await enabledIds() : allIds();
      const out = await sdk(version, view, 'crud', cid);
      const v4 = version === 'v4';

      // v4 sends no include_totals unless asked (a bare array); v7 always asks for totals.
      expect(out.plain).toEqual(visible.slice(0, 50));
      expect(out.paged).toEqual(visible.slice(3, 6));
      expect(out.totals).toEqual({
        start: 0,
        limit: 4,
        total: visible.length,
        ids: visible.slice(0, 4),
        ...(v4 ? {} : { key: true }),
      });
      if (!v4) expect(out.everyPage).toEqual(visible);

      expect(out.added.status).toBe(201);
      expect(out.added.data).toMatchObject({
        connection_id: cid,
        assign_membership_on_login: true,
        show_as_button: true,
        is_signup_enabled: false,
        connection: { name: expect.any(String), strategy: expect.any(String) },
      });
      if (view === 'ea') expect(out.added.data).toMatchObject({ is_enabled: true, organization_access_level: 'none' });
      else expect(out.added.data).not.toHaveProperty('is_enabled');
      expect(out.got).toEqual({ status: 200, data: out.added.data });
      expect(out.updated).toEqual({ status: 200, data: { ...out.added.data, show_as_button: false } });
      expect(out.listedAfterUpdate).toEqual(out.updated.data);
      expect(out.removed).toBe(204);

      const errorType = (status: number, v7Name: string) =>
        v4 ? { type: 'ManagementApiError', status } : { type: v7Name, status };
      expect(out.duplicate.error).toEqual({
        ...errorType(409, 'ConflictError'),
        errorCode: 'organization_connection_conflict',
      });
      expect(out.gone.error).toEqual({
        ...errorType(404, 'NotFoundError'),
        errorCode: 'inexistent_organization_connection',
      });
      // v7's EA delete lists no 404 of its own: it throws its generic ManagementError.
      expect(out.goneAgain.error).toEqual({
        ...errorType(404, view === 'ea' ? 'ManagementError' : 'NotFoundError'),
        errorCode: 'inexistent_organization_connection',
      });
      expect(out.readOnlyAdd.error).toEqual({ ...errorType(403, 'ForbiddenError'), errorCode: 'insufficient_scope' });
      expect(out.readOnlyList.ok).toBe(Math.min(visible.length, 50));
      expect(out.expired.error).toEqual({ ...errorType(401, 'UnauthorizedError'), errorCode: 'token_expired' });
    },
  );

  it.each(['v4', 'v7'] as const)(
    '%s: meets 429 in the rate-limited scenario, waits as the SDK does, and then succeeds',
    async (version) => {
      tokens.limited = await mint({ scopes });
      await control('/scenarios/rate-limited', { method: 'PUT', body: { params: { limit: 1, window_seconds: 1 } } });
      const since = sim.journal.total;
      let out: any;
      try {
        out = await sdk(version, 'ga', 'rate-limit');
      } finally {
        await control('/scenarios/rate-limited', { method: 'DELETE' });
      }
      const visible = await enabledIds();
      expect(out.first).toEqual({ ok: Math.min(visible.length, 50) });
      expect(out.second).toEqual({ ok: Math.min(visible.length, 50) });

      const entries = sim.journal
        .list(sim.journal.total - since)
        .filter((e) => e.operationId === 'get_enabled_connections');
      const statuses = entries.map((e) => e.status);
      expect(statuses[0]).toBe(200);
      expect(statuses.at(-1)).toBe(200);
      expect(statuses.slice(1, -1).length).toBeGreaterThan(0);
      expect(statuses.slice(1, -1).every((s) => s === 429)).toBe(true);
      // The successful retry came once the window of the first call had passed.
      const lastLimited = entries.at(-2)!;
      const retried = entries.at(-1)!;
      expect(Date.parse(retried.at) - Date.parse(entries[0].at)).toBeGreaterThanOrEqual(900);
      if (version === 'v7') {
        // v7 reads X-RateLimit-Reset: one 429, then the retry no earlier than the reset it named.
        expect(statuses).toEqual([200, 429, 200]);
        const header = Object.entries(lastLimited.response?.headers ?? {}).find(
          ([name]) => name.toLowerCase() === 'x-ratelimit-reset',
        );
        const reset = Number(header?.[1]);
        expect(reset).toBeGreaterThan(Date.parse(entries[0].at) / 1000);
        expect(Date.parse(retried.at)).toBeGreaterThanOrEqual(reset * 1000 - 50);
      }
    },
  );
});
