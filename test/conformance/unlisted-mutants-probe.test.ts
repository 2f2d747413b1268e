import { describe, expect, it } from 'vitest';
import { basic, bearer } from '../../conformance/flows/helpers.js';
import { startProxy } from '../helpers/mutating-proxy.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';
import { unlistedMutants } from './unlisted-mutants.js';

/**
 * A mutant verify never reaches says nothing about verify unless it is a real bug: for those
 * the harness saw fire on no request, a short call sequence proves the mutant does break the
 * rule it names (its last answer differs from the simulator's).
 */
let t: TestSim | undefined;
let fx: FixturesShape | undefined;
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

interface FixturesShape {
  leadconduit: { credentials: { user: string }; connections: { sso_only: string[] } };
  auth0: { tokens: { full: string }; organizations: { main: { id: string; connection_ids: string[] } } };
  mycreditapp: { organizations: Record<'guest' | 'host', { id: string; access_token: string }> };
  wingfield: {
    external_service_id: string;
    tokens: { write: string };
    organizations: { related: { id: string }[] };
    connect_tokens: { confirm: { token: string; external_organization_id: string }[] };
  };
}

interface Step {
  method?: string;
  path: string;
  auth: string;
  headers?: Record<string, string>;
  body?: unknown;
}

const probes: Record<string, (f: FixturesShape) => Step[]> = {
  'lc: an SSO-only connection is listed but not found by id': (f) => [
    {
      path: `/leadconduit/connections/${f.leadconduit.connections.sso_only[0]}`,
      auth: basic(f.leadconduit.credentials.user),
    },
  ],
  'lc: a method the path does not list answers 404': (f) => [
    { method: 'PUT', path: '/leadconduit/connections', auth: basic(f.leadconduit.credentials.user) },
  ],
  'auth0: PATCH with null keeps organization_connection_name': (f) => {
    const link = `/auth0/api/v2/organizations/${f.auth0.organizations.main.id}/connections/${f.auth0.organizations.main.connection_ids[0]}`;
    const auth = bearer(f.auth0.tokens.full);
    return [
      { method: 'PATCH', path: link, auth, body: { organization_connection_name: 'renamed' } },
      { method: 'PATCH', path: link, auth, body: { organization_connection_name: null } },
    ];
  },
  'auth0: GA POST cannot re-enable a disabled link': (f) => {
    const org = `/auth0/api/v2/organizations/${f.auth0.organizations.main.id}`;
    const conn = f.auth0.organizations.main.connection_ids[0];
    const auth = bearer(f.auth0.tokens.full);
    return [
      { method: 'PATCH', path: `${org}/connections/${conn}`, auth, body: { is_enabled: false } },
      { method: 'POST', path: `${org}/enabled_connections`, auth, body: { connection_id: conn } },
    ];
  },
  "mca: the guest's disconnect is not seen in the host's /guest-connections": (f) => {
    const { guest, host } = f.mycreditapp.organizations;
    return [
      {
        method: 'PATCH',
        path: `/mycreditapp/v1-beta/host-connections/${host.id}`,
        auth: bearer(guest.access_token),
        headers: orgs(guest.id, guest.id),
        body: { status: 'disconnected' },
      },
      {
        path: `/mycreditapp/v1-beta/guest-connections/${guest.id}`,
        auth: bearer(host.access_token),
        headers: orgs(host.id, host.id),
      },
    ];
  },
  'mca: nulls sort first in descending order': (f) => {
    const { host } = f.mycreditapp.organizations;
    return [
      {
        path: '/mycreditapp/v1-beta/guest-connections?statuses=connected&statuses=disconnected&limit=3&offset=0&order_by=archived_at&order_dir=desc',
        auth: bearer(host.access_token),
        headers: orgs(host.id, host.id),
      },
    ];
  },
  "mca: a guest sees its host's other guests": (f) => {
    const { guest, host } = f.mycreditapp.organizations;
    return [
      {
        path: '/mycreditapp/v1-beta/guest-connections?statuses=connected&statuses=disconnected&limit=5&offset=0',
        auth: bearer(guest.access_token),
        headers: orgs(guest.id, host.id),
      },
    ];
  },
  'mca: setting the current status again moves updated_at': (f) => {
    const { guest, host } = f.mycreditapp.organizations;
    return [
      {
        method: 'PATCH',
        path: `/mycreditapp/v1-beta/host-connections/${host.id}`,
        auth: bearer(guest.access_token),
        headers: orgs(guest.id, guest.id),
        body: { status: 'connected' },
      },
    ];
  },
  'wf: an unlinked organization is still listed': (f) => {
    const service = `/wingfield/api/v1/external-services/${f.wingfield.external_service_id}`;
    const auth = bearer(f.wingfield.tokens.write);
    return [
      { path: `${service}/organizations`, auth },
      { method: 'DELETE', path: `${service}/organizations/${f.wingfield.organizations.related[0].id}/relation`, auth },
      { path: `${service}/organizations`, auth },
    ];
  },
  'wf: confirming a relation does not move updatedAt': (f) => {
    const [confirm] = f.wingfield.connect_tokens.confirm;
    return [
      {
        method: 'POST',
        path: `/wingfield/api/v1/external-services/${f.wingfield.external_service_id}/organization-relations/claim`,
        auth: bearer(f.wingfield.tokens.write),
        body: { connectToken: confirm.token, externalOrganizationId: confirm.external_organization_id },
      },
    ];
  },
  'wf: 405 lists every method in Allow': (f) => [
    {
      method: 'PUT',
      path: `/wingfield/api/v1/external-services/${f.wingfield.external_service_id}/organizations`,
      auth: bearer(f.wingfield.tokens.write),
    },
  ],
};

function orgs(requester: string, target: string) {
  return { 'Requester-Organization-ID': requester, 'Target-Organization-ID': target };
}

/** The last answer of `steps` through a proxy (mutated or not), in a session of its own. */
async function lastAnswer(sim: TestSim, steps: Step[], mutant?: Parameters<typeof startProxy>[1]) {
  const proxy = await startProxy(sim.sim.url, mutant);
  const session = freshSession('probe');
  try {
    let last = '';
    for (const s of steps) {
      const res = await fetch(proxy.url + s.path, {
        method: s.method ?? 'GET',
        headers: {
          Authorization: s.auth,
          'X-Connkit-Session': session,
          ...(s.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...s.headers,
        },
        body: s.body === undefined ? undefined : JSON.stringify(s.body),
      });
      // A time the server stamps now differs from run to run; the rest must not.
      const text = (await res.text()).replace(/"(\d{4}-\d\d-\d\dT[^"]+)"/g, (all, iso: string) =>
        Math.abs(Date.parse(iso) - Date.now()) < 300_000 ? '"<now>"' : all,
      );
      last = `${res.status} allow=${res.headers.get('allow') ?? ''} ${text}`;
    }
    return last;
  } finally {
    await proxy.close();
  }
}

describe('the unlisted mutants verify never reaches are real bugs', () => {
  it.each(Object.keys(probes))('"%s" changes what a client sees', async (name) => {
    if (!t || !fx) throw new Error('no simulator');
    const mutant = unlistedMutants(fx).find((m) => m.name === name);
    expect(mutant, `no mutant named ${name}`).toBeDefined();
    const steps = probes[name](fx);
    const honest = await lastAnswer(t, steps);
    const broken = await lastAnswer(t, steps, mutant);
    expect(honest).not.toMatch(/^5/);
    expect(broken).not.toBe(honest);
  });
});
