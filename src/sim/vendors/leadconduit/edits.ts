import { keyed, type RecordEdits } from '../../control/records.js';
import { ApiError } from '../../errors.js';
import type { AccountConnectionRow, LcData } from './state.js';

/** What the page's record editor may change in LeadConduit's state, and its one-click presets. */
export const leadconduitEdits: RecordEdits<LcData> = {
  connections: {
    get: (data, id) => (Object.hasOwn(data.rows, id) ? data.rows[id] : undefined),
    put: (data, id, record) => void (data.rows[id] = record as AccountConnectionRow),
    idOf: (r) => String(r.id),
    presets: {
      'sso-only': {
        label: 'Make SSO-only',
        description:
          'Drops the LeadConduit row and keeps the SSO connection: the list shows it sso_only until a superuser repairs it.',
        apply: (data, id) => {
          const row = data.rows[id];
          if (!row || !Object.hasOwn(data.networkConnections, row.external_id))
            throw new ApiError({
              kind: 'unprocessable',
              code: 'preset_not_applicable',
              message: `connection ${id} has no SSO connection left: without its row it would vanish, not become sso_only`,
            });
          delete data.rows[id];
        },
      },
      disconnect: {
        label: 'Disconnect',
        description: 'Removes the connection on both sides (the row and the SSO connection): it leaves every list.',
        apply: (data, id) => {
          const row = data.rows[id];
          if (!row) return;
          delete data.networkConnections[row.external_id];
          delete data.rows[id];
        },
      },
    },
  },
  'sso-connections': keyed(
    (data) => data.networkConnections,
    (r) => String(r.id),
  ),
};
