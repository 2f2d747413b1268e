import { keyed, type RecordEdits } from '../../control/records.js';
import { ApiError } from '../../errors.js';
import type { Connection, MyCreditAppState } from './state.js';

const pairOf = (c: { host_organization_id: unknown; guest_organization_id: unknown }) =>
  `${String(c.host_organization_id)}/${String(c.guest_organization_id)}`;

/** `host/guest`, the id the page lists a connection under, found through the state's own pair index. */
const find = (state: MyCreditAppState, id: string): Connection | undefined => {
  const slash = id.indexOf('/');
  return slash < 0 ? undefined : state.pair(id.slice(0, slash), id.slice(slash + 1));
};

/** What the page's record editor may change in MyCreditApp's state, and its one-click presets. */
export const mycreditappEdits: RecordEdits<MyCreditAppState> = {
  connections: {
    get: find,
    put: (state, id, record) => {
      const c = find(state, id);
      // Through the state: the row moves in the orders kept of its lists.
      if (c) state.replace(c, record);
    },
    idOf: pairOf,
    presets: {
      disconnect: {
        label: 'Disconnect',
        description: 'status becomes disconnected, as when either side ends the connection; both views show it.',
        apply: (state, id, now) => {
          const c = find(state, id);
          if (!c) return 'removed';
          return c.status === 'disconnected'
            ? { ...c }
            : { ...c, status: 'disconnected', updated_at: now.toISOString() };
        },
      },
      archive: {
        label: 'Archive',
        description: 'archived with archived_at now: it leaves the lists that hide archived connections.',
        apply: (state, id, now) => {
          const c = find(state, id);
          if (!c) return 'removed';
          return c.archived
            ? { ...c }
            : { ...c, archived: true, archived_at: now.toISOString(), updated_at: now.toISOString() };
        },
      },
    },
  },
  invitations: keyed(
    (state) => state.data.invitations,
    (r) => String(r.id),
    {
      change: (state, i, record) => state.changeInvitation(i, record),
      presets: {
        expire: {
          label: 'Expire this invitation',
          description: 'Moves expired_at to a second ago: the guest sees it expired and can no longer accept it.',
          apply: (state, id, now) => {
            const i = Object.hasOwn(state.data.invitations, id) ? state.data.invitations[id] : undefined;
            if (!i || i.status === 'accepted')
              throw new ApiError({
                kind: 'unprocessable',
                code: 'preset_not_applicable',
                message: `invitation ${id} is accepted: it cannot expire`,
              });
            return { ...i, expired_at: new Date(now.getTime() - 1000).toISOString(), updated_at: now.toISOString() };
          },
        },
      },
    },
  ),
};
