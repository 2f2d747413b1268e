import type { ActiveScenario } from '../scenarios/catalog.js';

/**
 * connkit's snapshot as NDJSON (`application/x-ndjson`), one JSON value per line:
 *
 *     {"connkit":1,"format":"ndjson","seed":42,"sizes":{…},"scenarios":[…]}     the header, first
 *     {"api":"wingfield","path":[],"value":{}}                                  an API's state begins
 *     {"api":"wingfield","path":["counter"],"value":12}                         a field…
 *     {"api":"wingfield","path":["relations"],"value":{}}                       …or a large collection, empty,
 *     {"api":"wingfield","path":["relations","<id>"],"value":{…}}               then one line per record
 *
 * A line sets `value` at `path` inside the API's state (object keys, array indexes), in order:
 * the lines rebuild the state exactly, so an export imported and exported again is the same
 * bytes. Containers past a few hundred entries are split, at any depth; the rest stay whole.
 * A file of several sessions (`--persist`) is their snapshots one after the other, each header
 * naming its session (`"session":"<name>"`).
 */
export const ndjsonType = 'application/x-ndjson';

export interface SnapshotHeader {
  connkit: 1;
  format: 'ndjson';
  /** In a file of several sessions (`--persist`), the session whose snapshot follows. */
  session?: string;
  seed: number;
  sizes?: Record<string, number>;
  scenarios?: ActiveScenario[];
}

export interface SnapshotLine {
  api: string;
  path: (string | number)[];
  value: unknown;
}
