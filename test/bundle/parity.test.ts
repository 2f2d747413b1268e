// The browser build answers as the Node core does: every documented status of every
// operation (the status matrix's requests), sent to the built bundle's simulator and to the
// sources' one in-process, same seed, answers checked against the spec in both. The bundle
// swaps libraries' parts for smaller ones (scripts/build-browser.mjs) and carries a trimmed
// copy of each spec: a size test alone would not see a validator or a route that went missing.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { createSimulator, type Simulator } from '../../src/sim/core.js';
import { buildBrowserBundle } from '../msw/browser-harness.js';
import type { Call } from '../helpers/sim.js';
import { recipes } from '../helpers/status-recipes.js';

let dir = '';
let node: Simulator;
let browser: Simulator;
let fx: unknown;
const now = new Date();

beforeAll(() => void vi.useFakeTimers({ toFake: ['Date'] }));
afterAll(() => void vi.useRealTimers());

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'connkit-parity-'));
  // The bundle leaves msw to its importer: resolve it from connkit's own node_modules.
  await symlink(join(packageRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const bundle = (await import(pathToFileURL(await buildBrowserBundle(join(dir, 'out'))).href)) as {
    createSimulator: typeof createSimulator;
  };
  node = createSimulator({ seed: 42, validateResponses: true });
  browser = bundle.createSimulator({ seed: 42, validateResponses: true });
  fx = (await node.control.fixtures()).apis;
  expect((await browser.control.fixtures()).apis).toEqual(fx);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

function request(c: Call, session: string): Request {
  const headers: Record<string, string> = { ...c.headers, 'X-Connkit-Session': c.session ?? session };
  if (c.prefer) headers.Prefer = c.prefer;
  const body = c.body !== undefined ? JSON.stringify(c.body) : c.raw;
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  return new Request(`http://127.0.0.1${c.path}`, { method: c.method ?? 'GET', headers, body });
}

async function answer(sim: Simulator, c: Call, session: string) {
  // Both answer at the same instant: a record made now carries the clock in its dates.
  vi.setSystemTime(now);
  const res = await sim.handle(request(c, session));
  // The journal tells how long each answer took: the one field two runs never share.
  const body = (await res.text()).replace(/"durationMs":[\d.e-]+/g, '"durationMs":0');
  return { status: res.status, type: res.headers.get('content-type'), body };
}

const cases = Object.entries(recipes).flatMap(([op, byStatus]) =>
  Object.entries(byStatus).map(([status, recipe]) => [op, Number(status), recipe] as const),
);

describe("the browser build's answers", () => {
  it.each(cases)('%s %i: as the Node core answers', async (op, status, recipe) => {
    const call = recipe(fx);
    const session = `${op}-${status}`;
    const [fromNode, fromBrowser] = [await answer(node, call, session), await answer(browser, call, session)];
    expect(fromNode.status, fromNode.body.slice(0, 300)).toBe(status);
    expect(fromBrowser).toEqual(fromNode);
  });
});
