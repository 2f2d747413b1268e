// What a journal stream may cost and what it holds: apart from journal-stream.ts so the public
// declarations (the server's options and its app) name no Express type.

export interface JournalStreamOptions {
  controlToken?: string;
  /** Comment lines that keep proxies and idle timers from closing a quiet stream. */
  heartbeatMs?: number;
  /**
   * Bytes one client may have waiting (in the socket's buffer and queued behind it) before it
   * is dropped: a reader that does not keep up costs this much, never the whole journal.
   */
  maxBufferedBytes?: number;
  /** The most entries `?backlog=` (or a Last-Event-ID) sends before the live ones. */
  maxBacklog?: number;
}

export const defaultStreamLimits = { maxBufferedBytes: 1 << 20, maxBacklog: 1000 };

/** What the open streams hold right now (the tests and the health of a busy server read it). */
export interface StreamGauge {
  open: number;
  /** Bytes written but not yet taken by the clients' sockets, plus what is queued behind them. */
  buffered: number;
  dropped: number;
}
