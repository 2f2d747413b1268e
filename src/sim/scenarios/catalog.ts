import { ApiError } from '../errors.js';
import { vendorModules } from '../vendors/index.js';
import { isVendorName, vendorNames, type VendorName } from '../../spec/names.js';
import { num, type ActiveScenario, type ScenarioDef } from './types.js';

export type { ActiveScenario, ScenarioDef, ScenarioRun } from './types.js';

const allVendors = [...vendorNames];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Faults every API can show; each vendor module brings its own (SSO outage, rate limits…). */
const generic: ScenarioDef[] = [
  {
    name: 'latency',
    description: 'Every answer is delayed: by `ms`, or by a uniform draw between `min_ms` and `max_ms` when max_ms > 0.',
    apis: allVendors,
    params: {
      ms: { default: 500, description: 'fixed delay' },
      min_ms: { default: 0, description: 'lower bound of a uniform delay' },
      max_ms: { default: 0, description: 'upper bound of a uniform delay (0: use ms)' },
    },
    async apply(run) {
      const max = num(run, 'max_ms');
      const ms = max > 0 ? run.session.dice.int(num(run, 'min_ms'), max) : num(run, 'ms');
      await sleep(ms);
    },
  },
  {
    name: 'server-error',
    description: 'A share `rate` (0..1) of requests answers `status` (500 by default) in the vendor\'s error envelope.',
    apis: allVendors,
    params: {
      rate: { default: 1, description: 'share of requests that fail', max: 1 },
      status: { default: 500, description: '5xx status to answer', min: 500, max: 599, integer: true },
    },
    apply(run) {
      if (run.session.dice.unit() < num(run, 'rate'))
        throw new ApiError({ kind: 'internal', status: num(run, 'status'), message: 'Internal server error (connkit server-error scenario)', injected: true });
    },
  },
  {
    name: 'connection-reset',
    description: 'A share `rate` (0..1) of requests gets its connection closed with no answer (ECONNRESET for the client).',
    apis: allVendors,
    params: { rate: { default: 1, description: 'share of requests reset', max: 1 } },
    apply(run) {
      if (run.session.dice.unit() < num(run, 'rate')) return 'reset';
    },
  },
];

/** The named scenarios, each one fault a real service shows: the vendors' own first. */
export const scenarioCatalog: ScenarioDef[] = [...vendorNames.flatMap((v) => (vendorModules[v].scenarios ?? []) as ScenarioDef[]), ...generic];

export const scenarioByName = new Map(scenarioCatalog.map((s) => [s.name, s]));

/** Fills defaults and checks an activation against the catalog; the message names the bad part. */
export function normalizeScenario(input: { name: string; apis?: string[]; params?: Record<string, unknown> }): ActiveScenario {
  const def = scenarioByName.get(input.name);
  if (!def) throw new Error(`unknown scenario '${input.name}' (one of ${scenarioCatalog.map((s) => s.name).join(', ')})`);
  const params: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(def.params)) params[key] = p.default;
  for (const [key, value] of Object.entries(input.params ?? {})) {
    if (!(key in def.params)) throw new Error(`scenario '${def.name}' has no parameter '${key}'`);
    const n = Number(value);
    const { min = 0, max = Number.MAX_SAFE_INTEGER, integer } = def.params[key];
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) throw new Error(`scenario '${def.name}' parameter '${key}' must be a number from ${min} to ${max}`);
    params[key] = n;
  }
  const apis = input.apis ?? [];
  for (const api of apis) if (!isVendorName(api)) throw new Error(`unknown api '${api}' for scenario '${def.name}'`);
  return { name: def.name, apis: apis.length ? (apis as VendorName[]) : def.apis, params };
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
