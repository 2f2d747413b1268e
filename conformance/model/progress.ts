/** How often a progress line may be written: often on a terminal (it is read live), rarely in a log. */
export const progressEveryMs = { tty: 250, log: 5_000 };

/**
 * The model tier's progress for one API: runs done of the total, steps, elapsed and budget
 * left, at most once per interval (and always for the last run). Lines go wherever verify's
 * progress goes (stderr), never into a reporter's output.
 */
export function modelProgress(
  api: string,
  total: number,
  budgetMs: number,
  write: (line: string) => void,
  everyMs: number,
): (runs: number, steps: number, elapsedMs: number) => void {
  let last = -Infinity;
  return (runs, steps, elapsedMs) => {
    if (runs < total && elapsedMs - last < everyMs) return;
    last = elapsedMs;
    const left = Math.max(0, budgetMs - elapsedMs);
    write(
      `[model] ${api}: ${runs}/${total} runs, ${steps} steps, ${(elapsedMs / 1000).toFixed(1)} s, ${(left / 1000).toFixed(0)} s of budget left`,
    );
  };
}
