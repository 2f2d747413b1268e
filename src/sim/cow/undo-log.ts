/** Stands for "the key held nothing" in a recorded step (undefined may be a value). */
export const absent: unique symbol = Symbol('connkit.absent');

/** A store of the copy-on-write layer that can take back one write it recorded. */
export interface Undoable {
  undo(where: unknown, key: unknown, before: unknown): void;
}

/**
 * The writes of the request that is running, so a request that fails after writing part of its
 * change leaves the session's state as it found it. One per session, shared by the session's
 * copy-on-write spaces: each write records what it replaces while a request is open, and a
 * failed request's steps are replayed backwards. Nothing is recorded on reads, nor outside a
 * request (building a world, importing a snapshot).
 *
 * Every write is recorded, not only the first per key: a replay backwards ends at the same
 * state, and an array push per write is cheaper than the lookup that would tell a first write
 * from a later one (a handler writes each field once or twice).
 *
 * One request at a time: a handler's writes run without an await between them (the vendors'
 * handlers are synchronous), so no other request's write can come between the first write of a
 * request and its undo. Should a request stay open across an await and another start writing
 * meanwhile, the open one is kept as it stands (its steps dropped): its undo then restores
 * nothing, and never erases a write the other made.
 */
export class UndoLog {
  /** Four slots per step: the store, where in it, the key, what was there. */
  private readonly steps: unknown[] = [];
  /** The number of the open request, 0 while none is (then no write is recorded). */
  open = 0;
  private opened = 0;
  private writes = 0;
  /**
   * Told after each write recorded, with how many the open request has made: a test fails a
   * request there, mid-change, to prove the change is taken back whole.
   */
  afterWrite?: (writes: number) => void;

  /** Opens a request's log (keeping the one still open as it stands); its number closes it. */
  begin(): number {
    this.steps.length = 0;
    this.writes = 0;
    return (this.open = ++this.opened);
  }

  record(by: Undoable, where: unknown, key: unknown, before: unknown): void {
    this.steps.push(by, where, key, before);
    if (this.afterWrite !== undefined) this.afterWrite(++this.writes);
  }

  /** Closes request `n`'s log; with `undo`, its writes are taken back first. False when it was not open. */
  close(n: number, undo: boolean): boolean {
    if (this.open !== n) return false;
    this.open = 0;
    const s = this.steps;
    if (undo) for (let i = s.length - 4; i >= 0; i -= 4) (s[i] as Undoable).undo(s[i + 1], s[i + 2], s[i + 3]);
    s.length = 0;
    return true;
  }
}

/** A log that never opens: for spaces no session owns (a test's, a one-off view). */
export const noLog = (): UndoLog => new UndoLog();
