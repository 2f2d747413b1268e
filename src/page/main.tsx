import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { control, type Schemas } from './control.js';
import { useLiveJournal } from './live.js';
import { ApisTab } from './tabs/apis.js';
import { DocsTab } from './tabs/docs.js';
import { JournalTab } from './tabs/journal.js';
import { ScenariosTab } from './tabs/scenarios.js';
import { StateTab } from './tabs/state.js';

const tabs = ['apis', 'scenarios', 'journal', 'state', 'docs'] as const;
type Tab = (typeof tabs)[number];
const titles: Record<Tab, string> = {
  apis: 'APIs',
  scenarios: 'Scenarios',
  journal: 'Journal',
  state: 'State',
  docs: 'Docs',
};

const tabFromHash = (): Tab => {
  const t = location.hash.slice(1) as Tab;
  return tabs.includes(t) ? t : 'apis';
};

/** The session the page acts on: the default one, or one picked from the simulator's list (or typed). */
function SessionPicker({
  session,
  onChange,
  changes,
}: {
  session: string;
  onChange: (s: string) => void;
  changes: number;
}) {
  const [names, setNames] = useState<string[]>(['default']);
  useEffect(() => {
    control<Schemas['SessionList']>('GET', '/__control/sessions', 'default')
      .then((l) => setNames(l.sessions.map((s) => s.name)))
      .catch(() => undefined);
  }, [changes, session]);
  const options = names.includes(session) ? names : [...names, session];
  return (
    <label class="session">
      <span>Session</span>
      <select data-testid="session" value={session} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {options.map((n) => (
          <option value={n}>{n}</option>
        ))}
      </select>
      <button
        type="button"
        class="ghost"
        title="Act on a session of your own (X-Connkit-Session)"
        onClick={() => {
          const name = prompt('Session name (letters, digits, . _ -)');
          if (name && /^[A-Za-z0-9._-]{1,64}$/.test(name)) onChange(name);
        }}
      >
        +
      </button>
    </label>
  );
}

function App() {
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [session, setSession] = useState('default');
  const live = useLiveJournal(session);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div class="shell">
      <header>
        <div class="brand">
          <span class="logo">◆</span> connkit <small>simulator</small>
        </div>
        <nav>
          {tabs.map((t) => (
            <a href={`#${t}`} class={t === tab ? 'active' : ''} data-testid={`tab-${t}`}>
              {titles[t]}
              {t === 'journal' && live.entries.length > 0 && <span class="badge">{live.entries.length}</span>}
            </a>
          ))}
        </nav>
        <div class="right">
          <SessionPicker session={session} onChange={setSession} changes={live.changes} />
          <span
            class={`dot ${live.connected ? 'on' : ''}`}
            title={live.connected ? 'live: journal stream connected' : 'journal stream disconnected'}
          />
        </div>
      </header>
      <main>
        {tab === 'apis' && <ApisTab session={session} changes={live.changes} />}
        {tab === 'scenarios' && <ScenariosTab session={session} changes={live.changes} />}
        {tab === 'journal' && <JournalTab entries={live.entries} />}
        {tab === 'state' && <StateTab session={session} changes={live.changes} />}
        {tab === 'docs' && <DocsTab />}
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('connkit page: no #app element to render into');
render(<App />, root);
