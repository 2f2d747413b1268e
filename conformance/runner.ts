import { newFaker } from '../src/sim/seeded.js';
import type { Operation, SpecIndex } from '../src/spec/index.js';
import type { VendorName } from '../src/spec/names.js';
import { runResponseChecks } from './checks/response.js';
import { exchange as doExchange } from './http.js';
import { curlOf } from './http.js';
import { NotApplicable, Skip, type Adapter, type AnyProfile, type Check, type CheckContext, type ControlClient, type Exchange, type Outcome } from './types.js';

export interface RunOptions {
  api: VendorName;
  target: string;
  index: SpecIndex;
  adapter: Adapter;
  profile: AnyProfile;
  checks: Check[];
  /** Names of the response checks to apply (all by default). */
  responseChecks: Set<string>;
  control?: ControlClient;
  seed: number;
  timeoutMs: number;
  /** Headers on every request (the simulator session). */
  headers?: Record<string, string>;
  onProgress?(done: number, total: number, check: string): void;
}

export interface RunResult {
  outcomes: Outcome[];
  exchanges: Exchange[];
  durationMs: number;
}

class Failed extends Error {}

/** Runs the checks one after the other (they share the target's state) and collects verdicts. */
export async function runChecks(o: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const outcomes: Outcome[] = [];
  const exchanges: Exchange[] = [];
  /** Response-check verdicts, per check and operation: failed once stays failed. */
  const responseVerdicts = new Map<string, Outcome>();
  let scenario: string | undefined;

  for (const [i, check] of o.checks.entries()) {
    o.onProgress?.(i, o.checks.length, check.name);
    const faker = newFaker(o.seed);
    const record = (status: Outcome['status'], operation?: string, message?: string, exchange?: Exchange) =>
      outcomes.push({ check: check.name, tier: check.tier, api: o.api, operation, status, message, exchange, curl: exchange ? curlOf(exchange) : undefined });
    let current: string | undefined;
    let perOperation = false;
    const ctx: CheckContext = {
      api: o.api,
      index: o.index,
      profile: o.profile as never,
      faker,
      control: o.control && {
        ...o.control,
        scenario: async (name, on, params) => {
          await o.control!.scenario(name, on, params);
          scenario = on ? name : undefined;
        },
      },
      baseline: (id) => o.adapter.baseline(o.profile as never, id),
      async send(operationId, parts, opts = {}) {
        const op = o.index.byId.get(operationId)!;
        const ex = await doExchange(o.index, o.target, operationId, parts, o.headers ?? {}, o.timeoutMs);
        ex.scenario = scenario;
        exchanges.push(ex);
        for (const { name, failure } of runResponseChecks(ex, op, opts)) {
          if (!o.responseChecks.has(name)) continue;
          const key = `${name}|${operationId}`;
          const prev = responseVerdicts.get(key);
          if (prev?.status === 'failed') continue;
          responseVerdicts.set(key, { check: name, tier: 'contract', api: o.api, operation: operationId, status: failure ? 'failed' : 'passed', message: failure && `${failure} (during ${check.name})`, exchange: failure ? ex : undefined, curl: failure ? curlOf(ex) : undefined });
        }
        return ex;
      },
      pass: (operation) => record('passed', operation),
      fail: (message, exchange, operation) => record('failed', operation ?? current, message, exchange),
      need(value, what) {
        if (value === undefined || value === null) throw new Skip(`needs ${what}`);
        return value;
      },
      expect(condition, message, exchange, operation) {
        if (!condition) {
          record('failed', operation ?? current, message, exchange);
          throw new Failed(message);
        }
      },
      async eachOperation(fn: (op: Operation) => Promise<void>) {
        perOperation = true;
        for (const op of o.index.operations) {
          current = op.id;
          try {
            await fn(op);
            record('passed', op.id);
          } catch (e) {
            if (e instanceof NotApplicable) continue;
            else if (e instanceof Skip) record('skipped', op.id, e.message);
            else if (!(e instanceof Failed)) record('failed', op.id, `check crashed: ${(e as Error).message}`);
          } finally {
            current = undefined;
          }
        }
      },
    };
    const before = outcomes.length;
    try {
      if (check.needsControl && !o.control) throw new Skip('needs the control API (--control)');
      await check.run(ctx);
      if (outcomes.length === before && !perOperation) record('passed');
    } catch (e) {
      if (e instanceof Skip) record('skipped', undefined, e.message);
      else if (!(e instanceof Failed)) record('failed', undefined, `check crashed: ${(e as Error).stack ?? e}`);
    } finally {
      if (scenario && o.control) await o.control.scenario(scenario, false).catch(() => undefined);
      scenario = undefined;
    }
  }
  o.onProgress?.(o.checks.length, o.checks.length, 'done');
  outcomes.push(...responseVerdicts.values());
  return { outcomes, exchanges, durationMs: Math.round(performance.now() - started) };
}
