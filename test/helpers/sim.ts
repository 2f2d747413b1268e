import { afterAll, beforeAll } from 'vitest';
import { basic as basicValue, bearer } from '../../conformance/flows/helpers.js';
import {
  startSimulator,
  type RunningSimulator,
  type ServerOptions as SimulatorOptions,
} from '../../src/server/index.js';

export interface Call {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as is (a string) instead of JSON. */
  raw?: string;
  session?: string;
  prefer?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/**
 * Which door the behaviour tests go through: the Express server over a socket (default), or
 * the core's own `handle(Request)` in-process (`CONNKIT_DOOR=handle`, the `in-process` vitest
 * project). Both must give the same answers; running the suites through each proves it.
 */
export const door: 'socket' | 'handle' = process.env.CONNKIT_DOOR === 'handle' ? 'handle' : 'socket';

/**
 * A simulator on 127.0.0.1 and a port of the OS's choosing, answers checked against the
 * spec (a violation comes back as a 500), plus the fixtures it reports.
 */
export async function testSimulator(options: SimulatorOptions = {}) {
  const sim: RunningSimulator = await startSimulator({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    validateResponses: true,
    maxSessions: 1000,
    ...options,
  });
  const call = async (c: Call): Promise<Answer> => {
    const headers: Record<string, string> = { ...c.headers };
    if (c.session) headers['X-Connkit-Session'] = c.session;
    if (c.prefer) headers.Prefer = c.prefer;
    let body: string | undefined = c.raw;
    if (c.body !== undefined) {
      body = JSON.stringify(c.body);
      headers['Content-Type'] ??= 'application/json';
    } else if (c.raw !== undefined) headers['Content-Type'] ??= 'application/json';
    const request = new Request(sim.url + c.path, { method: c.method ?? 'GET', headers, body });
    const res = door === 'handle' ? await sim.handle(request) : await fetch(request);
    // A dropped connection is a network error: fetch rejects, handle() answers Response.error().
    if (res.type === 'error') throw new TypeError('fetch failed: the simulator dropped the connection');
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  const fixtures = async (session?: string) => (await call({ path: '/__control/fixtures', session })).body.apis;
  return { sim, call, fixtures, close: () => sim.close() };
}

export type TestSim = Awaited<ReturnType<typeof testSimulator>>;

export const basic = (key: string) => ({ Authorization: basicValue(key) });
export const bearerH = (token: string) => ({ Authorization: bearer(token) });

let counter = 0;
/** A session name no other test uses. */
export const freshSession = (label = 's') => `${label}-${process.pid}-${++counter}`;

/**
 * A simulator for a whole test file: started before its tests, stopped after them; `ready`
 * receives it and its fixtures.
 */
export function useSimulator(ready: (t: TestSim, fixtures: any) => void, options: SimulatorOptions = {}): void {
  let t: TestSim | undefined;
  beforeAll(async () => {
    t = await testSimulator(options);
    ready(t, await t.fixtures());
  });
  afterAll(() => t?.close());
}
