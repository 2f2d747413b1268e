import type { JournalEntry } from './control.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
// Set by curl itself or meaningless on a replay.
const skipped = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'keep-alive', 'transfer-encoding']);

/** A curl that sends the journaled request again, to this simulator. */
export function replayCurl(entry: JournalEntry, origin: string): string {
  const parts = ['curl', '-sS'];
  if (entry.method !== 'GET') parts.push('-X', entry.method);
  parts.push(quote(origin + entry.url));
  for (const [name, value] of Object.entries(entry.request?.headers ?? {})) {
    if (!skipped.has(name.toLowerCase())) parts.push('-H', quote(`${name}: ${value}`));
  }
  // The scenarios that acted, as a Prefer header: the replay meets the same fault even where
  // the session's switches have moved since (their parameters are the session's; defaults here).
  const sent =
    Object.entries(entry.request?.headers ?? {}).find(([name]) => name.toLowerCase() === 'prefer')?.[1] ?? '';
  const missing = (entry.scenarios ?? []).filter(
    (name) => !new RegExp(`(^|,)\\s*scenario\\s*=\\s*"?${name}"?\\s*(;|,|$)`).test(String(sent)),
  );
  if (missing.length) parts.push('-H', quote(`Prefer: ${missing.map((n) => `scenario=${n}`).join(', ')}`));
  if (entry.request?.body) parts.push('--data-raw', quote(entry.request.body));
  return parts.join(' ');
}
