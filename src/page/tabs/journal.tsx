import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JournalEntry } from '../control.js';
import { replayCurl } from '../curl.js';
import { CodeBlock, Empty, statusClass } from '../ui.js';

const rowHeight = 30;
const statusClasses = ['2xx', '3xx', '4xx', '5xx', 'reset'] as const;

function matches(e: JournalEntry, api: string, status: string, text: string): boolean {
  if (api && e.api !== api) return false;
  if (status && (status === 'reset' ? e.status !== 0 : Math.floor(e.status / 100) !== Number(status[0]))) return false;
  if (text) {
    const t = text.toLowerCase();
    return `${e.method} ${e.url} ${e.operationId ?? ''} ${e.session} ${e.status}`.toLowerCase().includes(t);
  }
  return true;
}

const pretty = (body: string) => {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
};

function Message({ title, message }: { title: string; message?: JournalEntry['request'] }) {
  return (
    <div class="message">
      <h3>{title}</h3>
      {!message ? (
        <span class="muted">not recorded</span>
      ) : (
        <>
          <table class="headers">
            <tbody>
              {Object.entries(message.headers).map(([k, v]) => (
                <tr>
                  <th>{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {message.body ? <pre class="json">{pretty(message.body)}</pre> : <span class="muted">no body</span>}
          {message.truncated && <span class="muted">body cut: it was longer than what the journal keeps</span>}
        </>
      )}
    </div>
  );
}

function Detail({ entry, onClose }: { entry: JournalEntry; onClose: () => void }) {
  return (
    <aside class="detail" data-testid="journal-detail">
      <div class="detail-head">
        <span class={`status ${statusClass(entry.status)}`}>{entry.status || 'reset'}</span>
        <b>{entry.method}</b> <code>{entry.url}</code>
        <button type="button" class="ghost small close" onClick={onClose} title="Close">
          ✕
        </button>
      </div>
      <dl>
        <dt>API</dt>
        <dd>{entry.api ?? '—'}</dd>
        <dt>operation</dt>
        <dd>{entry.operationId ?? '—'}</dd>
        <dt>session</dt>
        <dd>{entry.session}</dd>
        <dt>at</dt>
        <dd>{entry.at}</dd>
        <dt>took</dt>
        <dd>{entry.durationMs} ms</dd>
        <dt>scenarios</dt>
        <dd data-testid="detail-scenarios">{entry.scenarios?.length ? entry.scenarios.join(', ') : 'none acted'}</dd>
        {entry.violations?.length ? (
          <>
            <dt>violations</dt>
            <dd class="error">{entry.violations.join('; ')}</dd>
          </>
        ) : null}
      </dl>
      <h3>Replay</h3>
      <CodeBlock code={replayCurl(entry, location.origin)} testId="replay-curl" />
      <Message title="Request" message={entry.request} />
      <Message title="Answer" message={entry.response} />
    </aside>
  );
}

/** The newest requests, live; only the rows in view are in the DOM, so thousands stay smooth. */
export function JournalTab({ entries }: { entries: JournalEntry[] }) {
  const [api, setApi] = useState('');
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  // The page's own calls (and any tool's) to /__control are noise when one watches an app.
  const [withControl, setWithControl] = useState(false);
  const [selected, setSelected] = useState<number>();
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver(([e]) => setHeight(e.contentRect.height));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);

  const apis = useMemo(() => [...new Set(entries.map((e) => e.api).filter(Boolean))].sort() as string[], [entries]);
  const rows = useMemo(
    () =>
      entries
        .filter((e) => (withControl || api === 'control' || e.api !== 'control') && matches(e, api, status, text))
        .reverse(),
    [entries, api, status, text, withControl],
  );
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - 5);
  const visible = rows.slice(first, first + Math.ceil(height / rowHeight) + 10);
  const chosen = selected === undefined ? undefined : entries.find((e) => e.seq === selected);

  return (
    <div class={`tab-journal ${chosen ? 'with-detail' : ''}`}>
      <div class="filters">
        <select value={api} onChange={(e) => setApi((e.target as HTMLSelectElement).value)} data-testid="filter-api">
          <option value="">every API</option>
          {apis.map((a) => (
            <option value={a}>{a}</option>
          ))}
        </select>
        <select
          value={status}
          onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}
          data-testid="filter-status"
        >
          <option value="">every status</option>
          {statusClasses.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
        <input
          type="search"
          placeholder="Filter: path, operation, session…"
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          data-testid="filter-text"
        />
        <label class="check">
          <input
            type="checkbox"
            checked={withControl}
            onChange={(e) => setWithControl((e.target as HTMLInputElement).checked)}
            data-testid="filter-control"
          />{' '}
          control API calls
        </label>
        <span class="muted count">
          {rows.length} of {entries.length}
        </span>
      </div>
      <div class="journal-body">
        <div class="table-head journal-row">
          <span>time</span>
          <span>method</span>
          <span>path</span>
          <span>API</span>
          <span>status</span>
          <span class="num">ms</span>
          <span>session</span>
        </div>
        <div
          class="rows"
          ref={box}
          onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
          data-testid="journal-rows"
        >
          {rows.length === 0 && <Empty>No requests yet: call any API and it appears here at once.</Empty>}
          <div style={{ height: `${rows.length * rowHeight}px`, position: 'relative' }}>
            {visible.map((e, i) => (
              <div
                key={e.seq}
                class={`journal-row ${e.seq === selected ? 'selected' : ''}`}
                style={{ top: `${(first + i) * rowHeight}px` }}
                onClick={() => setSelected(e.seq)}
                data-testid="journal-row"
                data-seq={e.seq}
                data-url={e.url}
              >
                <span class="muted">{e.at.slice(11, 23)}</span>
                <span class={`method m-${e.method.toLowerCase()}`}>{e.method}</span>
                <span class="path" title={e.url}>
                  {e.url}
                </span>
                <span>{e.api ?? '—'}</span>
                <span>
                  <span class={`status ${statusClass(e.status)}`}>{e.status || 'reset'}</span>
                  {e.scenarios?.length ? (
                    <span class="flag" title={`scenarios: ${e.scenarios.join(', ')}`}>
                      ⚑
                    </span>
                  ) : null}
                </span>
                <span class="num">{e.durationMs}</span>
                <span class="muted">{e.session}</span>
              </div>
            ))}
          </div>
        </div>
      </div>
      {chosen && <Detail entry={chosen} onClose={() => setSelected(undefined)} />}
    </div>
  );
}
