import { useState } from 'preact/hooks';
import { control, type Schemas } from '../control.js';
import { Json } from '../ui.js';

type Info = Schemas['StateCollections']['collections'][number];

/**
 * One record opened: its JSON, editable where the collection is (saved through
 * PUT /__control/state/{api}/{collection}/{id}, checked against the vendor's schema there),
 * and the presets the vendor module declares for it.
 */
export function RecordEditor({
  api,
  info,
  id,
  record,
  session,
  onSaved,
}: {
  api: string;
  info?: Info;
  id: string;
  record: unknown;
  session: string;
  onSaved: (message: string) => void;
}) {
  const [text, setText] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const path = `/__control/state/${api}/${info?.name ?? ''}/${encodeURIComponent(id)}`;
  const run = async (call: () => Promise<Schemas['StateRecord']>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      setText(undefined);
      onSaved(done);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text ?? '');
    } catch (e) {
      return setError(`not JSON: ${(e as Error).message}`);
    }
    return run(() => control('PUT', path, session, parsed), `saved ${id}`);
  };

  return (
    <div class="record-editor" data-testid="record-editor">
      {text === undefined ? (
        <Json value={record} />
      ) : (
        <textarea
          class="json-edit"
          spellcheck={false}
          value={text}
          rows={Math.min(24, text.split('\n').length + 1)}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          data-testid="record-json"
        />
      )}
      <div class="record-actions">
        {info?.editable && text === undefined && (
          <button type="button" onClick={() => setText(JSON.stringify(record, null, 2))} data-testid="record-edit">
            Edit JSON
          </button>
        )}
        {text !== undefined && (
          <>
            <button type="button" class="primary" disabled={busy} onClick={() => void save()} data-testid="record-save">
              Save
            </button>
            <button type="button" class="ghost" onClick={() => (setText(undefined), setError(undefined))}>
              Cancel
            </button>
          </>
        )}
        {text === undefined &&
          info?.presets.map((p) => (
            <button
              type="button"
              class="preset"
              title={p.description}
              disabled={busy}
              onClick={() => void run(() => control('POST', `${path}/presets/${p.name}`, session), `${p.label}: ${id}`)}
              data-testid={`preset-${p.name}`}
            >
              {p.label}
            </button>
          ))}
        {!info?.editable && <span class="muted">read-only collection</span>}
      </div>
      {error && (
        <div class="error" data-testid="record-error">
          {error}
        </div>
      )}
    </div>
  );
}
