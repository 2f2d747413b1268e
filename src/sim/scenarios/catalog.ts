import { ApiError } from '../errors.js';
import { isVendorName, type VendorName } from '../../contract/names.js';
import type { ApiModule } from '../module.js';
import { num, type ActiveScenario, type ScenarioDef } from './types.js';

export type { ActiveScenario, ScenarioDef, ScenarioOutcome, ScenarioRun } from './types.js';

const maxDelayMs = 600_000;

/** Faults every API can show (`apis` is filled in with the APIs served); each vendor module brings its own. */
const generic: Omit<ScenarioDef, 'apis'>[] = [
  {
    name: 'latency',
    description:
      'Every answer is delayed: by `ms`, or by a uniform draw between `min_ms` and `max_ms` when max_ms > 0.',
    // Ten minutes at most: longer than any client's timeout, and far inside a timer's 2^31-1 ms
    // (past it Node fires at once), so a page cannot hold a request open for a day.
    params: {
      ms: { default: 500, description: 'fixed delay', max: maxDelayMs, integer: true },
      min_ms: { default: 0, description: 'lower bound of a uniform delay', max: maxDelayMs, integer: true },
      max_ms: { default: 0, description: 'upper bound of a uniform delay (0: use ms)', max: maxDelayMs, integer: true },
    },
    apply(run) {
      const max = num(run, 'max_ms');
      return { delayMs: max > 0 ? run.session.dice.int(num(run, 'min_ms'), max) : num(run, 'ms') };
    },
  },
  {
    name: 'server-error',
    description: "A share `rate` (0..1) of requests answers `status` (500 by default) in the vendor's error envelope.",
    params: {
      rate: { default: 1, description: 'share of requests that fail', max: 1 },
      status: { default: 500, description: '5xx status to answer', min: 500, max: 599, integer: true },
    },
    apply(run) {
      if (run.session.dice.unit() < num(run, 'rate'))
        return {
          fail: new ApiError({
            kind: 'internal',
            status: num(run, 'status'),
            message: 'Internal server error (connkit server-error scenario)',
            injected: true,
          }),
        };
    },
  },
  {
    name: 'connection-reset',
    description:
      'A share `rate` (0..1) of requests gets its connection closed with no answer (ECONNRESET for the client).',
    params: { rate: { default: 1, description: 'share of requests reset', max: 1 } },
    apply(run) {
      if (run.session.dice.unit() < num(run, 'rate')) return { reset: true };
    },
  },
];

/** The named scenarios of a set of API modules, and the rules to switch one on. */
export interface ScenarioCatalog {
  /** Each one fault a real service shows: the vendors' own first, then those every API shows. */
  list: readonly ScenarioDef[];
  get(name: string): ScenarioDef | undefined;
  /** Fills defaults and checks an activation against the catalog; the message names the bad part. */
  normalize(input: { name: string; apis?: string[]; params?: Record<string, unknown> }): ActiveScenario;
}

/**
 * The catalog of the modules given (the simulator's served ones, or every registered one for
 * the CLI's help): nothing here knows which vendors exist.
 */
export function composeCatalog(modules: readonly ApiModule[]): ScenarioCatalog {
  const names: VendorName[] = modules.map((m) => m.name).filter(isVendorName);
  const list: ScenarioDef[] = [
    ...modules
      .flatMap((m): readonly ScenarioDef[] => m.scenarios ?? [])
      .map((s) => ({ ...s, apis: s.apis.filter((a) => names.includes(a)) })),
    ...generic.map((s) => ({ ...s, apis: names })),
  ];
  const byName = new Map(list.map((s) => [s.name, s]));
  return {
    list,
    get: (name) => byName.get(name),
    normalize(input) {
      const def = byName.get(input.name);
      if (!def) throw new Error(`unknown scenario '${input.name}' (one of ${list.map((s) => s.name).join(', ')})`);
      const params: Record<string, unknown> = {};
      for (const [key, p] of Object.entries(def.params)) params[key] = p.default;
      for (const [key, value] of Object.entries(input.params ?? {})) {
        if (!(key in def.params)) throw new Error(`scenario '${def.name}' has no parameter '${key}'`);
        const n = Number(value);
        const { min = 0, max = Number.MAX_SAFE_INTEGER, integer } = def.params[key];
        if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
          throw new Error(`scenario '${def.name}' parameter '${key}' must be a number from ${min} to ${max}`);
        params[key] = n;
      }
      const apis: VendorName[] = [];
      for (const api of input.apis ?? []) {
        if (!isVendorName(api) || !names.includes(api))
          throw new Error(`unknown api '${api}' for scenario '${def.name}'`);
        apis.push(api);
      }
      return { name: def.name, apis: apis.length ? apis : def.apis, params };
    },
  };
}

/**
 * `Prefer: scenario=latency; ms=200, scenario=sso-outage` (RFC 7240 syntax) → activations.
 * Other preferences are left alone.
 */
export function scenariosFromPrefer(header: string | undefined): { name: string; params: Record<string, unknown> }[] {
  if (!header) return [];
  const out: { name: string; params: Record<string, unknown> }[] = [];
  for (const pref of header.split(',')) {
    const [head, ...rest] = pref.split(';').map((s) => s.trim());
    const [key, value] = head.split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (key.toLowerCase() !== 'scenario' || !value) continue;
    const params: Record<string, unknown> = {};
    for (const p of rest) {
      const [k, v] = p.split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
      if (k) params[k] = v;
    }
    out.push({ name: value, params });
  }
  return out;
}
