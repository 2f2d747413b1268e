import { join } from 'node:path';
import { freePort } from '../src/free-port.js';
import type { VendorName } from '../src/contract/names.js';
import { base, type Endpoint } from './endpoints.js';
import type { Options } from './options.js';
import { root, startProcess, type Proc, type Ready } from './proc.js';

export const cli = join(root, 'dist', 'src', 'cli.cjs');
export const profileDir = join(root, 'bench', 'profiles');

export interface ConnkitStart {
  /** `--size` as the CLI takes it: `mycreditapp=1000000`. */
  size?: Partial<Record<VendorName, number>>;
  apis?: VendorName[];
  /** Ready when these answer 200 (the control API's health when absent). */
  ready?: Endpoint[];
  /** Names the CPU profile when the step is profiled. */
  label: string;
  nodeFlags?: string[];
  timeoutMs?: number;
}

export const sizeArg = (size: Partial<Record<VendorName, number>>) =>
  Object.entries(size)
    .map(([api, n]) => `${api}=${n}`)
    .join(',');

/** The flags a connkit row was started with, as a user would type them. */
export const connkitFlags = (s: Pick<ConnkitStart, 'size' | 'apis'>): string[] => [
  'mock',
  '--log-level',
  'silent',
  ...(s.size && Object.keys(s.size).length ? ['--size', sizeArg(s.size)] : []),
  ...(s.apis ? ['--api', s.apis.join(',')] : []),
];

export const readyOn = (reads: Endpoint[]): Ready => ({
  requests: reads.map((e) => ({ path: base(e.api, 'connkit') + e.path, headers: e.headers })),
});

/** node's flags to write a V8 CPU profile of this process on exit, when the step is profiled. */
export const profileFlags = (step: string, o: Options, label: string): string[] =>
  o.profile.has(step)
    ? [
        '--cpu-prof',
        // A start is ~150 ms: V8's default 1 ms sampling gives it too few samples to read. Under
        // load, 100 µs sampling would slow the server it profiles; those steps keep the default.
        ...(step === 'cold-start' ? ['--cpu-prof-interval', '100'] : []),
        '--cpu-prof-dir',
        profileDir,
        '--cpu-prof-name',
        `${step}-${label}-${Date.now()}.cpuprofile`,
      ]
    : [];

/** `node dist/src/cli.cjs mock`, with a V8 CPU profile written on exit when the step is profiled. */
export async function startConnkit(step: string, o: Options, s: ConnkitStart): Promise<Proc> {
  const port = await freePort();
  const prof = profileFlags(step, o, s.label);
  const ready = s.ready ? readyOn(s.ready) : { requests: [{ path: '/__control/health' }] };
  return startProcess(
    `connkit-${step}-${s.label}`,
    process.execPath,
    [...(s.nodeFlags ?? []), ...prof, cli, ...connkitFlags(s), '--port', String(port)],
    port,
    { ...ready, timeoutMs: s.timeoutMs },
  );
}
