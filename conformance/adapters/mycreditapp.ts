import { isRecord } from '../model/records.js';
import { bearer, tamper } from '../flows/helpers.js';
import { mycreditappChecks } from '../flows/mycreditapp.js';
import type { Adapter, Profiles, RequestParts } from '../types.js';

type P = Profiles['mycreditapp'];
const headers = (o: { id: string; access_token: string }) => ({
  Authorization: bearer(o.access_token),
  'Requester-Organization-ID': o.id,
  'Target-Organization-ID': o.id,
});
const list = { statuses: ['connected'], limit: 10, offset: 0 };

export const mycreditappAdapter: Adapter<'mycreditapp'> = {
  api: 'mycreditapp',
  baseline(p: P, id): RequestParts | undefined {
    const { guest, host, invitee } = p.organizations;
    const g = headers(guest);
    const h = host && headers(host);
    switch (id) {
      case 'getHostConnections':
        return { headers: g, query: list };
      case 'createHostConnection':
        return host
          ? {
              headers: headers(invitee ?? guest),
              body: { host_organization_id: host.id, invitation_token: p.invitations?.sent?.[0] ?? 'inv_connkit_none' },
            }
          : undefined;
      case 'getHostConnection':
        return guest.host_ids?.[0] ? { headers: g, path: { host_org_id: guest.host_ids[0] } } : undefined;
      case 'patchHostConnection':
        return guest.host_ids?.[0]
          ? { headers: g, path: { host_org_id: guest.host_ids[0] }, body: { status: 'connected' } }
          : undefined;
      case 'getGuestConnections':
        return h && { headers: h, query: list };
      case 'getGuestConnection':
        return h && host?.guest_ids?.[0] ? { headers: h, path: { guest_org_id: host.guest_ids[0] } } : undefined;
      case 'patchGuestConnection':
        return h && host?.guest_ids?.[0]
          ? { headers: h, path: { guest_org_id: host.guest_ids[0] }, body: { archived: false } }
          : undefined;
      case 'createGuestInvitation':
        return h && { headers: h, body: { email: 'verify@connkit.test', expired_at: '2099-01-01T00:00:00Z' } };
      case 'getGuestInvitations':
        return h && { headers: h, query: { limit: 10, offset: 0 } };
    }
  },
  // MyCreditApp's API clients carry no scopes; organization access is checked by mca_access_rules.
  scoped: () => false,
  invalidAuthorization: (p) => bearer(tamper(p.organizations.guest.access_token)),
  checks: mycreditappChecks,
  model: {
    principals(p) {
      const { guest, host, invitee, unconnected } = p.organizations;
      return [guest, host, invitee, unconnected].filter((o) => o !== undefined).map(headers);
    },
    pools(p) {
      const orgs = Object.values(p.organizations).filter((o) => o !== undefined);
      const ids = [...new Set(orgs.flatMap((o) => [o.id, ...(o.host_ids ?? []), ...(o.guest_ids ?? [])]))];
      const inv = p.invitations;
      return {
        host_org_id: ids,
        guest_org_id: ids,
        host_organization_id: ids,
        parent_organization_id: ids,
        'Target-Organization-ID': ids,
        'Requester-Organization-ID': ids,
        invitation_token: [...(inv?.sent ?? []), ...(inv?.accepted ?? []), ...(inv?.expired ?? [])],
      };
    },
    // A new invitation's id and token are MyCreditApp's to choose.
    assigned: { invitation_token: 'invitation_token', id: 'invitation_id' },
    consumables: (p) =>
      p.organizations.host
        ? [
            {
              state: 'pending invitation',
              params: { host_organization_id: p.organizations.host.id },
              pool: 'invitation_token',
              field: 'invitation_token',
            },
          ]
        : [],
    // FastAPI's envelope: where and what kind, per problem (the msg wording is not compared).
    errorType: (body) =>
      isRecord(body) && Array.isArray(body.detail)
        ? body.detail.map((d: unknown) => (isRecord(d) ? { loc: d.loc, type: d.type, code: d.code } : d))
        : body,
  },
};
