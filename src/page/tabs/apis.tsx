import { useEffect, useState } from 'preact/hooks';
import { control, type ApiExample, type Examples, type Fixtures } from '../control.js';
import { CodeBlock, Copyable, Empty } from '../ui.js';
import { textOf } from '../text.js';

const shownPerList = 5;

/** A fixture value: strings copyable, lists cut after a few, objects as nested rows. */
function FixtureValue({ value, path }: { value: unknown; path: string }) {
  if (typeof value === 'string') return <Copyable value={value} testId={`fixture-${path}`} />;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return <code>{String(value)}</code>;
  if (Array.isArray(value)) {
    if (!value.length) return <span class="muted">none</span>;
    if (value.every((v) => v && typeof v === 'object' && !Array.isArray(v)))
      return <RecordList records={value as Record<string, unknown>[]} path={path} />;
    return (
      <div class="list">
        {value.slice(0, shownPerList).map((v: unknown, i) => (
          <FixtureValue value={v} path={`${path}.${i}`} />
        ))}
        {value.length > shownPerList && <span class="muted">… and {value.length - shownPerList} more</span>}
      </div>
    );
  }
  return <FixtureTable value={value as Record<string, unknown>} path={path} />;
}

/** A list of records (connections with their ids): a small table, the first few rows. */
function RecordList({ records, path }: { records: Record<string, unknown>[]; path: string }) {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return (
    <div class="records-mini">
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th>{c.replace(/_/g, ' ')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.slice(0, shownPerList).map((r, i) => (
            <tr>
              {columns.map((c) => (
                <td>
                  {typeof r[c] === 'string' ? (
                    <Copyable value={r[c]} testId={`fixture-${path}.${i}.${c}`} />
                  ) : (
                    <code>{r[c] === null || r[c] === undefined ? '—' : textOf(r[c])}</code>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {records.length > shownPerList && <span class="muted">… and {records.length - shownPerList} more</span>}
    </div>
  );
}

function FixtureTable({ value, path }: { value: Record<string, unknown>; path: string }) {
  return (
    <div class="table-wrap">
      <table class="fixtures">
        <tbody>
          {Object.entries(value)
            .filter(([k]) => k !== 'api' && k !== 'base_url')
            .map(([k, v]) => (
              <tr>
                <th>{k.replace(/_/g, ' ')}</th>
                <td>
                  <FixtureValue value={v} path={`${path}.${k}`} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

function ApiCard({ api, fixtures }: { api: ApiExample; fixtures?: Record<string, unknown> }) {
  return (
    <section class="card api" data-testid={`api-${api.name}`}>
      <h2>
        {api.title.split(' — ')[0]} <small>{api.title.split(' — ')[1]}</small>
      </h2>
      <table class="urls">
        <tbody>
          <tr>
            <th>base URL</th>
            <td>
              <Copyable value={api.base_url} testId={`base-${api.name}`} />
            </td>
          </tr>
          {api.vendor_url && (
            <tr>
              <th>vendor path</th>
              <td>
                <Copyable value={api.vendor_url} />
              </td>
            </tr>
          )}
          {api.https_url && (
            <tr>
              <th>https</th>
              <td>
                <Copyable value={api.https_url} />
              </td>
            </tr>
          )}
          {api.https_vendor_url && (
            <tr>
              <th>https, vendor path</th>
              <td>
                <Copyable value={api.https_vendor_url} />
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {api.curl && (
        <>
          <h3>Try it</h3>
          <CodeBlock code={api.curl} testId={`curl-${api.name}`} />
        </>
      )}
      <h3>Credentials and fixture ids</h3>
      {fixtures ? <FixtureTable value={fixtures} path={api.name} /> : <Empty>loading…</Empty>}
    </section>
  );
}

/** Every served API: where it is, how to call it, what to call it with. */
export function ApisTab({ session, changes }: { session: string; changes: number }) {
  const [examples, setExamples] = useState<Examples>();
  const [fixtures, setFixtures] = useState<Fixtures>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    Promise.all([
      control<Examples>('GET', '/__page/examples', session),
      control<Fixtures>('GET', '/__control/fixtures', session),
    ])
      .then(([e, f]) => {
        setExamples(e);
        setFixtures(f);
      })
      .catch((e: Error) => setError(e.message));
  }, [session, changes]);
  if (error) return <Empty>{error}</Empty>;
  if (!examples) return <Empty>loading…</Empty>;
  return (
    <div class="tab-apis">
      <p class="lead">
        Session <b>{examples.session}</b>, seed <b>{fixtures?.seed}</b>. Every API is also served at the vendor's own
        path. Control API: <Copyable value={examples.control.base_url} />
      </p>
      <div class="grid">
        {examples.apis.map((api) => (
          <ApiCard
            api={api}
            fixtures={(fixtures?.apis as Record<string, Record<string, unknown>> | undefined)?.[api.name]}
          />
        ))}
      </div>
    </div>
  );
}
