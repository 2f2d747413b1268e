import { resolveLocal, type JsonObject } from '../../src/contract/load.js';
import type { Operation, SpecIndex } from '../../src/contract/index.js';
import { methodsAt } from './requests.js';
import type { Answer } from './types.js';

/** What a response header means, as the spec says it (`x-connkit-meaning` on the header). */
type Meaning =
  | { kind: 'rate-limit-limit' }
  | { kind: 'rate-limit-remaining' }
  | { kind: 'rate-limit-reset'; window_seconds: number };

interface HeaderRule {
  name: string;
  meaning?: Meaning;
}

/** The headers the spec defines for an operation's answer with this status, each with its meaning. */
export function headerRules(index: SpecIndex, op: Operation, status: number): HeaderRule[] {
  const operation = (index.doc.paths as JsonObject)[op.path] as JsonObject;
  const responses = ((operation[op.method] as JsonObject).responses ?? {}) as JsonObject;
  const raw = responses[String(status)];
  if (!raw) return [];
  const pointer = `/paths/${op.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${op.method}/responses/${status}`;
  const res = resolveLocal(index.doc, raw, pointer).node as JsonObject;
  return Object.entries((res.headers ?? {}) as JsonObject).map(([name, h]) => {
    const header = resolveLocal(index.doc, h, `${pointer}/headers/${name}`).node as JsonObject;
    const meaning = header['x-connkit-meaning'] as Meaning | undefined;
    return { name, meaning };
  });
}

const get = (a: Answer, name: string) => a.headers[name.toLowerCase()];

/**
 * Rate-limit windows as the target showed them, per principal: within one window (same
 * reset), the remaining count may only fall as requests are spent.
 */
export class HeaderMemory {
  private readonly remaining = new Map<string, { reset: string; remaining: number }>();
  /** The model's own count per principal, as it last answered it: where it fell, the target's must fall too. */
  private readonly modelRemaining = new Map<string, { reset: string; remaining: number }>();

  /** The headers compared by meaning where the spec gives one, else by value against the model's. */
  check(
    index: SpecIndex,
    op: Operation,
    concretePath: string,
    who: string,
    model: Answer,
    target: Answer,
    nowSeconds: number,
  ): string | undefined {
    if (model.status === 405) return allowCheck(index, concretePath, target);
    for (const rule of headerRules(index, op, model.status)) {
      const m = get(model, rule.name);
      const t = get(target, rule.name);
      if (!rule.meaning) {
        if (m !== t)
          return `header ${rule.name}: the model answers ${m === undefined ? 'none' : JSON.stringify(m)}, the target ${t === undefined ? 'none' : JSON.stringify(t)}`;
        continue;
      }
      if (m !== undefined && t === undefined) return `header ${rule.name} is missing`;
      if (t === undefined) continue;
      const n = Number(t);
      if (!Number.isInteger(n) || n < 0) return `header ${rule.name}: ${JSON.stringify(t)} is not a count`;
      const meaning = rule.meaning;
      if (meaning.kind === 'rate-limit-reset' && (n < nowSeconds - 1 || n > nowSeconds + meaning.window_seconds + 1))
        return `header ${rule.name}: ${n} is not a time within the next ${meaning.window_seconds} s (now ${nowSeconds})`;
      if (meaning.kind === 'rate-limit-remaining') {
        const limitRule = headerRules(index, op, model.status).find((r) => r.meaning?.kind === 'rate-limit-limit');
        const limit = limitRule && Number(get(target, limitRule.name));
        if (limit !== undefined && n > limit) return `header ${rule.name}: ${n} exceeds the limit ${limit}`;
        const resetRule = headerRules(index, op, model.status).find((r) => r.meaning?.kind === 'rate-limit-reset');
        const reset = (resetRule && get(target, resetRule.name)) ?? '';
        const before = this.remaining.get(who);
        if (before && before.reset === reset && n > before.remaining)
          return `header ${rule.name}: ${n} after ${before.remaining} in the same window (reset ${reset}): the count rose without a new window`;
        this.remaining.set(who, { reset, remaining: n });
        // Spent requests lower the count: where the model's fell within one window, so must the target's
        // (a target whose window turned over, a new reset, starts afresh).
        const mReset = (resetRule && get(model, resetRule.name)) ?? '';
        const mNow = Number(m);
        const mBefore = this.modelRemaining.get(who);
        if (Number.isInteger(mNow)) this.modelRemaining.set(who, { reset: mReset, remaining: mNow });
        if (
          mBefore &&
          Number.isInteger(mNow) &&
          mBefore.reset === mReset &&
          mNow < mBefore.remaining &&
          before &&
          before.reset === reset &&
          n >= before.remaining
        )
          return `header ${rule.name}: the model's count fell (${mBefore.remaining} → ${mNow}) as the request was spent, the target's did not (${before.remaining} → ${n}) in the same window (reset ${reset})`;
      }
    }
    return undefined;
  }
}

/** A method the path does not list: 405, and `Allow` names exactly the path's documented methods. */
function allowCheck(index: SpecIndex, path: string, target: Answer): string | undefined {
  const allow = get(target, 'Allow');
  const documented = methodsAt(index, path).sort();
  const said = (allow ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean)
    .sort();
  if (said.join(',') !== documented.join(','))
    return `Allow: ${allow === undefined ? 'none' : JSON.stringify(allow)}, but ${path} documents ${documented.join(', ')}`;
  return undefined;
}
