/**
 * Paged reading of a vendor's state for the page (GET /__control/state/{api}/{collection}).
 * A collection is read where it lies: no copy of a million records per page, and the
 * order is the one the records were made in (object keys and arrays keep it).
 */
export interface Collection {
  size(): number;
  /** Every record with its id, in a stable order. */
  entries(): Iterable<[string, object]>;
}

export interface BrowsePage {
  total: number;
  items: { id: string; record: Record<string, unknown> }[];
}

/** Collections of one vendor's state, by the name the page shows. */
export type StateBrowser<State> = Record<string, (state: State) => Collection>;

/** Records kept by id in a plain object (most of the vendors' state). */
export function fromRecord<T extends object>(records: Record<string, T>): Collection {
  return {
    size: () => Object.keys(records).length,
    *entries() {
      for (const id in records) yield [id, records[id]];
    },
  };
}

/** Records kept in an array; `id` names each for the page. */
export function fromArray<T extends object>(records: T[], id: (record: T) => string): Collection {
  return {
    size: () => records.length,
    *entries() {
      for (const r of records) yield [id(r), r];
    },
  };
}

/** Records kept in groups (Auth0 links per organization), shown as one list with the group's key. */
export function fromGroups<T extends object>(groups: Record<string, T[]>, key: string, id: (group: string, record: T) => string): Collection {
  return {
    size: () => {
      let n = 0;
      for (const g in groups) n += groups[g].length;
      return n;
    },
    *entries() {
      for (const g in groups) for (const r of groups[g]) yield [id(g, r), { [key]: g, ...r }];
    },
  };
}

/** `limit` records from `offset`; with `q`, of those whose id contains it. */
export function browsePage(collection: Collection, offset: number, limit: number, q?: string): BrowsePage {
  const items: BrowsePage['items'] = [];
  if (!q) {
    const total = collection.size();
    if (offset >= total) return { total, items };
    let i = 0;
    for (const [id, record] of collection.entries()) {
      if (i++ < offset) continue;
      items.push({ id, record: record as Record<string, unknown> });
      if (items.length >= limit) break;
    }
    return { total, items };
  }
  let total = 0;
  for (const [id, record] of collection.entries()) {
    if (!id.includes(q)) continue;
    if (total >= offset && items.length < limit) items.push({ id, record: record as Record<string, unknown> });
    total++;
  }
  return { total, items };
}
