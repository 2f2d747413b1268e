import { basic, bearerH } from './sim.js';

/** Named handles on what GET /__control/fixtures reports, per API. */
export function lc(fx: any) {
  const [primary, other] = fx.leadconduit.accounts;
  const key = (a: any, su: boolean) => a.credentials.find((c: any) => c.superuser === su).api_key;
  return {
    primary,
    other,
    user: basic(key(primary, false)),
    superuser: basic(key(primary, true)),
    otherUser: basic(key(other, false)),
    otherSuperuser: basic(key(other, true)),
    base: '/leadconduit',
  };
}

export function a0(fx: any) {
  const [main, other] = fx.auth0.tenants;
  const token = (label: string) => bearerH(fx.auth0.tokens.find((t: any) => t.label === label).token);
  const org = (name: string) => main.organizations.find((o: any) => o.name === name);
  return {
    full: token('full'),
    readOnly: token('read-only'),
    noScope: token('no-scope'),
    otherTenant: token('other-tenant'),
    expired: token('expired'),
    badSignature: token('bad-signature'),
    main: org('main'),
    small: org('small'),
    empty: org('empty'),
    otherOrg: other.organizations[0],
    unlinked: main.unlinked_connection_ids as string[],
    base: '/auth0/api/v2',
  };
}

export function mca(fx: any) {
  const m = fx.mycreditapp;
  const client = (label: string) => m.clients.find((c: any) => c.label === label);
  const headers = (label: string, target?: string) => {
    const c = client(label);
    return { ...bearerH(c.access_token), 'Requester-Organization-ID': c.organization_id, 'Target-Organization-ID': target ?? c.organization_id };
  };
  return {
    orgs: m.organizations,
    headers,
    token: (label: string) => client(label).access_token as string,
    invitation: (status: string) => m.invitations.find((i: any) => i.status === status),
    base: '/mycreditapp/v1-beta',
  };
}

export function wf(fx: any) {
  const w = fx.wingfield;
  const token = (label: string) => bearerH(w.tokens.find((t: any) => t.label === label).token);
  const [partner, other] = w.services;
  return {
    write: token('write'),
    read: token('read'),
    none: token('none'),
    otherService: token('other-service'),
    expired: token('expired'),
    partner,
    other,
    connect: (label: string) => w.connect_tokens.find((c: any) => c.label === label),
    relatedOrg: w.organizations.find((o: any) => o.id === partner.related_organization_ids[0]),
    unrelatedOrg: w.organizations.find((o: any) => !o.related),
    users: w.users,
    malformed: w.malformed_connect_token as string,
    unknown: w.unknown_connect_token as string,
    base: '/wingfield/api/v1',
  };
}
