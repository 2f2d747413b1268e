import autocannon from 'autocannon';

/**
 * The load generator is autocannon, in this process: while it runs, the bench does nothing else,
 * and every server under test (the bare one included) is a child process of its own, so the
 * generator and the server each have one of the two cores. In-process keeps the results typed
 * and lets a write give each request its own body without a second program to talk to.
 */
export const connections = 50;

export interface Request {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** A body per request (the i-th request sent); none for reads. */
  body?: (i: number) => string;
}

export interface Load {
  rps: number;
  /** Bytes read per answer, headers included, as autocannon counts them. */
  wireBytes: number;
  mbPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  /** The seconds the rate is over, and autocannon's own figure (rounded up to its next one-second tick in a run of `amount`). */
  seconds: number;
  autocannonSeconds: number;
}

/** `duration` seconds of load, or exactly `amount` requests (a write whose bodies are used up). */
export async function load(base: string, r: Request, run: { duration: number } | { amount: number }): Promise<Load> {
  let i = 0;
  const body = r.body;
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base + r.path,
        method: r.method,
        headers: r.headers,
        connections,
        ...run,
        ...(body ? { requests: [{ setupRequest: (req) => ({ ...req, body: body(i++) }) }] } : {}),
      },
      (err: unknown, res) => (err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(res)),
    );
    instance.on('response', () => {
      lastAnswer = performance.now();
    });
  });
  // Totals over the run's own duration, not the mean of autocannon's one-second samples: a run
  // of a fixed number of writes may last a second or two, and a partial sample skews a mean.
  // autocannon ends a run of `amount` requests only at its next one-second sample tick, so its
  // own duration rounds such a run up by as much as a second (2 000 claims in 0.4 s read as
  // 2 000 req/s): that run is timed from its start to its last answer instead.
  const seconds = Math.max('amount' in run ? (lastAnswer - started) / 1000 : result.duration, 0.001);
  const rps = result.requests.total / seconds;
  return {
    rps: Math.round(rps),
    wireBytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    mbPerSec: Math.round((result.throughput.total / seconds / 1e6) * 100) / 100,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    seconds: Math.round(seconds * 1000) / 1000,
    autocannonSeconds: result.duration,
  };
}

/** Sequential requests timed one by one (the scale step: latency of one caller, not throughput). */
export async function timed(
  url: (i: number) => string,
  headers: Record<string, string>,
  n: number,
): Promise<{ p50: number; p99: number; max: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url(i), { headers });
    await res.arrayBuffer();
    times.push(performance.now() - t);
    status = Math.max(status, res.status);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => round(times[Math.min(times.length - 1, Math.floor(p * times.length))]);
  return { p50: q(0.5), p99: q(0.99), max: round(times[times.length - 1]), status };
}

export const round = (ms: number) => Math.round(ms * 100) / 100;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
