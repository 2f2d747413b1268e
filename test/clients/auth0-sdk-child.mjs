// An ordinary user's script: the official Auth0 SDK as published, its `domain` pointed at
// connkit. The parent gives it NODE_EXTRA_CA_CERTS (to trust connkit's certificate) and
// nothing else: no fetch patching, no base URL, no extra headers. Plain JavaScript, run by
// plain `node`, so that nothing stands between the SDK and the wire.
//
// argv: <sdk: v4 | v7> <view: ga | ea> <phase: crud | rate-limit> <input JSON>
// stdout: one JSON object of what the SDK returned or threw.
const [sdk, view, phase, json] = process.argv.slice(2);
const input = JSON.parse(json);
// Only the SDK under test is loaded (v7 alone takes seconds to import).
const { ManagementClient } = await import(sdk === 'v4' ? 'auth0-v4' : 'auth0');

/** What either SDK threw, in one shape: its own error class name, the status, Auth0's errorCode. */
function failure(err) {
  if (sdk === 'v4') return { type: err.name, status: err.statusCode, errorCode: err.errorCode };
  return { type: err.name, status: err.statusCode, errorCode: err.body?.errorCode };
}

async function attempt(fn) {
  try {
    return { ok: await fn() };
  } catch (err) {
    return { error: failure(err) };
  }
}

/** The same five operations through each SDK and view, their answers normalized. */
function operations(token) {
  const org = input.org;
  if (sdk === 'v4') {
    const o = new ManagementClient({ domain: input.domain, token }).organizations;
    const list = async (q = {}) => {
      const { data } = await o.getEnabledConnections({ id: org, ...q });
      return Array.isArray(data)
        ? { items: data }
        : { items: data.enabled_connections, envelope: { start: data.start, limit: data.limit, total: data.total } };
    };
    return {
      list,
      add: async (body) => pick(await o.addEnabledConnection({ id: org }, body)),
      get: async (cid) => pick(await o.getEnabledConnection({ id: org, connectionId: cid })),
      update: async (cid, body) => pick(await o.updateEnabledConnection({ id: org, connectionId: cid }, body)),
      remove: async (cid) => (await o.deleteEnabledConnection({ id: org, connectionId: cid })).status,
    };
  }
  const organizations = new ManagementClient({ domain: input.domain, token }).organizations;
  const o = view === 'ga' ? organizations.enabledConnections : organizations.connections;
  const key = view === 'ga' ? 'enabled_connections' : 'connections';
  const raw = async (promise) => {
    const { data, rawResponse } = await promise.withRawResponse();
    return { status: rawResponse.status, data };
  };
  return {
    list: async (q = {}) => {
      const page = await o.list(org, q);
      const r = page.response;
      return {
        items: page.data,
        envelope: Array.isArray(r) ? undefined : { start: r.start, limit: r.limit, total: r.total },
        key: Object.keys(r).includes(key),
        page,
      };
    },
    add: (body) => raw(view === 'ga' ? o.add(org, body) : o.create(org, body)),
    get: (cid) => raw(o.get(org, cid)),
    update: (cid, body) => raw(o.update(org, cid, body)),
    remove: async (cid) => (await o.delete(org, cid).withRawResponse()).rawResponse.status,
  };
}

const pick = (r) => ({ status: r.status, data: r.data });
const ids = (items) => items.map((c) => c.connection_id);

async function crud() {
  const ops = operations(input.tokens.full);
  const cid = input.connection;
  const out = {};
  out.plain = ids((await ops.list()).items);
  const paged = await ops.list({ page: 1, per_page: 3 });
  out.paged = ids(paged.items);
  const totals = await ops.list({ include_totals: true, per_page: 4 });
  out.totals = { ...totals.envelope, ids: ids(totals.items), key: totals.key };
  if (totals.page) {
    // v7 pages on by itself: every item of every page, as a user's `for await` sees them.
    out.everyPage = [];
    for await (const item of totals.page) out.everyPage.push(item.connection_id);
  }
  out.added = await ops.add({ connection_id: cid, assign_membership_on_login: true });
  out.got = await ops.get(cid);
  out.updated = await ops.update(cid, { show_as_button: false });
  out.listedAfterUpdate =
    (await ops.list({ include_totals: true, per_page: 100 })).items.find((c) => c.connection_id === cid) ?? null;
  out.duplicate = await attempt(() => ops.add({ connection_id: cid }));
  out.removed = await ops.remove(cid);
  out.gone = await attempt(() => ops.get(cid));
  out.goneAgain = await attempt(() => ops.remove(cid));
  out.readOnlyAdd = await attempt(() => operations(input.tokens.readOnly).add({ connection_id: cid }));
  out.readOnlyList = await attempt(async () => ids((await operations(input.tokens.readOnly).list()).items).length);
  out.expired = await attempt(() => operations(input.tokens.expired).list());
  return out;
}

async function rateLimited() {
  // Within the window the first call passes; the second meets 429 and the SDK itself waits
  // and tries again.
  const ops = operations(input.tokens.limited);
  const started = Date.now();
  const first = await attempt(async () => (await ops.list()).items.length);
  const second = await attempt(async () => (await ops.list()).items.length);
  return { first, second, elapsedMs: Date.now() - started };
}

const result = phase === 'crud' ? await crud() : await rateLimited();
process.stdout.write(JSON.stringify(result));
