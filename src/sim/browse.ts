/**
 * Paged reading of a vendor's state for the page (GET /__control/state/{api}/{collection}).
 * A collection is read where it lies: no copy of a million records per page, and the
 * order is the one the records were made in (object keys and arrays keep it).
 */
export interface Collection {
  size(): number;
  /** Every record with its id, in a stable order. */
  entries(): Iterable<[string, object]>;
  /** `limit` records from `offset` without walking the ones before (where the storage allows). */
  page?(offset: number, limit: number): [string, object][];
  /** Every id and the record of one (where the records are kept by id): `q` filters ids alone. */
  ids?(): string[];
  get?(id: string): object;
}

export interface BrowsePage {
  total: number;
  items: { id: string; record: Record<string, unknown> }[];
}

/**
 * Collections of one vendor's state, by the name the page shows; `version` is the session's
 * state version (the same version means the same records).
 */
export type StateBrowser<State> = Record<string, (state: State, version?: number) => Collection>;

// Object.keys over a million ids costs seconds on a busy machine; the page asks for a
// collection's size and its pages again and again while nothing changes. The ids are kept
// per object and per state version (bumped by every request that may write).
const keyCache = new WeakMap<object, { version: number; keys: string[] }>();

function keysOf(records: object, version: number | undefined): string[] {
  const list = () => (records instanceof Map ? Array.from(records.keys() as Iterable<string>) : Object.keys(records));
  if (version === undefined) return list();
  const hit = keyCache.get(records);
  if (hit && hit.version === version) return hit.keys;
  const keys = list();
  keyCache.set(records, { version, keys });
  return keys;
}

/** Records kept by id in a plain object (most of the vendors' state); `version` lets the ids be reused. */
export function fromRecord<T extends object>(records: Record<string, T>, version?: number): Collection {
  return {
    size: () => keysOf(records, version).length,
    *entries() {
      for (const id of keysOf(records, version)) yield [id, records[id]];
    },
    page: (offset, limit) =>
      keysOf(records, version)
        .slice(offset, offset + limit)
        .map((id) => [id, records[id]]),
    ids: () => keysOf(records, version),
    get: (id) => records[id],
  };
}

/** Records kept by id in a Map (the collections a million records fill): as fromRecord, its size without a walk. */
export function fromMap<T extends object>(records: ReadonlyMap<string, T>, version?: number): Collection {
  const get = (id: string): T | undefined => records.get(id);
  return {
    size: () => records.size,
    entries: () => records.entries(),
    page: (offset, limit) =>
      keysOf(records, version)
        .slice(offset, offset + limit)
        .flatMap((id) => {
          const r = get(id);
          return r ? [[id, r] as [string, object]] : [];
        }),
    ids: () => keysOf(records, version),
    get: (id) => get(id) ?? {},
  };
}

/** Records kept in an array; `id` names each for the page. */
export function fromArray<T extends object>(records: T[], id: (record: T) => string): Collection {
  return {
    size: () => records.length,
    *entries() {
      for (const r of records) yield [id(r), r];
    },
    page: (offset, limit) => records.slice(offset, offset + limit).map((r) => [id(r), r]),
  };
}

/** Records kept in groups (Auth0 links per organization), shown as one list with the group's key. */
export function fromGroups<T extends object>(
  groups: Record<string, T[]>,
  key: string,
  id: (group: string, record: T) => string,
): Collection {
  return {
    size: () => {
      let n = 0;
      for (const g in groups) n += groups[g].length;
      return n;
    },
    *entries() {
      for (const g in groups) for (const r of groups[g]) yield [id(g, r), { [key]: g, ...r }];
    },
    page: (offset, limit) => {
      const out: [string, object][] = [];
      let skip = offset;
      for (const g in groups) {
        const list = groups[g];
        // Whole groups before the page are skipped by their length, not walked.
        if (skip >= list.length) {
          skip -= list.length;
          continue;
        }
        for (const r of list.slice(skip, skip + limit - out.length)) out.push([id(g, r), { [key]: g, ...r }]);
        skip = 0;
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}

/** `limit` records from `offset`; with `q`, of those whose id contains it. */
export function browsePage(collection: Collection, offset: number, limit: number, q?: string): BrowsePage {
  const items: BrowsePage['items'] = [];
  if (!q) {
    const total = collection.size();
    if (offset >= total) return { total, items };
    if (collection.page)
      return {
        total,
        items: collection
          .page(offset, limit)
          .map(([id, record]) => ({ id, record: record as Record<string, unknown> })),
      };
    let i = 0;
    for (const [id, record] of collection.entries()) {
      if (i++ < offset) continue;
      items.push({ id, record: record as Record<string, unknown> });
      if (items.length >= limit) break;
    }
    return { total, items };
  }
  if (collection.ids && collection.get) {
    const found = collection.ids().filter((id) => id.includes(q));
    const get = collection.get.bind(collection);
    return {
      total: found.length,
      items: found.slice(offset, offset + limit).map((id) => ({ id, record: get(id) as Record<string, unknown> })),
    };
  }
  let total = 0;
  for (const [id, record] of collection.entries()) {
    if (!id.includes(q)) continue;
    if (total >= offset && items.length < limit) items.push({ id, record: record as Record<string, unknown> });
    total++;
  }
  return { total, items };
}
