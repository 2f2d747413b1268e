import { useEffect, useState } from 'preact/hooks';
import { control, type Schemas } from '../control.js';
import { downloadSnapshot, uploadSnapshot } from '../snapshot.js';
import { Empty } from '../ui.js';
import { RecordEditor } from './record-editor.js';
import { textOf } from '../text.js';

type Collections = Schemas['StateCollections'];
type Page = Schemas['StatePage'];
const pageSize = 50;
const maxColumns = 6;

/** The first record's plain fields make the columns; nested ones stay in the detail. */
function columnsOf(items: Page['items']): string[] {
  const record = items[0]?.record ?? {};
  const plain = Object.entries(record).filter(([, v]) => v === null || typeof v !== 'object');
  const priority = (k: string) => (/status|state|type|name|label|enabled|archived/.test(k) ? 0 : 1);
  return plain
    .map(([k]) => k)
    .filter((k) => k !== 'id')
    .sort((a, b) => priority(a) - priority(b))
    .slice(0, maxColumns);
}

const isoTime = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)[\d:.]*Z$/;

/** A cell's text: timestamps to the minute (the full value is the cell's title) so the table fits. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '—';
  const t = typeof v === 'string' ? isoTime.exec(v) : null;
  if (t) return `${t[1]} ${t[2]}`;
  if (typeof v === 'string') return v.length > 40 ? `${v.slice(0, 38)}…` : v;
  return textOf(v);
}

function StateActions({ session, onDone }: { session: string; onDone: (message: string) => void }) {
  const [seed, setSeed] = useState('');
  useEffect(() => {
    void control<Schemas['Health']>('GET', '/__control/health', session).then((h) => setSeed(String(h.seed)));
  }, [session]);
  const fail = (e: Error) => onDone(`failed: ${e.message}`);
  const reset = () =>
    control<Schemas['SessionInfo']>('POST', '/__control/reset', session, seed === '' ? {} : { seed: Number(seed) })
      .then((r) => onDone(`session ${r.session} rebuilt from seed ${r.seed}`))
      .catch(fail);
  const exportState = () => downloadSnapshot(session).catch(fail);
  const importState = (file: File | undefined) =>
    file &&
    uploadSnapshot(session, file)
      .then((r) => onDone(`imported ${file.name} into ${r.session}`))
      .catch(fail);
  return (
    <div class="actions">
      <label class="seed">
        seed{' '}
        <input
          type="number"
          value={seed}
          onInput={(e) => setSeed((e.target as HTMLInputElement).value)}
          data-testid="reset-seed"
        />
      </label>
      <button type="button" class="danger" onClick={() => void reset()} data-testid="reset">
        Reset
      </button>
      <button type="button" onClick={() => void exportState()} data-testid="export">
        Export snapshot
      </button>
      <label class="button">
        Import snapshot…
        <input
          type="file"
          accept="application/x-ndjson,.ndjson,application/json,.json"
          hidden
          onChange={(e) => void importState((e.target as HTMLInputElement).files?.[0])}
          data-testid="import"
        />
      </label>
    </div>
  );
}

/** Each API's state in the chosen session, a page at a time (a million records read like twenty). */
export function StateTab({ session, changes }: { session: string; changes: number }) {
  const [edits, setEdits] = useState(0);
  const [apis, setApis] = useState<string[]>([]);
  const [api, setApi] = useState<string>();
  const [collections, setCollections] = useState<Collections>();
  const [collection, setCollection] = useState<string>();
  const [offset, setOffset] = useState(0);
  const [q, setQ] = useState('');
  const [page, setPage] = useState<Page>();
  const [open, setOpen] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void control<Schemas['Health']>('GET', '/__control/health', session).then((h) => {
      setApis(h.apis);
      setApi((a) => a ?? h.apis[0]);
    });
  }, []);
  useEffect(() => {
    if (!api) return;
    control<Collections>('GET', `/__control/state/${api}`, session)
      .then((c) => {
        setCollections(c);
        setCollection((cur) => (cur && c.collections.some((x) => x.name === cur) ? cur : c.collections[0]?.name));
      })
      .catch((e: Error) => setError(e.message));
  }, [api, session, changes, edits]);
  useEffect(() => {
    if (!api || !collection) return;
    const query = new URLSearchParams({ offset: String(offset), limit: String(pageSize) });
    if (q) query.set('q', q);
    control<Page>('GET', `/__control/state/${api}/${collection}?${query}`, session)
      .then((p) => {
        setPage(p);
        setError(undefined);
      })
      .catch((e: Error) => setError(e.message));
  }, [api, collection, offset, q, session, changes, edits]);

  const pick = (a: string) => {
    setApi(a);
    setCollection(undefined);
    setOffset(0);
    setOpen(undefined);
  };
  const columns = page ? columnsOf(page.items) : [];
  const last = page ? Math.max(0, Math.ceil(page.total / pageSize) - 1) : 0;

  return (
    <div class="tab-state">
      <div class="toolbar">
        <div class="pills">
          {apis.map((a) => (
            <button
              type="button"
              class={a === api ? 'pill active' : 'pill'}
              onClick={() => pick(a)}
              data-testid={`state-api-${a}`}
            >
              {a}
            </button>
          ))}
        </div>
        <StateActions session={session} onDone={setNotice} />
      </div>
      {notice && (
        <div class="notice" data-testid="state-notice">
          {notice}
        </div>
      )}
      <div class="state-body">
        <nav class="collections">
          {collections?.collections.map((c) => (
            <button
              type="button"
              class={c.name === collection ? 'active' : ''}
              onClick={() => {
                setCollection(c.name);
                setOffset(0);
                setOpen(undefined);
              }}
              data-testid={`collection-${c.name}`}
            >
              <span>{c.name}</span>
              <span class="total">{c.total.toLocaleString('en')}</span>
            </button>
          ))}
        </nav>
        <section class="records">
          <div class="records-head">
            <input
              type="search"
              placeholder="Find by id…"
              value={q}
              onInput={(e) => (setQ((e.target as HTMLInputElement).value), setOffset(0))}
            />
            {page && (
              <div class="pager">
                <button type="button" disabled={offset === 0} onClick={() => setOffset(0)}>
                  «
                </button>
                <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
                  ‹
                </button>
                <span data-testid="state-range">
                  {page.total
                    ? `${(offset + 1).toLocaleString('en')}–${Math.min(offset + pageSize, page.total).toLocaleString('en')}`
                    : '0'}{' '}
                  of {page.total.toLocaleString('en')}
                </span>
                <button
                  type="button"
                  disabled={offset + pageSize >= page.total}
                  onClick={() => setOffset(offset + pageSize)}
                  data-testid="next-page"
                >
                  ›
                </button>
                <button
                  type="button"
                  disabled={offset + pageSize >= page.total}
                  onClick={() => setOffset(last * pageSize)}
                >
                  »
                </button>
              </div>
            )}
          </div>
          {error && <div class="error">{error}</div>}
          {page && page.items.length === 0 && <Empty>Nothing here.</Empty>}
          {page && page.items.length > 0 && (
            <div class="scroll-x">
              <table class="data" data-testid="state-table">
                <thead>
                  <tr>
                    <th>id</th>
                    {columns.map((c) => (
                      <th>{c.replace(/_/g, ' ')}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((item) => (
                    <>
                      <tr
                        class={open === item.id ? 'open' : ''}
                        onClick={() => setOpen(open === item.id ? undefined : item.id)}
                      >
                        <td>
                          <code>{cell(item.id)}</code>
                        </td>
                        {columns.map((c) => (
                          <td
                            class={`v-${String(item.record[c]).replace(/[^a-z_]/gi, '')}`}
                            title={
                              item.record[c] === null || item.record[c] === undefined ? '' : textOf(item.record[c])
                            }
                          >
                            {cell(item.record[c])}
                          </td>
                        ))}
                      </tr>
                      {open === item.id && (
                        <tr class="expanded">
                          <td colSpan={columns.length + 1}>
                            <RecordEditor
                              api={api ?? ''}
                              info={collections?.collections.find((c) => c.name === collection)}
                              id={item.id}
                              record={item.record}
                              session={session}
                              onSaved={(message) => {
                                setNotice(message);
                                setEdits((n) => n + 1);
                              }}
                            />
                          </td>
                        </tr>
                      )}
                    </>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
