import { useEffect, useState } from 'preact/hooks';
import { control, type Schemas } from '../control.js';
import { Markdown } from '../markdown.js';
import { Empty } from '../ui.js';

type Catalog = Schemas['Scenarios'];
type Definition = Catalog['catalog'][number];
type Active = Catalog['active'][number];

function ScenarioCard({
  def,
  active,
  session,
  onChanged,
}: {
  def: Definition;
  active?: Active;
  session: string;
  onChanged: () => void;
}) {
  const defaults = Object.fromEntries(
    Object.entries(def.params ?? {}).map(([k, p]) => [k, String((p as { default?: number }).default ?? '')]),
  );
  const fromActive = () => ({
    ...defaults,
    ...Object.fromEntries(Object.entries(active?.params ?? {}).map(([k, v]) => [k, String(v)])),
  });
  const [params, setParams] = useState<Record<string, string>>(fromActive);
  const [apis, setApis] = useState<string[]>(active?.apis ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // What the server holds wins whenever it changes (another tab, the CLI, a test).
  const activeKey = JSON.stringify(active ?? null);
  useEffect(() => {
    setParams(fromActive());
    setApis(active?.apis ?? []);
  }, [activeKey]);

  const body = () => ({
    apis: apis.length ? apis : undefined,
    params: Object.fromEntries(
      Object.entries(params)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    ),
  });
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const toggle = () =>
    run(() =>
      active
        ? control('DELETE', `/__control/scenarios/${def.name}`, session)
        : control('PUT', `/__control/scenarios/${def.name}`, session, body()),
    );
  const dirty =
    active &&
    JSON.stringify(body()) !==
      JSON.stringify({ apis: active.apis.length ? active.apis : undefined, params: active.params });

  return (
    <section class={`card scenario ${active ? 'on' : ''}`} data-testid={`scenario-${def.name}`}>
      <div class="scenario-head">
        <h2>{def.name}</h2>
        <label class="switch" title={active ? 'on: click to switch off' : 'off: click to switch on'}>
          <input
            type="checkbox"
            role="switch"
            checked={!!active}
            disabled={busy}
            onChange={() => void toggle()}
            data-testid={`switch-${def.name}`}
            aria-label={`${def.name} on`}
          />
          <span class="track" />
        </label>
      </div>
      <Markdown text={def.description} />
      <div class="chips">
        {def.apis.map((a) => (
          <button
            type="button"
            class={`chip toggle ${apis.includes(a) ? 'picked' : ''}`}
            aria-pressed={apis.includes(a)}
            data-testid={`chip-${def.name}-${a}`}
            title={
              apis.includes(a)
                ? `${a}: picked (click to leave out)`
                : apis.length
                  ? `${a}: left out (click to pick)`
                  : `every API it applies to is on; click to narrow to ${a}`
            }
            onClick={() => setApis(apis.includes(a) ? apis.filter((x) => x !== a) : [...apis, a])}
          >
            <span class="tick" aria-hidden="true">
              {apis.includes(a) ? '✓' : '+'}
            </span>
            {a}
          </button>
        ))}
        <span class="muted small">{apis.length ? 'only the picked APIs' : 'all of them (pick to narrow)'}</span>
      </div>
      {Object.keys(def.params ?? {}).length > 0 && (
        <div class="params">
          {Object.entries(def.params ?? {}).map(([k, p]) => (
            <label title={(p as { description?: string }).description}>
              <span>{k}</span>
              <input
                type="number"
                step="any"
                value={params[k]}
                onInput={(e) => setParams({ ...params, [k]: (e.target as HTMLInputElement).value })}
              />
            </label>
          ))}
        </div>
      )}
      {dirty && (
        <button
          type="button"
          class="primary small"
          disabled={busy}
          onClick={() => void run(() => control('PUT', `/__control/scenarios/${def.name}`, session, body()))}
        >
          Apply changes
        </button>
      )}
      {error && <div class="error">{error}</div>}
    </section>
  );
}

/** The scenario catalog with a switch each, for the chosen session; follows changes made elsewhere. */
export function ScenariosTab({ session, changes }: { session: string; changes: number }) {
  const [data, setData] = useState<Catalog>();
  const [error, setError] = useState<string>();
  const [own, setOwn] = useState(0);
  useEffect(() => {
    control<Catalog>('GET', '/__control/scenarios', session)
      .then((d) => {
        setData(d);
        setError(undefined);
      })
      .catch((e: Error) => setError(e.message));
  }, [session, changes, own]);
  if (error) return <Empty>{error}</Empty>;
  if (!data) return <Empty>loading…</Empty>;
  const on = data.active.map((a) => a.name);
  return (
    <div>
      <p class="lead">
        Session <b>{session}</b>:{' '}
        {on.length ? (
          <>
            on —{' '}
            {on.map((n) => (
              <span class="chip picked">{n}</span>
            ))}
          </>
        ) : (
          'no scenario is on.'
        )}{' '}
        {on.length > 0 && (
          <button
            type="button"
            class="ghost small"
            onClick={() => void control('DELETE', '/__control/scenarios', session).then(() => setOwn(own + 1))}
          >
            Switch all off
          </button>
        )}
      </p>
      <div class="grid">
        {data.catalog.map((def) => (
          <ScenarioCard
            def={def}
            active={data.active.find((a) => a.name === def.name)}
            session={session}
            onChanged={() => setOwn(own + 1)}
          />
        ))}
      </div>
    </div>
  );
}
