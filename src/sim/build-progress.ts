/**
 * How a world's builder says how far it is: `done` records made of the `total` it will make.
 * Builders are synchronous (a million records block the event loop for seconds), so whoever
 * listens must render from inside the call.
 */
export type OnProgress = (done: number, total: number) => void;

/** One report of a world's build, as the simulator passes it on: `done === total` when built. */
export interface BuildProgress {
  api: string;
  done: number;
  total: number;
}

/** What a StateFactory's `create` is given. */
export interface BuildInput {
  seed: number;
  size: number;
  onProgress?: OnProgress;
}

/**
 * A tick for a builder's loop: call it with the records made so far; it passes on about two
 * hundred of them per build (a call per record would cost more than the listener is worth).
 */
export function progressTicker(total: number, onProgress: OnProgress | undefined): (done: number) => void {
  if (!onProgress) return () => {};
  const step = Math.max(1024, Math.ceil(total / 200));
  let next = 0;
  return (done) => {
    if (done < next) return;
    next = done + step;
    onProgress(Math.min(done, total), total);
  };
}
