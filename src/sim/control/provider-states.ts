import type { components } from '../../generated/control.js';
import { ApiError } from '../errors.js';
import type { ApiModule } from '../module.js';
import type { Session } from '../session.js';

type S = components['schemas'];
export type ProviderStateRequest = S['ProviderStateRequest'];
export type ProviderStateAnswer = S['ProviderStateAnswer'];

/**
 * POST /__control/provider-states: the fresh fixture each consumable state names, made by the
 * served module that offers that state (its `providerStates`), in the session's state of it.
 */
export function mintProviderState(
  request: ProviderStateRequest,
  session: Session,
  modules: Iterable<ApiModule>,
): ProviderStateAnswer {
  for (const module of modules) {
    const mint = module.providerStates?.[request.state];
    if (mint) return mint(session.state(module.name), request.params ?? {});
  }
  throw new ApiError({
    kind: 'not_found',
    code: 'api_not_served',
    message: `provider state '${request.state}': the API it belongs to is not served (see --api)`,
  });
}
