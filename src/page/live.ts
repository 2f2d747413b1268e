import { useEffect, useState } from 'preact/hooks';
import type { JournalEntry } from './control.js';

/** Entries kept in the page: the journal's default capacity and then some. */
const kept = 5000;

export interface Live {
  entries: JournalEntry[];
  connected: boolean;
  /** Bumped by every request that may have changed state or scenarios, from any client. */
  changes: number;
}

/**
 * The journal as it happens (GET /__control/journal/stream). Events arriving together are
 * applied once per frame, so a burst of requests re-renders the page once, not per request.
 */
export function useLiveJournal(session = 'default'): Live {
  const [live, setLive] = useState<Live>({ entries: [], connected: false, changes: 0 });
  useEffect(() => {
    // `session` routes the stream, behind a proxy hashing sessions over processes, to the one
    // holding it (an EventSource sends no X-Connkit-Session); the backlog refills the list.
    const query = new URLSearchParams({ backlog: '1000' });
    if (session !== 'default') query.set('session', session);
    const source = new EventSource(`/__control/journal/stream?${query}`);
    setLive((l) => ({ ...l, entries: [] }));
    let buffer: JournalEntry[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch = buffer;
      buffer = [];
      const changed = batch.some((e) => e.method !== 'GET' && e.method !== 'HEAD');
      setLive((l) => {
        const entries = l.entries.concat(batch);
        return {
          entries: entries.length > kept ? entries.slice(-kept) : entries,
          connected: true,
          changes: l.changes + (changed ? 1 : 0),
        };
      });
    };
    source.addEventListener('entry', (ev) => {
      buffer.push(JSON.parse(String(ev.data)) as JournalEntry);
      if (!frame) frame = requestAnimationFrame(flush);
    });
    source.onopen = () => setLive((l) => ({ ...l, connected: true }));
    source.onerror = () => setLive((l) => ({ ...l, connected: false }));
    return () => {
      source.close();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [session]);
  return live;
}
