import { tamper } from '../../conformance/flows/helpers.js';
import { basic, bearerH } from './sim.js';

/** Named handles on the verify profiles GET /__control/fixtures reports, per API. */
export function lc(fx: any) {
  const p = fx.leadconduit;
  return {
    user: basic(p.credentials.user),
    userKey: p.credentials.user as string,
    superuser: basic(p.credentials.superuser),
    otherUser: basic(p.credentials.other_account_user),
    completed: p.connections.completed as {
      id: string;
      external_id: string;
      invitation_id: string;
      relationship_type: string;
    }[],
    ssoOnly: p.connections.sso_only as string[],
    otherAccount: p.connections.other_account as string[],
    otherSsoOnly: p.connections.other_account_sso_only as string[],
    base: '/leadconduit',
  };
}

export function a0(fx: any) {
  const p = fx.auth0;
  return {
    full: bearerH(p.tokens.full),
    readOnly: bearerH(p.tokens.read_only),
    noScope: bearerH(p.tokens.no_scope),
    otherTenant: bearerH(p.tokens.other_tenant),
    expired: bearerH(p.tokens.expired),
    badSignature: bearerH(tamper(p.tokens.full)),
    main: p.organizations.main,
    empty: p.organizations.empty,
    otherOrg: p.organizations.other_tenant,
    unlinked: p.unlinked_connection_ids as string[],
    base: '/auth0/api/v2',
  };
}

export function mca(fx: any) {
  const p = fx.mycreditapp;
  const orgs = p.organizations;
  const token = (label: string) => (label === 'expired' ? p.expired_access_token : orgs[label].access_token) as string;
  const headers = (label: string, target?: string) => ({
    ...bearerH(token(label)),
    'Requester-Organization-ID': orgs[label].id,
    'Target-Organization-ID': target ?? orgs[label].id,
  });
  return {
    orgs,
    headers,
    token,
    invitation: (status: 'sent' | 'accepted' | 'expired') => p.invitations[status][0] as string,
    base: '/mycreditapp/v1-beta',
  };
}

export function wf(fx: any) {
  const p = fx.wingfield;
  return {
    write: bearerH(p.tokens.write),
    read: bearerH(p.tokens.read),
    none: bearerH(p.tokens.none),
    otherService: bearerH(p.tokens.other_service),
    expired: bearerH(p.tokens.expired),
    service: p.external_service_id as string,
    otherServiceId: p.other_external_service_id as string,
    connect: p.connect_tokens,
    related: p.organizations.related as { id: string; external_organization_id: string }[],
    unrelated: p.organizations.unrelated as string[],
    users: p.users as string[],
    base: '/wingfield/api/v1',
  };
}
