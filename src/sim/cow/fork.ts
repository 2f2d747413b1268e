import { CowSpace } from './space.js';
import type { UndoLog } from './undo-log.js';

/** A session's own state of one API, forked from the shared base, and what it has copied. */
export interface Fork<State> {
  state: State;
  space: CowSpace;
}

/**
 * Forks a state object (a vendor's state class) without copying: the fork has the same class
 * and every field seen through one copy-on-write space, its `data` and its index Maps alike,
 * so the class's own methods work on it unchanged and nothing is rebuilt. Vendor-neutral: it
 * asks nothing of the class but that its fields are plain data, Maps or shared helpers.
 * `log`: the session's undo log, which its writes are recorded in while a request runs.
 */
export function forkState<State extends object>(base: State, log?: UndoLog): Fork<State> {
  const space = new CowSpace(log);
  const fork = Object.create(Object.getPrototypeOf(base) as object | null) as State;
  for (const key of Reflect.ownKeys(base)) {
    const desc = Reflect.getOwnPropertyDescriptor(base, key);
    if (desc && 'value' in desc) Object.defineProperty(fork, key, { ...desc, value: space.view(desc.value) });
  }
  return { state: fork, space };
}
