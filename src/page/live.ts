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
export function useLiveJournal(): Live {
  const [live, setLive] = useState<Live>({ entries: [], connected: false, changes: 0 });
  useEffect(() => {
    const source = new EventSource('/__control/journal/stream?backlog=1000');
    let buffer: JournalEntry[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch = buffer;
      buffer = [];
      const changed = batch.some((e) => e.method !== 'GET' && e.method !== 'HEAD');
      setLive((l) => {
        const entries = l.entries.concat(batch);
        return { entries: entries.length > kept ? entries.slice(-kept) : entries, connected: true, changes: l.changes + (changed ? 1 : 0) };
      });
    };
    source.addEventListener('entry', (ev) => {
      buffer.push(JSON.parse((ev as MessageEvent).data));
      if (!frame) frame = requestAnimationFrame(flush);
    });
    source.onopen = () => setLive((l) => ({ ...l, connected: true }));
    source.onerror = () => setLive((l) => ({ ...l, connected: false }));
    return () => {
      source.close();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  return live;
}
