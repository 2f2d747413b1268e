import { negativeCases } from '../generators/negative.js';
import { sample } from '../generators/sample.js';
import { NotApplicable, type Adapter, type Check, type RequestParts } from '../types.js';

const withAuthorization = (parts: RequestParts, value: string | undefined): RequestParts => {
  const headers = { ...parts.headers };
  delete headers.Authorization;
  if (value !== undefined) headers.Authorization = value;
  return { ...parts, headers };
};

type QueryValue = NonNullable<RequestParts['query']>[string];
const isQueryValue = (v: unknown): v is QueryValue =>
  ['string', 'number', 'boolean'].includes(typeof v) ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'));

/** The contract tier: every operation, credentials only. */
export function contractChecks(adapters: Record<string, Adapter>): Check[] {
  return [
    {
      name: 'missing_auth_rejected',
      sharing: 'read',
      tier: 'contract',
      description: "Without credentials every operation answers 401 with the vendor's error body.",
      run: (ctx) =>
        ctx.eachOperation(async (op) => {
          const base = ctx.need(ctx.baseline(op.id), `a baseline request for ${op.id}`);
          const ex = await ctx.sendRaw(op.id, withAuthorization(base, undefined));
          ctx.expect(
            ex.response?.status === 401,
            `expected 401 without credentials, got ${ex.response?.status ?? ex.error}`,
            ex,
            op.id,
          );
        }),
    },
    {
      name: 'invalid_auth_rejected',
      sharing: 'read',
      tier: 'contract',
      description: 'With well-formed but wrong credentials every operation answers 401.',
      run: (ctx) =>
        ctx.eachOperation(async (op) => {
          const base = ctx.need(ctx.baseline(op.id), `a baseline request for ${op.id}`);
          const ex = await ctx.sendRaw(
            op.id,
            withAuthorization(base, adapters[ctx.api].invalidAuthorization(ctx.profile)),
          );
          ctx.expect(
            ex.response?.status === 401,
            `expected 401 for invalid credentials, got ${ex.response?.status ?? ex.error}`,
            ex,
            op.id,
          );
        }),
    },
    {
      name: 'insufficient_scope_rejected',
      sharing: 'read',
      tier: 'contract',
      description:
        "Credentials short of the operation's scope (or role) are refused with the vendor's status (403; LeadConduit's superuser repair: 401).",
      run: (ctx) =>
        ctx.eachOperation(async (op) => {
          if (!adapters[ctx.api].scoped(op.id)) throw new NotApplicable();
          const base = ctx.need(ctx.baseline(op.id), `a baseline request for ${op.id}`);
          const limited = ctx.need(
            adapters[ctx.api].insufficientScope?.(ctx.profile, op.id),
            `credentials short of ${op.id}'s scope (the vendor may have none)`,
          );
          const ex = await ctx.sendRaw(op.id, withAuthorization(base, limited.authorization));
          ctx.expect(
            ex.response?.status === limited.status,
            `expected ${limited.status} for insufficient scope, got ${ex.response?.status ?? ex.error}`,
            ex,
            op.id,
          );
        }),
    },
    {
      name: 'negative_data_rejection',
      sharing: 'read',
      tier: 'contract',
      description:
        'Inputs that break one schema constraint at a time (type, range, enum, required, format, unknown member) get a documented 4xx, never 2xx or 5xx.',
      run: (ctx) =>
        ctx.eachOperation(async (op) => {
          const base = ctx.need(ctx.baseline(op.id), `a baseline request for ${op.id}`);
          const cases = negativeCases(op, base, op.body?.schema);
          if (!cases.length) throw new NotApplicable();
          for (const c of cases) {
            const ex = await ctx.sendRaw(op.id, c.parts);
            const status = ex.response?.status ?? 0;
            ctx.expect(
              status >= 400 && status < 500 && op.responses.has(String(status)),
              `${c.label}: expected a documented 4xx, got ${status || ex.error}`,
              ex,
              op.id,
            );
          }
        }),
    },
    {
      name: 'positive_data_acceptance',
      tier: 'contract',
      description: 'Valid inputs generated from the schema (seeded) are not rejected by the read operations: 2xx.',
      run: (ctx) =>
        ctx.eachOperation(async (op) => {
          // State-changing operations get their valid inputs in the stateful tier.
          if (op.method !== 'get') throw new NotApplicable();
          const base = ctx.need(ctx.baseline(op.id), `a baseline request for ${op.id}`);
          const optional = op.params.filter((p) => p.in === 'query');
          const variants: RequestParts[] = [base];
          for (let i = 0; i < 4; i++) {
            const query = { ...base.query };
            for (const p of optional) {
              if (p.required && query[p.name] !== undefined) continue;
              if (!ctx.faker.datatype.boolean()) continue;
              const value = sample(p.schema, ctx.faker);
              if (isQueryValue(value)) query[p.name] = value;
            }
            variants.push({ ...base, query });
          }
          for (const v of variants) {
            const ex = await ctx.sendRaw(op.id, v);
            const status = ex.response?.status ?? 0;
            ctx.expect(
              status >= 200 && status < 300,
              `valid input rejected: expected 2xx, got ${status || ex.error}`,
              ex,
              op.id,
            );
          }
        }),
    },
  ];
}
