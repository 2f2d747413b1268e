import { ControlError } from './control.js';

const ndjson = 'application/x-ndjson';
const headersFor = (session: string, extra: Record<string, string>) =>
  session === 'default' ? extra : { ...extra, 'X-Connkit-Session': session };

/**
 * Saves the session's snapshot as an NDJSON file. The answer goes to a Blob, never to a string
 * or a parsed object, so a million records download as easily as twenty.
 */
export async function downloadSnapshot(session: string): Promise<void> {
  const res = await fetch('/__control/state', { headers: headersFor(session, { Accept: ndjson }) });
  if (!res.ok) throw new ControlError(res.status, `${res.status} ${res.statusText}`);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = `connkit-${session}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.ndjson`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Sends a snapshot file as it is (the browser streams a File): NDJSON, or an older JSON export. */
export async function uploadSnapshot(session: string, file: File): Promise<{ session: string; seed: number }> {
  const type = file.name.endsWith('.json') ? 'application/json' : ndjson;
  const res = await fetch('/__control/state', {
    method: 'PUT',
    headers: headersFor(session, { 'Content-Type': type, Accept: 'application/json' }),
    body: file,
  });
  const json: unknown = await res.json().catch(() => undefined);
  const message = (json as { error?: { message?: string } } | undefined)?.error?.message;
  if (!res.ok) throw new ControlError(res.status, message ?? `${res.status} ${res.statusText}`);
  return json as { session: string; seed: number };
}
