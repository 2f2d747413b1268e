import { isDeepStrictEqual } from 'node:util';
import type { Answer } from './types.js';

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
/** Two servers stamping "now" for the same step: as far apart as a slow step may put them. */
const stampSlackMs = 5 * 60_000;

/**
 * Ids the target assigned, matched by role to the model's: the first time a model id meets a
 * target id in the same place they are paired, and the pairing must hold from then on (both ways).
 */
export class IdMatcher {
  private readonly toTarget = new Map<string, string>();
  private readonly toModel = new Map<string, string>();

  /** `known`: every value the state held before the run; those were not assigned by the run, so they must match as they are. */
  constructor(private readonly known: ReadonlySet<string> = new Set()) {}

  /** A model value as the target knows it (a value never paired is the same on both sides). */
  target(model: string): string {
    return this.toTarget.get(model) ?? model;
  }

  /** Whether the target's value may stand for the model's in this role (a new pair is recorded). */
  pair(model: string, target: string): boolean {
    const known = this.toTarget.get(model);
    if (known !== undefined) return known === target;
    if (this.toModel.has(target)) return this.toModel.get(target) === model;
    if (model === target) return true;
    if (this.known.has(model)) return false;
    this.toTarget.set(model, target);
    this.toModel.set(target, model);
    return true;
  }
}

/**
 * Server timestamps of each record as both sides last showed them: values matched by role
 * must also agree on whether they moved. If the model's `updated_at` of a record changed
 * between two observations, the target's must have changed too, and not when the model's did
 * not. A record is known by its id fields (`id`, `…_id`, `…Id`), through every operation that
 * shows it; one without any is not followed.
 */
export class ChangeMemory {
  private readonly last = new Map<string, { model: string; target: string }>();

  check(where: string, record: string, field: string, model: string, target: string): string | undefined {
    const key = `${record}|${field}`;
    const before = this.last.get(key);
    this.last.set(key, { model, target });
    if (!before) return undefined;
    const modelMoved = before.model !== model;
    const targetMoved = before.target !== target;
    if (modelMoved === targetMoved) return undefined;
    return modelMoved
      ? `${where}: moved in the model (${before.model} → ${model}) but not in the target (still ${target})`
      : `${where}: did not move in the model (still ${model}) but moved in the target (${before.target} → ${target})`;
  }
}

export interface BodyRules {
  /** Answer fields whose values the server assigns (matched by role). */
  assigned: ReadonlySet<string>;
  /** The spec states the order of this operation's lists; otherwise they are compared as multisets. */
  ordered: boolean;
  /** Where given, server timestamps must move together (see ChangeMemory). */
  changes?: ChangeMemory;
}

const idField = /^id$|_id$|[a-z]Id$/;

/** A record's identity: its id fields as the model shows them (the parent's where it has none). */
function identityOf(v: Record<string, unknown>, owner: string): string {
  const own = Object.keys(v)
    .filter((k) => idField.test(k) && typeof v[k] === 'string' && !dateTime.test(v[k]))
    .sort()
    .map((k) => `${k}=${String(v[k])}`)
    .join(',');
  return own || owner;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A sort key that ignores what is matched by role (assigned ids, server timestamps). */
function shapeKey(v: unknown, rules: BodyRules, key?: string): string {
  if (typeof v === 'string')
    return (key !== undefined && rules.assigned.has(key)) || dateTime.test(v) ? '"~"' : JSON.stringify(v);
  if (Array.isArray(v)) {
    const items = v.map((x) => shapeKey(x, rules, key));
    return `[${(rules.ordered ? items : items.sort()).join(',')}]`;
  }
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${shapeKey(v[k], rules, k)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * The first difference between the model's body and the target's, or undefined. Fields the
 * target adds beyond the model's are left alone (the spec's schemas leave extra fields open);
 * a field the model has and the target lacks is a difference.
 */
export function bodyDiff(
  model: unknown,
  target: unknown,
  rules: BodyRules,
  ids: IdMatcher,
  where = 'body',
  key?: string,
  owner = '',
): string | undefined {
  if (typeof model === 'string' && typeof target === 'string') {
    if (rules.changes && owner && key !== undefined && dateTime.test(model) && dateTime.test(target)) {
      const moved = rules.changes.check(where, owner, key, model, target);
      if (moved) return moved;
    }
    if (model === target) return undefined;
    if (key !== undefined && rules.assigned.has(key) && ids.pair(model, target)) return undefined;
    if (
      dateTime.test(model) &&
      dateTime.test(target) &&
      Math.abs(Date.parse(model) - Date.parse(target)) <= stampSlackMs
    )
      return undefined;
    return `${where}: the model answers ${JSON.stringify(model)}, the target ${JSON.stringify(target)}`;
  }
  if (Array.isArray(model) && Array.isArray(target)) {
    if (model.length !== target.length)
      return `${where}: the model answers ${model.length} items, the target ${target.length}`;
    const sorted = (list: unknown[]) =>
      rules.ordered ? list : [...list].sort((a, b) => cmp(shapeKey(a, rules, key), shapeKey(b, rules, key)));
    const m = sorted(model);
    const t = sorted(target);
    for (let i = 0; i < m.length; i++) {
      const d = bodyDiff(
        m[i],
        t[i],
        rules,
        ids,
        rules.ordered ? `${where}[${i}]` : `${where}[] (as a multiset: no order is stated)`,
        key,
        owner,
      );
      if (d) return d;
    }
    return undefined;
  }
  if (isObject(model) && isObject(target)) {
    const identity = identityOf(model, owner);
    for (const k of Object.keys(model)) {
      if (!(k in target))
        return `${where}.${k}: missing from the target's answer (the model answers ${JSON.stringify(model[k])})`;
      const d = bodyDiff(model[k], target[k], rules, ids, `${where}.${k}`, k, identity);
      if (d) return d;
    }
    return undefined;
  }
  return isDeepStrictEqual(model, target)
    ? undefined
    : `${where}: the model answers ${JSON.stringify(model)}, the target ${JSON.stringify(target)}`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Status first, then the vendor's error type or the body. */
export function answerDiff(
  model: Answer,
  target: Answer,
  rules: BodyRules,
  ids: IdMatcher,
  errorType: (body: unknown) => unknown,
): string | undefined {
  if (model.status !== target.status) return `status: the model answers ${model.status}, the target ${target.status}`;
  if (model.status >= 400) {
    const m = errorType(model.body);
    const t = errorType(target.body);
    return isDeepStrictEqual(m, t)
      ? undefined
      : `error type: the model answers ${JSON.stringify(m)}, the target ${JSON.stringify(t)}`;
  }
  return bodyDiff(model.body, target.body, rules, ids);
}
