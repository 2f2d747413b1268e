import { keyed, type RecordEdits } from '../../control/records.js';
import { ApiError } from '../../errors.js';
import type { LeadConduitState } from './state.js';

const rowOf = (state: LeadConduitState, id: string) => state.data.rows.get(id);

/** What the page's record editor may change in LeadConduit's state, and its one-click presets. */
export const leadconduitEdits: RecordEdits<LeadConduitState> = {
  connections: keyed(
    (state) => state.data.rows,
    (r) => String(r.id),
    {
      change: (state, row, record) => state.changeRow(row, record),
      presets: {
        'sso-only': {
          label: 'Make SSO-only',
          description:
            'Drops the LeadConduit row and keeps the SSO connection: the list shows it sso_only until a superuser repairs it.',
          apply: (state, id) => {
            const row = rowOf(state, id);
            if (!row || !state.data.networkConnections.has(row.external_id))
              throw new ApiError({
                kind: 'unprocessable',
                code: 'preset_not_applicable',
                message: `connection ${id} has no SSO connection left: without its row it would vanish, not become sso_only`,
              });
            state.removeRow(row);
            return 'removed';
          },
        },
        disconnect: {
          label: 'Disconnect',
          description: 'Removes the connection on both sides (the row and the SSO connection): it leaves every list.',
          apply: (state, id) => {
            const row = rowOf(state, id);
            if (!row) return 'removed';
            const nc = state.data.networkConnections.get(row.external_id);
            if (nc) state.removeSsoConnection(nc);
            state.removeRow(row);
            return 'removed';
          },
        },
      },
    },
  ),
  'sso-connections': keyed(
    (state) => state.data.networkConnections,
    (r) => String(r.id),
    { change: (state, nc, record) => state.changeSsoConnection(nc, record) },
  ),
};
