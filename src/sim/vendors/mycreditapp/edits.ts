import { keyed, type RecordEdits } from '../../control/records.js';
import { ApiError } from '../../errors.js';
import type { Connection, McaData } from './state.js';

const pairOf = (c: { host_organization_id: unknown; guest_organization_id: unknown }) =>
  `${String(c.host_organization_id)}/${String(c.guest_organization_id)}`;
const find = (data: McaData, id: string) => data.connections.findIndex((c) => pairOf(c) === id);

/** What the page's record editor may change in MyCreditApp's state, and its one-click presets. */
export const mycreditappEdits: RecordEdits<McaData> = {
  connections: {
    get: (data, id) => data.connections[find(data, id)],
    put: (data, id, record) => void data.connections.splice(find(data, id), 1, record as Connection),
    idOf: pairOf,
    presets: {
      disconnect: {
        label: 'Disconnect',
        description: 'status becomes disconnected, as when either side ends the connection; both views show it.',
        apply: (data, id, now) => {
          const c = data.connections[find(data, id)];
          if (c && c.status !== 'disconnected')
            Object.assign(c, { status: 'disconnected', updated_at: now.toISOString() });
        },
      },
      archive: {
        label: 'Archive',
        description: 'archived with archived_at now: it leaves the lists that hide archived connections.',
        apply: (data, id, now) => {
          const c = data.connections[find(data, id)];
          if (c && !c.archived)
            Object.assign(c, { archived: true, archived_at: now.toISOString(), updated_at: now.toISOString() });
        },
      },
    },
  },
  invitations: keyed(
    (data) => data.invitations,
    (r) => String(r.id),
    {
      expire: {
        label: 'Expire this invitation',
        description: 'Moves expired_at to a second ago: the guest sees it expired and can no longer accept it.',
        apply: (data, id, now) => {
          const i = data.invitations[id];
          if (!i || i.status === 'accepted')
            throw new ApiError({
              kind: 'unprocessable',
              code: 'preset_not_applicable',
              message: `invitation ${id} is accepted: it cannot expire`,
            });
          Object.assign(i, { expired_at: new Date(now.getTime() - 1000).toISOString(), updated_at: now.toISOString() });
        },
      },
    },
  ),
};
