import type { JsonObject } from '../../src/contract/load.js';
import type { SpecIndex } from '../../src/contract/index.js';

/** One resource as the spec's `x-connkit.model.resources` names it: the operations that show it and those that change it. */
export interface Resource {
  name: string;
  shows: string[];
  changes: string[];
}

/** What the spec says the model tier may rely on beyond the schemas, read once per spec. */
export interface ModelSpec {
  resources: Resource[];
  /** A text parameter searched in the field another parameter names: text → field parameter. */
  search: Map<string, string>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const read = new WeakMap<SpecIndex, ModelSpec>();

export function modelSpec(index: SpecIndex): ModelSpec {
  const known = read.get(index);
  if (known) return known;
  const spec = parse(index);
  read.set(index, spec);
  return spec;
}

function parse(index: SpecIndex): ModelSpec {
  const ext = index.doc['x-connkit'];
  const model = isObject(ext) && isObject(ext.model) ? ext.model : {};
  const declared = isObject(model.resources) ? model.resources : {};
  const resources = Object.entries(declared)
    .filter((e): e is [string, JsonObject] => !e[0].startsWith('x-') && isObject(e[1]))
    .map(([name, r]) => ({
      name,
      shows: strings(r.shows).filter((id) => index.byId.has(id)),
      changes: strings(r.changes).filter((id) => index.byId.has(id)),
    }));
  const search = new Map<string, string>();
  for (const s of Array.isArray(model.search) ? model.search : [])
    if (isObject(s) && typeof s.text === 'string' && typeof s.field === 'string') search.set(s.text, s.field);
  return { resources, search };
}
