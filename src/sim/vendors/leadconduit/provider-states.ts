import { controlFixtures } from './control.js';
import type { LeadConduitState } from './state.js';

const relationship = (v: unknown): 'seller' | 'buyer' => (v === 'buyer' ? 'buyer' : 'seller');

/** The consumable fixtures verify asks LeadConduit for (POST /__control/provider-states). */
export const providerStates = {
  'sso-only connection': (state: LeadConduitState, params: Record<string, unknown>) => {
    const made = controlFixtures.createSsoOnlyConnection(state, {
      relationship_type: relationship(params.relationship_type),
    });
    return { id: made.id, relationship_type: made.relationship_type };
  },
};
