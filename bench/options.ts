import { parseArgs } from 'node:util';
import { isVendorName, vendorNames, type VendorName } from '../src/contract/names.js';

export const stepNames = [
  'throughput',
  'writes',
  'cold-start',
  'scale',
  'sessions',
  'verify',
  'model',
  'library',
  'build',
  'persist',
] as const;
export type StepName = (typeof stepNames)[number];

export interface Options {
  quick: boolean;
  steps: StepName[];
  /** Steps whose connkit process writes a V8 CPU profile (bench/profiles/). */
  profile: Set<string>;
  /** Seconds of load per row, after the warm-up. */
  duration: number;
  warmUp: { duration: number } | { amount: number };
  skipBuild: boolean;
  /** The headline reads of these APIs only (all by default). */
  apis: VendorName[];
}

const usage = `npm run bench -- [--quick] [--only ${stepNames.join(',')}] [--profile[=step,…]] [--skip-build] [--api name,…]
  --quick      2 s loads, the target peers only (Prism static, Mockoon), 3 cold starts, 10 k
               instead of 1 M MyCreditApp connections, worlds of 100 k instead of 1 M, no verify step
  --only       run only these steps
  --profile    write a V8 CPU profile (node --cpu-prof) of connkit in these steps (all when bare)
               to bench/profiles/, to open in Chrome DevTools or speedscope
  --skip-build measure dist/ as it is
  --api        throughput: the headline reads of these APIs only`;

function steps(value: string | undefined, quick = false): StepName[] {
  // --quick leaves out verify (its run time is not a target), unless asked for by name.
  if (!value) return stepNames.filter((s) => !quick || (s !== 'verify' && s !== 'model'));
  const names = value.split(',').map((s) => s.trim());
  for (const n of names)
    if (!(stepNames as readonly string[]).includes(n)) throw new Error(`unknown step ${n}\n${usage}`);
  return names as StepName[];
}

export function parseOptions(argv: string[]): Options {
  // `--profile` alone profiles every step; parseArgs has no optional values, so split it first.
  const args = argv.map((a) => (a === '--profile' ? `--profile=${stepNames.join(',')}` : a));
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      profile: { type: 'string' },
      'skip-build': { type: 'boolean' },
      api: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const apis = values.api ? values.api.split(',').map((a) => a.trim()) : [...vendorNames];
  for (const a of apis) if (!isVendorName(a)) throw new Error(`unknown API ${a}\n${usage}`);
  return {
    quick,
    steps: steps(values.only, quick),
    profile: new Set(values.profile === undefined ? [] : steps(values.profile)),
    duration: quick ? 2 : 5,
    warmUp: quick ? { duration: 1 } : { duration: 3 },
    skipBuild: values['skip-build'] ?? false,
    apis: apis as VendorName[],
  };
}
