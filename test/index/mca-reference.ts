import type { ListQuery } from '../../src/sim/vendors/mycreditapp/query.js';
import type { Connection, McaData, Org, Side } from '../../src/sim/vendors/mycreditapp/state.js';

/** MyCreditApp's state as plain objects: what the columns must answer as. */
export interface PlainMca {
  orgs: Record<string, Org>;
  connections: Connection[];
}

export const plainOf = (json: McaData): PlainMca => {
  const { orgs, connections } = JSON.parse(JSON.stringify(json)) as McaData;
  return { orgs, connections };
};

/** The documented list rules applied the slow way: filter everything, sort everything, slice. */
export function referenceList(m: PlainMca, side: Side, orgId: string, q: ListQuery, only?: string) {
  const rows = m.connections.filter((c) =>
    side === 'hosts' ? c.guest_organization_id === orgId : c.host_organization_id === orgId,
  );
  const otherId = (c: Connection) => (side === 'hosts' ? c.host_organization_id : c.guest_organization_id);
  const other = (c: Connection) => m.orgs[otherId(c)];
  const text = (c: Connection, field: string): string | null => {
    const o = other(c);
    if (field.endsWith('_name')) return o.name.toLowerCase();
    if (field.endsWith('_email') && field !== 'owner_email') return o.email.toLowerCase();
    if (field === 'owner_email') return o.owner_email.toLowerCase();
    return null;
  };
  const key = (c: Connection) =>
    text(c, q.order_by) ?? (c as unknown as Record<string, string | number | null>)[q.order_by];
  const sign = q.order_dir === 'asc' ? 1 : -1;
  const matched = rows.filter(
    (c) =>
      (only === undefined || otherId(c) === only) &&
      q.statuses.includes(c.status) &&
      (q.archived === undefined || q.archived === null || c.archived === q.archived) &&
      (!q.active_action_types ||
        (c.active_action_type !== null && q.active_action_types.includes(c.active_action_type))) &&
      (!q.search_text || (text(c, q.search_field) ?? '').includes(q.search_text.toLowerCase())),
  );
  matched.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    // Rows without a value keep the ascending tie order in both directions.
    return (other(a).id < other(b).id ? -1 : 1) * (x === null ? 1 : sign);
  });
  return { items: matched.slice(q.offset, q.offset + q.limit), total_items: matched.length };
}
