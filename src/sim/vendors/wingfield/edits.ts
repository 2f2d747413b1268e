import { keyed, type RecordEdits } from '../../control/records.js';
import { ApiError } from '../../errors.js';
import type { ConnectToken, WingfieldState } from './state.js';

const openToken = (state: WingfieldState, id: string): ConnectToken => {
  const t = state.connectToken(id);
  if (!t || t.state !== 'open')
    throw new ApiError({
      kind: 'unprocessable',
      code: 'preset_not_applicable',
      message: `connect token ${id} is ${t?.state ?? 'gone'}: only an open one can change so`,
    });
  return t;
};

/** What the page's record editor may change in Wingfield's state, and its one-click presets. */
export const wingfieldEdits: RecordEdits<WingfieldState> = {
  relations: keyed(
    (state) => state.data.relations,
    (r) => String(r.id),
    {
      change: (state, r, record) => state.changeRelation(r, record),
      presets: {
        disconnect: {
          label: 'Disconnect',
          description:
            "Unlinks the organization, as the partner's DELETE does: it leaves the service's list and its Pro seats go back to Free.",
          apply: (state, id) => {
            const r = state.data.relations.get(id);
            if (r) state.deleteRelation(r);
            return 'removed';
          },
        },
      },
    },
  ),
  'connect-tokens': keyed(
    (state) => state.data.connectTokens,
    (r) => String(r.token),
    {
      presets: {
        expire: {
          label: 'Expire this token',
          description: 'Moves expires_at to a second ago: a claim now answers 410 expired_connect_token.',
          apply: (state, id, now) => ({
            ...openToken(state, id),
            expires_at: new Date(now.getTime() - 1000).toISOString(),
          }),
        },
        cancel: {
          label: 'Cancel this token',
          description: 'The organization withdrew it: a claim answers as for a cancelled token.',
          apply: (state, id) => ({ ...openToken(state, id), state: 'cancelled' }),
        },
      },
    },
  ),
  organizations: keyed(
    (state) => state.data.organizations,
    (r) => String(r.id),
  ),
  // Kept under organization|user, the state's own key.
  memberships: keyed(
    (state) => state.data.memberships,
    (r) => `${String(r.organization_id)}|${String(r.user_id)}`,
  ),
};
