import { styleText } from 'node:util';
import type { BuildProgress } from '../sim/build-progress.js';

/** Where progress goes (stderr): a terminal gets a bar redrawn in place, anything else lines. */
export interface ProgressOut {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  out: ProgressOut;
  color: boolean;
  /** Milliseconds, monotonic; tests pass a fake clock. */
  now?: () => number;
  /** Off a terminal: one line this often while a build runs. */
  lineEveryMs?: number;
}

export interface ProgressRenderer {
  update(progress: BuildProgress): void;
  /** Ends a bar left mid-way (a build that threw), so what follows starts on its own line. */
  stop(): void;
}

// A world built in less than this says nothing: a bar that flashes by is noise.
const quietMs = 500;
const redrawMs = 100;
// Made on the first line drawn: ICU's number formatter costs milliseconds to create, and the
// default worlds build before any progress shows.
let formatter: Intl.NumberFormat | undefined;
const count = { format: (n: number) => (formatter ??= new Intl.NumberFormat('en-US')).format(n) };

/** `1 s`, `2 min 5 s`: the estimate, rounded up to whole seconds. */
export function duration(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

interface Build {
  started: number;
  lastLine: number;
  lastDraw: number;
  drawn: boolean;
  lines: number;
}

/**
 * World-build progress for the CLI. The builders run synchronously, so everything is drawn
 * from inside `update` (no timer could fire during a build) and throttled by the clock.
 */
export function progressRenderer(options: ProgressOptions): ProgressRenderer {
  const { out, color } = options;
  const now = options.now ?? (() => performance.now());
  const lineEveryMs = options.lineEveryMs ?? 2000;
  const tty = out.isTTY === true;
  const builds = new Map<string, Build>();
  let open: Build | undefined;

  const figures = (p: BuildProgress, b: Build, t: number) => {
    const elapsed = Math.max(1, t - b.started);
    const rate = (p.done / elapsed) * 1000;
    const left = rate > 0 ? ((p.total - p.done) / rate) * 1000 : undefined;
    return {
      percent: p.total > 0 ? Math.floor((p.done / p.total) * 100) : 100,
      rate: `${count.format(Math.round(rate))} records/s`,
      left: left === undefined ? 'estimating' : `about ${duration(left)} left`,
      elapsed,
    };
  };

  // colorFor has decided (stderr, NO_COLOR): styleText's own check would look at stdout.
  const bar = (fraction: number, width: number) => {
    const full = Math.round(fraction * width);
    const done = '█'.repeat(full);
    return `${color ? styleText('cyan', done, { validateStream: false }) : done}${'░'.repeat(width - full)}`;
  };

  const draw = (p: BuildProgress, b: Build, t: number, final: boolean) => {
    const f = figures(p, b, t);
    const tail = final
      ? ` ${count.format(p.total)} records in ${duration(f.elapsed)}, ${f.rate}`
      : ` ${f.percent}% ${count.format(p.done)}/${count.format(p.total)} records, ${f.rate}, ${f.left}`;
    const head = `building ${p.api} `;
    const width = Math.max(10, Math.min(30, (out.columns ?? 100) - head.length - tail.length - 1));
    // \r and erase-to-end redraw the one line in place.
    out.write(`\r${head}${bar(p.total > 0 ? p.done / p.total : 1, width)}${tail}\x1b[K${final ? '\n' : ''}`);
    b.drawn = !final;
    b.lastDraw = t;
    open = final ? undefined : b;
  };

  const line = (p: BuildProgress, b: Build, t: number, final: boolean) => {
    const f = figures(p, b, t);
    out.write(
      final
        ? `connkit: built the ${p.api} world: ${count.format(p.total)} records in ${duration(f.elapsed)} (${f.rate})\n`
        : `connkit: building the ${p.api} world: ${count.format(p.done)} of ${count.format(p.total)} records (${f.percent}%), ${f.rate}, ${f.left}\n`,
    );
    b.lines++;
    b.lastLine = t;
  };

  return {
    update(p) {
      const t = now();
      let b = builds.get(p.api);
      if (!b) {
        b = { started: t, lastLine: t, lastDraw: Number.NEGATIVE_INFINITY, drawn: false, lines: 0 };
        builds.set(p.api, b);
      }
      const final = p.done >= p.total;
      const shown = t - b.started >= quietMs;
      if (final) builds.delete(p.api);
      if (tty) {
        if (final ? b.drawn || shown : shown && t - b.lastDraw >= redrawMs) draw(p, b, t, final);
      } else if (final ? b.lines > 0 || shown : t - b.lastLine >= lineEveryMs) line(p, b, t, final);
    },
    stop() {
      if (open?.drawn) out.write('\n');
      open = undefined;
    },
  };
}
