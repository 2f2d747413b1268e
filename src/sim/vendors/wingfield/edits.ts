import { keyed, type RecordEdits } from '../../control/records.js';
import { ApiError } from '../../errors.js';
import { WingfieldState, type ConnectToken, type Relation, type WfData } from './state.js';

const openToken = (data: WfData, id: string): ConnectToken => {
  const t = data.connectTokens[id];
  if (!t || t.state !== 'open')
    throw new ApiError({
      kind: 'unprocessable',
      code: 'preset_not_applicable',
      message: `connect token ${id} is ${t?.state ?? 'gone'}: only an open one can change so`,
    });
  return t;
};

/** What the page's record editor may change in Wingfield's state, and its one-click presets. */
export const wingfieldEdits: RecordEdits<WfData> = {
  relations: {
    get: (data, id) => (Object.hasOwn(data.relations, id) ? data.relations[id] : undefined),
    put: (data, id, record) => void (data.relations[id] = record as Relation),
    idOf: (r) => String(r.id),
    presets: {
      disconnect: {
        label: 'Disconnect',
        description:
          "Unlinks the organization, as the partner's DELETE does: it leaves the service's list and its Pro seats go back to Free.",
        apply: (data, id) => {
          const r = data.relations[id];
          if (r) new WingfieldState(data).deleteRelation(r);
        },
      },
    },
  },
  'connect-tokens': {
    get: (data, id) => (Object.hasOwn(data.connectTokens, id) ? data.connectTokens[id] : undefined),
    put: (data, id, record) => void (data.connectTokens[id] = record as ConnectToken),
    idOf: (r) => String(r.token),
    presets: {
      expire: {
        label: 'Expire this token',
        description: 'Moves expires_at to a second ago: a claim now answers 410 expired_connect_token.',
        apply: (data, id, now) => void (openToken(data, id).expires_at = new Date(now.getTime() - 1000).toISOString()),
      },
      cancel: {
        label: 'Cancel this token',
        description: 'The organization withdrew it: a claim answers as for a cancelled token.',
        apply: (data, id) => void (openToken(data, id).state = 'cancelled'),
      },
    },
  },
  organizations: keyed(
    (data) => data.organizations,
    (r) => String(r.id),
  ),
  // Kept under organization|user, the state's own key.
  memberships: keyed(
    (data) => data.memberships,
    (r) => `${String(r.organization_id)}|${String(r.user_id)}`,
  ),
};
