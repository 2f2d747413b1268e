import type { CheckContext, Exchange } from '../types.js';
import { bearer, body, defineChecks, dig, expectStatus, status, str, take } from './helpers.js';
import { raceCheck } from './race.js';

type Ctx = CheckContext<'wingfield'>;
const write = (ctx: Ctx) => ({ Authorization: bearer(ctx.profile.tokens.write) });
const service = (ctx: Ctx) => ctx.profile.external_service_id;
const claim = (ctx: Ctx, connectToken: string, externalOrganizationId: string, serviceId = service(ctx)) =>
  ctx.send('claimOrganizationRelation', {
    headers: write(ctx),
    path: { externalServiceId: serviceId },
    body: { connectToken, externalOrganizationId },
  });
const type = (ex: Exchange) => dig(body(ex), 'error', 'type');
let counter = 0;
const externalId = () => `connkit-verify-${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** An open connect token, used up by the claim: minted fresh, else the profile's next unused one. */
async function openToken(ctx: Ctx, organizationId?: string): Promise<string> {
  const params = organizationId ? { organization_id: organizationId } : {};
  return (
    await ctx.fixture('open connect token', params, () => ({
      connectToken: ctx.consume('connect_tokens.open', ctx.profile.connect_tokens?.open),
      organization_id: '',
    }))
  ).connectToken;
}

/** A connect token nobody can claim (claiming it changes nothing): from the control API, else the profile's. */
async function connectToken(ctx: Ctx, state: 'claimed' | 'cancelled' | 'expired'): Promise<string> {
  if (ctx.control)
    return (await ctx.control.post<{ connectToken: string }>('/wingfield/connect-tokens', { state })).connectToken;
  return take(ctx, ctx.profile.connect_tokens?.[state], `connect_tokens.${state}`);
}

/** Users holding no PRO seat, one more than the seats left: minted fresh, else the profile's. */
async function seatless(ctx: Ctx): Promise<string[]> {
  const seats = ctx.profile.pro_seats_left;
  if (!ctx.minted || seats === undefined || seats > 20)
    return ctx.need(ctx.profile.users?.length ? ctx.profile.users : undefined, 'users');
  const users: string[] = [];
  for (let i = 0; i <= seats; i++)
    users.push((await ctx.fixture('user without a seat', {}, () => ({ user_id: '' }))).user_id);
  return users;
}

const expectError = (ctx: Ctx, ex: Exchange, want: number, wantType: string, what: string) =>
  ctx.expect(
    status(ex) === want && type(ex) === wantType,
    `${what}: expected ${want} ${wantType}, got ${status(ex)} ${str(type(ex))}`,
    ex,
  );

export const wingfieldChecks = defineChecks('wingfield', [
  {
    name: 'wf_claim_once',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['wingfield'],
    description:
      'A connect token is claimed once (200, the relation) and then refused with 409 connect_token_unusable.',
    async run(ctx) {
      const token = await openToken(ctx);
      const ext = externalId();
      const first = await claim(ctx, token, ext);
      const relation = ctx.expectAnswer(first, 200, 'claim');
      ctx.expect(
        relation.externalOrganizationId === ext && relation.externalServiceId === service(ctx),
        'the relation does not carry the service and external id',
        first,
      );
      expectError(ctx, await claim(ctx, token, ext), 409, 'connect_token_unusable', 'second claim');
    },
  },
  {
    name: 'wf_claim_errors',
    sharing: 'read',
    tier: 'stateful',
    apis: ['wingfield'],
    description:
      'Expired → 410 expired_connect_token; malformed → 422; unknown → 404; cancelled → 409 connect_token_unusable.',
    async run(ctx) {
      const ct = ctx.profile.connect_tokens;
      expectError(
        ctx,
        await claim(ctx, await connectToken(ctx, 'expired'), externalId()),
        410,
        'expired_connect_token',
        'expired token',
      );
      expectError(
        ctx,
        await claim(ctx, ct?.malformed ?? 'not-a-connect-token', externalId()),
        422,
        'malformed_connect_token',
        'malformed token',
      );
      expectError(
        ctx,
        await claim(ctx, ctx.need(ct?.unknown, 'connect_tokens.unknown'), externalId()),
        404,
        'connect_token_not_found',
        'unknown token',
      );
      expectError(
        ctx,
        await claim(ctx, await connectToken(ctx, 'cancelled'), externalId()),
        409,
        'connect_token_unusable',
        'cancelled token',
      );
    },
  },
  {
    name: 'wf_external_id_conflicts',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['wingfield'],
    description:
      'A relation confirmed with another external id → 409 external_organization_id_mismatch; an external id of another relation → 409 external_organization_id_already_in_use.',
    async run(ctx) {
      // Claim a fresh organization, then present a second token of it with another external id.
      const first = await openToken(ctx);
      const ext = externalId();
      const made = ctx.expectAnswer(await claim(ctx, first, ext), 200, 'setting up a relation');
      const confirm = ctx.minted
        ? await openToken(ctx, made.organizationId)
        : take(ctx, ctx.profile.connect_tokens?.confirm, 'connect_tokens.confirm').token;
      expectError(
        ctx,
        await claim(ctx, confirm, `${ext}-other`),
        409,
        'external_organization_id_mismatch',
        'confirm with another external id',
      );
      expectError(
        ctx,
        await claim(ctx, await openToken(ctx), ext),
        409,
        'external_organization_id_already_in_use',
        'external id of another relation',
      );
    },
  },
  {
    name: 'wf_wrong_service',
    sharing: 'read',
    tier: 'stateful',
    apis: ['wingfield'],
    description:
      'Another service in the path → 403 external_service_access_denied; a connect token issued to another service → 403 organization_access_denied.',
    async run(ctx) {
      const other = ctx.need(ctx.profile.other_external_service_id, 'other_external_service_id');
      expectError(
        ctx,
        await claim(ctx, 'wct_x', externalId(), other),
        403,
        'external_service_access_denied',
        'claim under another service',
      );
      const foreign = ctx.need(ctx.profile.connect_tokens?.other_service?.[0], 'connect_tokens.other_service');
      expectError(
        ctx,
        await claim(ctx, foreign, externalId()),
        403,
        'organization_access_denied',
        'token of another service',
      );
    },
  },
  {
    name: 'wf_claimed_org_listed',
    sharing: 'exclusive',
    tier: 'stateful',
    apis: ['wingfield'],
    description:
      "The organization a claim links appears in the service's organization list with that relation; totalCount grows by one.",
    async run(ctx) {
      const list = (offset: number) =>
        ctx.send('listExternalServiceOrganizations', {
          headers: write(ctx),
          path: { externalServiceId: service(ctx) },
          query: offset ? { limit: 100, offset } : { limit: 100 },
        });
      const before = ctx.expectAnswer(await list(0), 200, 'the list before the claim');
      const made = ctx.expectAnswer(await claim(ctx, await openToken(ctx), externalId()), 200, 'claim');
      const afterEx = await list(0);
      const after = ctx.expectAnswer(afterEx, 200, 'the list after the claim');
      ctx.expect(
        after.totalCount === before.totalCount + 1,
        `totalCount went from ${before.totalCount} to ${after.totalCount}`,
        afterEx,
      );
      const all = [...after.items];
      for (let offset = 100; offset < after.totalCount; offset += 100)
        all.push(...ctx.expectAnswer(await list(offset), 200, `the list from ${offset}`).items);
      const item = all.find((o) => o.id === made.organizationId);
      ctx.expect(
        item && JSON.stringify(item.relation) === JSON.stringify(made),
        'the claimed organization is not listed with its relation',
        afterEx,
      );
    },
  },
  {
    name: 'wf_pro_subscription',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['wingfield'],
    description:
      'PRO is granted (200 {}) and again is a no-op; past the PRO quota 403 pro_user_quota_exceeded; FREE gives the seat back.',
    async run(ctx) {
      const org = ctx.need(ctx.profile.organizations?.related?.[0], 'organizations.related').id;
      const users = await seatless(ctx);
      const put = (user: string, subscription: 'PRO' | 'FREE') =>
        ctx.send('upsertOrganizationUserSubscription', {
          headers: write(ctx),
          path: { organizationId: org, userId: user },
          body: { subscription },
        });
      const granted: string[] = [];
      try {
        let refused: Exchange | undefined;
        for (const user of users) {
          const ex = await put(user, 'PRO');
          if (status(ex) === 200) granted.push(user);
          else {
            refused = ex;
            break;
          }
        }
        const seats = ctx.profile.pro_seats_left;
        if (!refused)
          ctx.expect(
            seats === undefined || users.length <= seats,
            `${users.length} users were granted PRO with ${seats} seats left`,
          );
        const refusal = ctx.need(refused, `more users than PRO seats (${users.length} users were all granted PRO)`);
        expectError(ctx, refusal, 403, 'pro_user_quota_exceeded', 'PRO past the quota');
        ctx.expect(granted.length > 0, 'no PRO seat could be granted at all', refused);
        const again = await put(granted[0], 'PRO');
        expectStatus(ctx, again, 200, 'PRO again for a PRO user');
        const freed = await put(granted[0], 'FREE');
        ctx.expect(
          status(freed) === 200 && JSON.stringify(body(freed)) === '{}',
          `FREE: expected 200 {}, got ${status(freed)}`,
          freed,
        );
        const next = users[granted.length];
        const retry = await put(next, 'PRO');
        expectStatus(ctx, retry, 200, 'PRO after a seat was freed');
        granted.push(next);
      } finally {
        for (const user of granted) await put(user, 'FREE');
      }
    },
  },
  {
    name: 'wf_unknown_resources',
    sharing: 'read',
    tier: 'stateful',
    apis: ['wingfield'],
    description:
      'A subscription for an organization that does not exist answers 404 organization_not_found; for a user that does not exist, 404 user_not_found.',
    async run(ctx) {
      const org = ctx.need(ctx.profile.organizations?.related?.[0], 'organizations.related').id;
      const nobody = '00000000-0000-4000-8000-00000000c0de';
      const put = (organizationId: string, userId: string) =>
        ctx.send('upsertOrganizationUserSubscription', {
          headers: write(ctx),
          path: { organizationId, userId },
          body: { subscription: 'FREE' },
        });
      expectError(
        ctx,
        await put(nobody, ctx.need(ctx.profile.users?.[0], 'users')),
        404,
        'organization_not_found',
        'unknown organization',
      );
      expectError(ctx, await put(org, nobody), 404, 'user_not_found', 'unknown user');
    },
  },
  {
    name: 'wf_unlink',
    sharing: 'disjoint',
    tier: 'stateful',
    apis: ['wingfield'],
    description:
      'Unlinking answers 200 {}; organization-scoped calls then answer 403 organization_access_denied; a second unlink 404.',
    async run(ctx) {
      const org = ctx.expectAnswer(
        await claim(ctx, await openToken(ctx), externalId()),
        200,
        'setting up a relation',
      ).organizationId;
      const unlink = () =>
        ctx.send('deleteOrganizationRelation', {
          headers: write(ctx),
          path: { externalServiceId: service(ctx), organizationId: org },
        });
      const first = await unlink();
      expectStatus(ctx, first, 200, 'unlink');
      const user = ctx.need(ctx.profile.users?.[0], 'users');
      const after = await ctx.send('upsertOrganizationUserSubscription', {
        headers: write(ctx),
        path: { organizationId: org, userId: user },
        body: { subscription: 'FREE' },
      });
      expectError(ctx, after, 403, 'organization_access_denied', 'subscription after unlink');
      expectError(ctx, await unlink(), 404, 'organization_relation_not_found', 'second unlink');
    },
  },
  raceCheck({
    api: 'wingfield',
    name: 'wf_claim_race',
    copies: 'claims of one connect token',
    setup: async (ctx) => ({ token: await openToken(ctx), ext: externalId() }),
    operationId: 'claimOrganizationRelation',
    request: (ctx, { token, ext }) => ({
      headers: write(ctx),
      path: { externalServiceId: service(ctx) },
      body: { connectToken: token, externalOrganizationId: ext },
    }),
    won: 200,
    after(ctx, { ext }, relation) {
      ctx.expect(relation.externalOrganizationId === ext, 'the winning claim does not carry its external id');
    },
  }),
]);
