// Apart from app.ts so the public declarations name no Express type (a consumer need not have @types/express).
import type { JournalStreamOptions } from './journal-stream-limits.js';

export interface AppOptions {
  /** Permissive CORS for the vendor APIs (frontend apps need it); never for /__control. */
  cors?: boolean;
  /** The address given with --host: a name the control API and the page may be reached by. */
  host?: string;
  controlToken?: string;
  /** How much a journal-stream client that does not read may cost before it is dropped. */
  journalStream?: Pick<JournalStreamOptions, 'maxBufferedBytes' | 'maxBacklog'>;
}
