import { text } from '../../control/params.js';
import { controlFixtures } from './control.js';
import type { WingfieldState } from './state.js';

/** The consumable fixtures verify asks Wingfield for (POST /__control/provider-states). */
export const providerStates = {
  'open connect token': (state: WingfieldState, params: Record<string, unknown>) => {
    const made = controlFixtures.createWingfieldConnectToken(state, {
      state: 'open',
      organization_id: text(params.organization_id),
    });
    return { connectToken: made.connectToken, organization_id: made.organization_id };
  },
  // Wingfield's users sign up in its app; a new one holds no seat anywhere.
  'user without a seat': (state: WingfieldState) => {
    const id = state.uuid();
    state.data.users[id] = { id, email: `user-${id.slice(0, 8)}@connkit.test` };
    return { user_id: id };
  },
};
