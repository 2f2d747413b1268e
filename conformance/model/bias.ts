import fc from 'fast-check';
import type { JsonObject } from '../../src/contract/load.js';
import type { Operation, SpecIndex } from '../../src/contract/index.js';
import { planArbitrary, unwrapNull, valuesOf, type Pick, type Plan } from './requests.js';
import { modelSpec } from './resources.js';

/**
 * Requests drawn toward what the uniform draw rarely reaches: a change followed by the reads
 * of every view that shows the changed resource (each principal's, so the other party's too),
 * a second change on the same resource (disable, then the call that depends on it), and list
 * parameters from the model's own state (filters that keep records, a search text a record
 * holds, every order, offsets and limits inside the list). The uniform draw stays in the mix.
 */

const weighted = <T>(...pairs: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...pairs.filter(([w]) => w > 0).map(([weight, arbitrary]) => ({ weight, arbitrary })));
const base = fc.constant<Pick>({ from: 'baseline' });
const omit = fc.constant<Pick>({ from: 'omit' });
const none = fc.constant<Pick>({ from: 'null' });
const pool = fc.nat(63).map<Pick>((i) => ({ from: 'pool', i }));
const recent = (depth: number) => fc.constant<Pick>({ from: 'recent', depth });
const seen = fc.nat(255).map<Pick>((i) => ({ from: 'seen', i }));
const within = fc.nat(255).map<Pick>((i) => ({ from: 'within', i }));
const field = fc.nat(63).map<Pick>((i) => ({ from: 'field', i }));
const last = fc.nat(63).map<Pick>((i) => ({ from: 'last', i }));
const text = fc.nat(199).map<Pick>((i) => ({ from: 'text', i }));
const search = fc.record({ i: fc.nat(1023), turn: fc.boolean() }).map<Pick>((s) => ({ from: 'search', ...s }));

type Where = 'path' | 'query' | 'header' | 'body';

/** The picks of one parameter in a biased step: ids that meet the resource just used, values the state holds. */
function biasedPick(
  name: string,
  raw: JsonObject,
  where: Where,
  pooled: ReadonlySet<string>,
  searched: ReadonlySet<string>,
  required = false,
  follow = false,
): fc.Arbitrary<Pick> {
  const { schema, nullable } = unwrapNull(raw);
  const enumerated = Array.isArray(schema.enum) || Array.isArray((schema.items as JsonObject | undefined)?.enum);
  const values = valuesOf(schema);
  if (pooled.has(name)) {
    // A step that follows another in a chain is mostly about the resource the last one named or showed.
    if (follow && where !== 'header') return weighted([5, recent(0)], [4, last], [1, recent(1)], [1, pool]);
    if (where === 'header') return weighted([5, base], [2, recent(0)], [1, recent(1)], [2, last], [1, pool]);
    return weighted([4, recent(0)], [2, recent(1)], [3, last], [2, field], [2, pool], [1, base]);
  }
  if (where === 'query') {
    // An optional filter is left out about as often as set: several at once mostly leave nothing to compare.
    if (searched.has(name)) return weighted([4, search], [3, omit]);
    if (enumerated && schema.type === 'array')
      return required
        ? weighted([5, seen], [1, values ?? base], [1, base])
        : weighted([3, seen], [1, values ?? base], [4, omit]);
    // An order or a field name filters nothing: always one of the schema's values.
    if (enumerated) return weighted([5, values ?? base], [1, base]);
    if (schema.type === 'integer') return weighted([3, within], [3, base]);
    if (schema.type === 'boolean') return weighted([3, values ?? base], [required ? 0 : 4, omit], [1, base]);
    return weighted([3, base], [1, omit]);
  }
  if (where === 'body') {
    // A free text member (a name) takes a text the answers showed, so a later reset to null has something to undo.
    const free = schema.type === 'string' && !schema.format && !values;
    return weighted(
      [3, base],
      [values ? 5 : 0, values ?? base],
      [free ? 3 : 0, text],
      [free ? 2 : 0, field],
      [nullable ? 3 : 0, none],
      [2, omit],
    );
  }
  return base;
}

function biasedPlan(
  op: Operation,
  principal: fc.Arbitrary<number>,
  pooled: ReadonlySet<string>,
  searched: ReadonlySet<string>,
  follow = false,
): fc.Arbitrary<Plan> {
  const params = (where: Where) =>
    fc.record(
      Object.fromEntries(
        op.params
          .filter((p) => p.in === where && p.name.toLowerCase() !== 'authorization')
          .map((p) => [p.name, biasedPick(p.name, p.schema, where, pooled, searched, p.required, follow)]),
      ),
    );
  const props = (op.body?.schema.properties ?? {}) as Record<string, JsonObject>;
  return fc.record({
    operationId: fc.constant(op.id),
    principal,
    path: params('path'),
    query: params('query'),
    header: params('header'),
    body: fc.record(
      Object.fromEntries(
        Object.entries(props).map(([name, schema]) => [
          name,
          biasedPick(name, schema, 'body', pooled, searched, false, follow),
        ]),
      ),
    ),
  });
}

/** Steps per command: one uniform draw, one biased read, or a chain (a change, maybe another, then the reads). */
export function stepsArbitrary(
  index: SpecIndex,
  pooled: ReadonlySet<string>,
  principals: number,
): fc.Arbitrary<Plan[]> {
  const spec = modelSpec(index);
  const searched = new Set(spec.search.keys());
  const op = (id: string) => index.byId.get(id);
  const ops = (ids: string[]) => ids.map(op).filter((o): o is Operation => o !== undefined);
  // Every principal alike: the other party's view is as likely as the caller's own.
  const anyone = fc.nat(Math.max(0, principals - 1));
  const main = weighted([4, fc.constant(0)], [1, anyone]);
  const uniform = planArbitrary(index, pooled, principals).map((p) => [p]);
  // Reads by the main principal or any other alike often: the other party's view is drawn as often as a
  // wrong scope's refusal.
  const reader = weighted([2, fc.constant(0)], [3, anyone]);
  const reads = (shows: Operation[], follow = false) =>
    fc.oneof(...shows.map((o) => biasedPlan(o, reader, pooled, searched, follow)));
  const chains = spec.resources
    .filter((r) => r.shows.length && r.changes.length)
    .map((r) => {
      const plans = (follow: boolean) =>
        new Map(ops(r.changes).map((o) => [o.id, biasedPlan(o, main, pooled, searched, follow)]));
      const byId = plans(false);
      // After a read, the change is mostly of a resource that read just showed.
      const onRead = plans(true);
      const change = fc.oneof(...byId.values());
      const changeShown = fc.oneof(...onRead.values());
      const before = reads(ops(r.shows));
      const shows = reads(ops(r.shows), true);
      // The second change is often the same operation again (disable, then the call that needs it enabled;
      // set a member, then reset it with null), else any change of the resource.
      const then = (first: Plan) =>
        weighted<Plan | null>(
          [2, fc.constant(null)],
          [2, onRead.get(first.operationId) ?? changeShown],
          [3, changeShown],
        );
      return fc
        .option(before, { freq: 2 })
        .chain((read) =>
          (read ? changeShown : change).chain((first) =>
            fc
              .tuple(then(first), fc.array(shows, { minLength: 1, maxLength: 4 }))
              .map(([second, after]) => [...(read ? [read] : []), first, ...(second ? [second] : []), ...after]),
          ),
        );
    });
  const lone = spec.resources.filter((r) => r.shows.length).map((r) => reads(ops(r.shows)).map((p) => [p]));
  return weighted<Plan[]>(
    [5, uniform],
    ...lone.map((a): [number, fc.Arbitrary<Plan[]>] => [3, a]),
    ...chains.map((a): [number, fc.Arbitrary<Plan[]>] => [4, a]),
  );
}
