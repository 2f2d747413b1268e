import { ApiError } from '../../errors.js';
import type { Permission, ScopeName, WingfieldState } from './state.js';

const day = 86_400_000;
const notFound = (what: string) => new ApiError({ kind: 'not_found', code: 'not_found', message: `no ${what}` });

function service(state: WingfieldState, id: string | undefined): string {
  const sid = id?.toLowerCase() ?? Object.keys(state.data.services)[0];
  if (!Object.hasOwn(state.data.services, sid)) throw notFound(`external service ${id}`);
  return sid;
}

export const controlFixtures = {
  /** Without organization_id, a fresh organization: every token then has work of its own. */
  createWingfieldConnectToken(
    state: WingfieldState,
    body: {
      state: 'open' | 'claimed' | 'cancelled' | 'expired';
      organization_id?: string;
      external_service_id?: string;
    },
  ) {
    const serviceId = service(state, body.external_service_id);
    let orgId = body.organization_id?.toLowerCase();
    if (orgId && !state.data.organizations.has(orgId)) throw notFound(`organization ${orgId}`);
    if (!orgId) {
      orgId = state.uuid();
      state.data.organizations.set(orgId, { id: orgId, name: `Control Club ${state.data.counter}` });
    }
    const now = Date.now();
    const ct = state.addConnectToken({
      label: 'control',
      organization_id: orgId,
      external_service_id: serviceId,
      state: body.state === 'expired' ? 'open' : body.state,
      expires_at: new Date(body.state === 'expired' ? now - day : now + 30 * day).toISOString(),
    });
    return {
      connectToken: ct.token,
      organization_id: ct.organization_id,
      external_service_id: ct.external_service_id,
      state: ct.state,
      expires_at: ct.expires_at,
    };
  },

  createWingfieldToken(
    state: WingfieldState,
    body: { external_service_id?: string; scopes?: Partial<Record<ScopeName, Permission>>; expired?: boolean },
  ) {
    const scopes = { user: 'none', organization: 'none', 'court-booking': 'none', ...body.scopes } as Record<
      ScopeName,
      Permission
    >;
    const t = state.addToken({
      label: 'control',
      external_service_id: service(state, body.external_service_id),
      scopes,
      expires_at: body.expired ? new Date(Date.now() - day).toISOString() : null,
    });
    return { token: t.token, external_service_id: t.external_service_id, scopes: t.scopes };
  },
};
