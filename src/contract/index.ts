import type { ErrorObject, ValidateFunction } from 'ajv';
import { discriminatedAt, pickBranch, takes } from './discriminated.js';
import { derefDeep, escapePointer, getPointer, readSpec, resolveLocal, type Json, type JsonObject } from './load.js';
import { specNames } from './names.js';
import { loadBodyValidators, requestValidators } from './request-validators.js';
import { responseValidators } from './response-validators.js';
import { table, type Compiled } from './standalone.js';
import { once, runtimeCompiler } from './runtime-compile.js';
import {
  collectParams,
  httpMethods,
  locations,
  paramGroupSchema,
  paramsKey,
  requestBody,
  text,
  walkOperations,
  type HttpMethod,
  type Param,
  type ParamLocation,
  type ParamWithPointer,
} from './walk.js';

export { httpMethods, type HttpMethod, type Param, type ParamLocation };

/** One problem with a request or response, located the way every vendor envelope needs it. */
export interface Issue {
  in: ParamLocation | 'body' | 'response';
  /** Field path: ['per_page'], ['connection_id'], ['items', 0, 'status']. */
  path: (string | number)[];
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

export interface ResponseSpec {
  status: string;
  description: string;
  headers: { name: string; required: boolean; schema: JsonObject }[];
  json: boolean;
  validate?: ValidateFunction;
}

export interface Operation {
  spec: string;
  id: string;
  method: HttpMethod;
  path: string;
  /** The same path in Express syntax (`/connections/:id`). */
  routePath: string;
  summary: string;
  /** Every `x-…` member of the operation (`x-connkit-scope`, `x-mycreditapp-scenarios`…). */
  ext: Record<string, Json>;
  params: Param[];
  body?: { required: boolean; validate: ValidateFunction; /** Fully dereferenced. */ schema: JsonObject };
  responses: Map<string, ResponseSpec>;
  /** Coerces and checks path, query and header values; fills defaults. */
  parseParams(raw: RawParams): { values: ParamValues; issues: Issue[] };
  validateBody(body: unknown): Issue[];
  validateResponse(status: number, body: unknown, headers: Record<string, string | undefined>): Issue[];
  /**
   * Imports the build-time validators of the request's body (`withBody`: it has one) if they
   * are not here yet; undefined when there is nothing to wait for. Checking without it is
   * exact too, only compiled at run time.
   */
  ready(withBody: boolean): Promise<void> | undefined;
  /** Readies every validator of the operation rather than on first use (responses once imported). */
  warm(): void;
}

export interface RawParams {
  path: Record<string, string>;
  query: Record<string, unknown>;
  header: Record<string, string | string[] | undefined>;
}
export type ParamValues = Record<ParamLocation, Record<string, unknown>>;

export interface SpecIndex {
  name: string;
  doc: JsonObject;
  title: string;
  /** connkit's mount prefix (`/leadconduit`), from the spec's `x-connkit.prefix`. */
  prefix: string;
  /** The server path every operation path hangs from (`/api/v2`), from `servers[0]`. */
  basePath: string;
  serverUrl: string;
  operations: Operation[];
  byId: Map<string, Operation>;
  /** Validators for any schema of the spec by JSON pointer, compiled on first use. */
  schemaValidator(pointer: string): ValidateFunction;
  /** Imports the build-time validators of the spec's bodies and state collections (see Operation.ready). */
  ready(): Promise<void> | undefined;
}

/** What parameter checking needs of a validator: a compiled one, or `acceptsAll` where there are none. */
interface Check {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
const acceptsAll: Check = () => true;
const isSpecName = (name: string): name is (typeof specNames)[number] =>
  (specNames as readonly string[]).includes(name);

/**
 * Loads one spec and indexes its operations. Their validators were compiled at build time
 * (src/generated/validators/, npm run generate); a document given here (a test's altered
 * copy) or a schema the build did not compile is compiled at run time, once, on first use.
 */
export function buildIndex(name: string, given?: JsonObject): SpecIndex {
  const doc = given ?? readSpec(name);
  const spec = !given && isSpecName(name) ? name : undefined;
  // The bodies and responses join once imported (loadBodyValidators, loadResponseValidators), hence asked each time.
  const built = (kind: 'strict' | 'coercing'): (Compiled | undefined)[] =>
    !spec
      ? []
      : kind === 'coercing'
        ? [requestValidators(spec, 'params')]
        : [requestValidators(spec, 'bodies'), responseValidators(spec)];
  const loadBodies = () => (spec ? loadBodyValidators(spec) : undefined);
  const compiler = once(() => runtimeCompiler(name, doc));
  const lookup = (kind: 'strict' | 'coercing', key: string): ValidateFunction | undefined => {
    for (const c of built(kind)) {
      const v = c && table(c, kind)[key];
      if (v) return v;
    }
    return undefined;
  };
  const cache = new Map<string, ValidateFunction>();
  /** The validator of the schema at `pointer`: the build's, or compiled now. */
  const ref = (pointer: string): ValidateFunction => {
    let v = cache.get(pointer);
    if (!v) cache.set(pointer, (v = lookup('strict', pointer) ?? compiler().ref(pointer)));
    return v;
  };
  const paramCheck = (key: string, own: ParamWithPointer[]): Check =>
    lookup('coercing', key) ?? compiler().coercing(paramGroupSchema(own, compiler().id));
  /** A discriminated body's issues from the branch its tag names alone (see discriminated.ts). */
  const discriminated = (pointer: string, value: unknown): Issue[] | undefined => {
    const d = discriminatedAt(doc, pointer);
    const picked = d && pickBranch(d, value);
    if (!d || !picked) return undefined;
    if (!('pointer' in picked)) return [picked];
    const v = ref(picked.pointer);
    if (v(value)) return undefined;
    const fields = takes(doc, picked.pointer, d.tag);
    const what = `${d.tag} '${picked.value}' takes ${fields.length ? fields.join(', ') : `nothing besides ${d.tag}`}`;
    return toIssues('body', v.errors).map((i) => ({
      ...i,
      message: `${i.message} (${what})`,
      params: { ...i.params, context: what },
    }));
  };

  const servers = doc.servers as JsonObject[];
  const serverUrl = expandServer(servers[0]);
  const basePath = new URL(serverUrl).pathname.replace(/\/$/, '');
  const prefix = text((doc['x-connkit'] as JsonObject | undefined)?.prefix ?? `/${name}`);

  /**
   * What an operation checks and answers, read from the spec on the operation's first use: a
   * cold start routes a handful of each spec's operations, and no index needs the rest yet.
   */
  const describe = (pathItem: JsonObject, op: JsonObject, itemPointer: string, opPointer: string) => {
    const params = collectParams(doc, pathItem, op, itemPointer, opPointer);
    // Validators are looked up (or compiled) on first use and kept: no request compiles twice.
    const paramValidators = new Map<ParamLocation, () => Check>(
      locations.map((loc) => {
        const own = params.filter((p) => p.in === loc);
        // No parameters in this place: nothing to check, nothing to compile.
        if (!own.length) return [loc, () => acceptsAll] as const;
        return [loc, once(() => paramCheck(paramsKey(opPointer, loc), own))] as const;
      }),
    );
    const body = requestBody(doc, op, opPointer);
    const responses = new Map<string, ResponseSpec>();
    for (const [status, raw] of Object.entries((op.responses ?? {}) as JsonObject)) {
      const { node, pointer } = resolveLocal(doc, raw, `${opPointer}/responses/${status}`);
      const res = node as JsonObject;
      const media = (res.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
      const headers = Object.entries((res.headers ?? {}) as JsonObject).map(([hName, h]) => {
        const header = resolveLocal(doc, h, `${pointer}/headers/${escapePointer(hName)}`).node as JsonObject;
        return { name: hName, required: header.required === true, schema: header.schema as JsonObject };
      });
      responses.set(status, {
        status,
        description: text(res.description ?? ''),
        headers,
        json: Boolean(media),
        get validate() {
          return media?.schema ? ref(`${pointer}/content/application~1json/schema`) : undefined;
        },
      });
    }
    const publicParams: Param[] = params.map(({ pointer: _p, ...p }) => p);
    const bodyValidate = body && once(() => ref(body.pointer));
    const bodySchema = body && once(() => derefDeep(doc, getPointer(doc, body.pointer)) as JsonObject);
    return {
      params: publicParams,
      paramValidators,
      responses,
      body:
        body && bodyValidate && bodySchema
          ? {
              required: body.required,
              get validate() {
                return bodyValidate();
              },
              get schema() {
                return bodySchema();
              },
            }
          : undefined,
      validateBody: (value: unknown): Issue[] => {
        const validate = bodyValidate?.();
        if (!validate || validate(value)) return [];
        const branch = body && discriminated(body.pointer, value);
        return branch ?? toIssues('body', validate.errors);
      },
      warm: () => {
        for (const v of paramValidators.values()) v();
        bodyValidate?.();
        // Responses are checked once their build-time code is imported (validateResponses):
        // compiling them at run time here would load ajv for checks nobody asked for.
        if (!spec || responseValidators(spec)) for (const r of responses.values()) void r.validate;
      },
    };
  };

  const operations: Operation[] = [];
  for (const { path, method, op, item: pathItem, itemPointer, opPointer } of walkOperations(doc)) {
    const details = once(() => describe(pathItem, op, itemPointer, opPointer));
    // Whether a body is documented, without reading the rest: what the validation step asks first.
    const hasBody = op.requestBody !== undefined;
    operations.push({
      spec: name,
      id: text(op.operationId),
      method,
      path,
      routePath: path.replace(/\{([^}]+)\}/g, ':$1'),
      summary: text(op.summary ?? ''),
      ext: Object.fromEntries(Object.entries(op).filter(([k]) => k.startsWith('x-'))),
      get params() {
        return details().params;
      },
      get body() {
        return details().body;
      },
      get responses() {
        return details().responses;
      },
      parseParams: (raw) => parseParams(details().params, details().paramValidators, raw),
      validateBody: (value) => details().validateBody(value),
      validateResponse: (status, value, headers) => validateResponse(details().responses, status, value, headers),
      ready: (withBody) => (withBody && hasBody ? loadBodies() : undefined),
      warm() {
        // Warmed with the build's code, never compiled at run time for want of waiting for it.
        const pending = hasBody ? loadBodies() : undefined;
        if (pending) void pending.then(details().warm);
        else details().warm();
      },
    });
  }
  return {
    name,
    doc,
    title: text((doc.info as JsonObject).title),
    prefix,
    basePath,
    serverUrl,
    operations,
    byId: new Map(operations.map((o) => [o.id, o])),
    schemaValidator: ref,
    ready: loadBodies,
  };
}

function expandServer(server: JsonObject): string {
  const vars = (server.variables ?? {}) as Record<string, JsonObject>;
  return text(server.url).replace(/\{(\w+)\}/g, (_, v: string) => text(vars[v]?.default ?? v));
}

function parseParams(params: Param[], validators: Map<ParamLocation, () => Check>, raw: RawParams) {
  const values: ParamValues = { path: {}, query: {}, header: {} };
  const issues: Issue[] = [];
  for (const loc of locations) {
    const target = values[loc];
    for (const p of params.filter((x) => x.in === loc)) {
      const given = loc === 'header' ? raw.header[p.name.toLowerCase()] : raw[loc][p.name];
      if (given !== undefined) target[p.name] = given;
    }
    const check = validators.get(loc);
    if (!check) throw new Error(`connkit: no validator for ${loc} parameters`);
    const validate = check();
    if (!validate(target)) issues.push(...toIssues(loc, validate.errors));
    for (const p of params)
      if (p.in === loc && target[p.name] === undefined && p.default !== undefined) target[p.name] = p.default;
  }
  return { values, issues };
}

function validateResponse(
  responses: Map<string, ResponseSpec>,
  status: number,
  body: unknown,
  headers: Record<string, string | undefined>,
): Issue[] {
  const res = responses.get(String(status)) ?? responses.get(`${String(status)[0]}XX`) ?? responses.get('default');
  if (!res)
    return [
      {
        in: 'response',
        path: [],
        keyword: 'status',
        message: `status ${status} is not documented`,
        params: { status },
      },
    ];
  const issues: Issue[] = [];
  for (const h of res.headers) {
    if (h.required && headers[h.name.toLowerCase()] === undefined)
      issues.push({
        in: 'response',
        path: ['headers', h.name],
        keyword: 'required',
        message: `header ${h.name} is missing`,
        params: {},
      });
  }
  if (res.validate && !res.validate(body)) issues.push(...toIssues('response', res.validate.errors));
  if (!res.json && body !== undefined && body !== '')
    issues.push({ in: 'response', path: [], keyword: 'body', message: `status ${status} has no body`, params: {} });
  return issues;
}

/** ajv errors → Issues whose path ends at the field at fault (a missing or extra member included). */
export function toIssues(where: Issue['in'], errors: ErrorObject[] | null | undefined): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const path: (string | number)[] = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const extra = (e.params as { missingProperty?: string; additionalProperty?: string }) ?? {};
    if (extra.missingProperty) path.push(extra.missingProperty);
    if (extra.additionalProperty) path.push(extra.additionalProperty);
    // oneOf/anyOf report each branch and then themselves; the branch errors say more.
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf') && out.some((i) => i.path.join('/') === path.join('/')))
      continue;
    const key = `${path.join('/')}|${e.keyword}|${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      in: where,
      path,
      keyword: e.keyword,
      message: e.message ?? 'is invalid',
      params: e.params as Record<string, unknown>,
    });
  }
  return out;
}
