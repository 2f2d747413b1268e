import { fromArray, fromRecord, type Collection, type StateBrowser } from '../../browse.js';
import type { MyCreditAppState } from './state.js';

const pairId = (c: { host_organization_id: string; guest_organization_id: string }) =>
  `${c.host_organization_id}/${c.guest_organization_id}`;

/** A collection read straight from the state's columns: only the page's records are made. */
function indexed<T extends object>(count: () => number, at: (i: number) => T, id: (r: T) => string): Collection {
  return {
    size: count,
    *entries() {
      for (let i = 0; i < count(); i++) {
        const r = at(i);
        yield [id(r), r];
      }
    },
    page: (offset, limit) => {
      const out: [string, object][] = [];
      for (let i = offset; i < Math.min(count(), offset + limit); i++) {
        const r = at(i);
        out.push([id(r), r]);
      }
      return out;
    },
  };
}

/** MyCreditApp's state as the page shows it: host–guest connections, organizations, invitations. */
export const mycreditappBrowser: StateBrowser<MyCreditAppState> = {
  connections: (s) =>
    indexed(
      () => s.connectionCount(),
      (i) => s.connectionAt(i),
      pairId,
    ),
  organizations: (s) => ({
    ...indexed(
      () => s.orgCount(),
      (i) => s.org(s.orgIds()[i]) as object,
      (o) => (o as { id: string }).id,
    ),
    ids: () => s.orgIds(),
    get: (id) => s.org(id) as object,
  }),
  invitations: (s, v) => fromRecord(s.data.invitations, v),
  clients: (s) => fromArray(s.data.clients, (c) => c.label),
};
