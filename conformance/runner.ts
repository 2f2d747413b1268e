import { newFaker } from '../src/sim/faker.js';
import type { Operation, SpecIndex } from '../src/contract/index.js';
import type { VendorName } from '../src/contract/names.js';
import { runResponseChecks } from './checks/response.js';
import { earned } from './answers.js';
import { curlOf, exchange as doExchange } from './http.js';
import { ProviderStateError, type FixtureSource } from './provider-states.js';
import { keyOf, Ledger } from './state-file.js';
import {
  NotApplicable,
  Skip,
  type Adapter,
  type AnyProfile,
  type Check,
  type CheckContext,
  type ControlClient,
  type Exchange,
  type Outcome,
  type RequestParts,
  type SendOptions,
  type Sharing,
} from './types.js';

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
  /** Mints consumable fixtures; without one they come from the profile, recorded in `ledger`. */
  source?: FixtureSource;
  ledger?: Ledger;
  /** How to refresh a used-up profile fixture (the skip message says it). */
  refreshHint?: string;
  seed: number;
  timeoutMs: number;
  /** Checks run at once where their sharing allows (1: one after the other). */
  concurrency?: number;
  /** Headers on every request (the simulator session). */
  headers?: Record<string, string>;
  /** Stop starting checks once this many failures are in (checks already running finish). */
  maxFailures?: number;
  onProgress?(done: number, total: number, check: string): void;
}

export interface RunResult {
  outcomes: Outcome[];
  exchanges: Exchange[];
  durationMs: number;
  /** Checks never started because `maxFailures` was reached. */
  notRun?: string[];
}

class Failed extends Error {}

interface CheckRun {
  outcomes: Outcome[];
  /** Every exchange, with the response checks' findings on it, in the order sent. */
  sent: { ex: Exchange; findings: { name: string; failure?: string }[] }[];
}

/**
 * Consecutive checks that may share the target run together, up to `concurrency` at once:
 * readers with readers, checks on fixtures of their own with each other; an exclusive check
 * runs alone. Verdicts are folded in check order, so they read as a serial run's do.
 */
export function batches(checks: Check[], concurrency: number): Check[][] {
  const out: Check[][] = [];
  let kind: Sharing | undefined;
  for (const c of checks) {
    const sharing = concurrency > 1 ? (c.sharing ?? 'exclusive') : 'exclusive';
    if (sharing !== 'exclusive' && sharing === kind) out[out.length - 1].push(c);
    else out.push([c]);
    kind = sharing;
  }
  return out;
}

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>, stop: () => boolean): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length && !stop()) await fn(items[next++]);
    }),
  );
}

export async function runChecks(o: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const ledger = o.ledger ?? (await Ledger.open(undefined, o.api, o.target));
  const runs = new Map<Check, CheckRun>();
  let scenario: string | undefined;
  let done = 0;
  // What the report will count as failures so far: named checks' failed outcomes, and each
  // response check once per operation (as the verdicts below fold them).
  const failedOutcomes = { named: 0, responses: new Set<string>() };
  const failures = () => failedOutcomes.named + failedOutcomes.responses.size;
  const enough = () => o.maxFailures !== undefined && failures() >= o.maxFailures;

  async function runOne(check: Check): Promise<void> {
    o.onProgress?.(done++, o.checks.length, check.name);
    const run: CheckRun = { outcomes: [], sent: [] };
    runs.set(check, run);
    const faker = newFaker(o.seed);
    const record = (status: Outcome['status'], operation?: string, message?: string, exchange?: Exchange) =>
      run.outcomes.push({
        check: check.name,
        tier: check.tier,
        api: o.api,
        operation,
        status,
        message,
        exchange,
        curl: exchange ? curlOf(exchange) : undefined,
      });
    let current: string | undefined;
    let perOperation = false;
    const control = o.control;
    async function sendRaw<Op extends string>(
      operationId: Op,
      parts: RequestParts,
      opts: SendOptions = {},
    ): Promise<Exchange<Op>> {
      const op = o.index.byId.get(operationId);
      if (!op) throw new Error(`no operation ${operationId} in the ${o.api} spec`);
      const ex = await doExchange(o.index, o.target, operationId, parts, o.headers ?? {}, o.timeoutMs);
      ex.scenario = scenario;
      run.sent.push({ ex, findings: runResponseChecks(ex, op, opts) });
      return ex;
    }
    const ctx: CheckContext = {
      api: o.api,
      index: o.index,
      profile: o.profile,
      faker,
      control: control && {
        ...control,
        scenario: async (name, on, params) => {
          await control.scenario(name, on, params);
          scenario = on ? name : undefined;
        },
      },
      baseline: (id) => o.adapter.baseline(o.profile, id),
      minted: Boolean(o.source),
      async fixture(state, params, fromProfile) {
        return o.source ? o.source.mint(state, params ?? {}) : fromProfile();
      },
      consume(path, list, opts = {}) {
        const fresh = (list ?? []).filter((v) => !ledger.usedNow(path, keyOf(v)) && !ledger.usedBefore(path, keyOf(v)));
        const value = fresh[0];
        if (value === undefined) {
          const earlier = (list ?? []).map((v) => ledger.usedBefore(path, keyOf(v))).find(Boolean);
          if (earlier)
            throw new Skip(
              `fixture ${path} was used up by an earlier run (${earlier.value}, by ${earlier.check} at ${earlier.at})${o.refreshHint ? `; ${o.refreshHint}` : ''}`,
            );
          throw new Skip(`needs ${path}`);
        }
        if (!opts.keep) ledger.record(path, keyOf(value), check.name);
        return value;
      },
      send: sendRaw,
      sendRaw,
      expectAnswer: (ex, want, what) =>
        earned(o.index, ex, want, (problem) => {
          const message = `${what}: ${problem}`;
          record('failed', current, message, ex);
          throw new Failed(message);
        }),
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
            else if (e instanceof ProviderStateError) record('failed', op.id, e.message);
            else if (!(e instanceof Failed)) record('failed', op.id, `check crashed: ${(e as Error).message}`);
          } finally {
            current = undefined;
          }
        }
      },
    };
    const before = run.outcomes.length;
    try {
      if (check.needsControl && !o.control) throw new Skip('needs the control API (--control)');
      await check.run(ctx);
      if (run.outcomes.length === before && !perOperation) record('passed');
    } catch (e) {
      if (e instanceof Skip) record('skipped', undefined, e.message);
      else if (e instanceof ProviderStateError) record('failed', undefined, e.message);
      else if (!(e instanceof Failed)) record('failed', undefined, `check crashed: ${(e as Error).stack ?? String(e)}`);
    } finally {
      if (scenario && o.control) await o.control.scenario(scenario, false).catch(() => undefined);
      scenario = undefined;
      failedOutcomes.named += run.outcomes.filter((x) => x.status === 'failed').length;
      for (const { ex, findings } of run.sent)
        for (const { name, failure } of findings)
          if (failure && o.responseChecks.has(name)) failedOutcomes.responses.add(`${name}|${ex.operationId}`);
    }
  }

  for (const batch of batches(o.checks, o.concurrency ?? 1)) {
    if (enough()) break;
    await pool(batch, o.concurrency ?? 1, runOne, enough);
  }
  o.onProgress?.(o.checks.length, o.checks.length, 'done');
  await ledger.save();

  // Response-check verdicts per check and operation, folded in check order: failed once stays failed.
  const outcomes: Outcome[] = [];
  const exchanges: Exchange[] = [];
  const responseVerdicts = new Map<string, Outcome>();
  for (const check of o.checks) {
    const run = runs.get(check);
    if (!run) continue;
    outcomes.push(...run.outcomes);
    for (const { ex, findings } of run.sent) {
      exchanges.push(ex);
      for (const { name, failure } of findings) {
        if (!o.responseChecks.has(name)) continue;
        const key = `${name}|${ex.operationId}`;
        if (responseVerdicts.get(key)?.status === 'failed') continue;
        responseVerdicts.set(key, {
          check: name,
          tier: 'contract',
          api: o.api,
          operation: ex.operationId,
          status: failure ? 'failed' : 'passed',
          message: failure && `${failure} (during ${check.name})`,
          exchange: failure ? ex : undefined,
          curl: failure ? curlOf(ex) : undefined,
        });
      }
    }
  }
  outcomes.push(...responseVerdicts.values());
  const notRun = o.checks.filter((c) => !runs.has(c)).map((c) => c.name);
  return {
    outcomes,
    exchanges,
    durationMs: Math.round(performance.now() - started),
    ...(notRun.length ? { notRun } : {}),
  };
}
